import { render, screen, within } from '@testing-library/react';
import { ClusterOverviewLayout } from './ClusterOverviewLayout';

describe('ClusterOverviewLayout', () => {
  it("puts the catalog's info cards in a row above Fleet Portal's cards, keeping their order", () => {
    render(
      <ClusterOverviewLayout
        cards={[
          { type: 'info', element: <div>About</div> },
          { element: <div>Kairos images</div> },
          { type: 'content', element: <div>Nodes</div> },
          { type: 'info', element: <div>Labels</div> },
        ]}
      />,
    );
    const grid = screen.getByTestId('cluster-overview-cards');
    expect(Array.from(grid.children).map(cell => cell.textContent)).toEqual([
      'Kairos images',
      'Nodes',
    ]);
    expect(within(grid).queryByText('About')).toBeNull();
    const overview = screen.getByTestId('cluster-overview');
    expect(overview.firstElementChild?.textContent).toBe('AboutLabels');
  });

  it('leaves out the info row when there is no info card', () => {
    render(<ClusterOverviewLayout cards={[{ element: <div>Nodes</div> }]} />);
    expect(screen.getByTestId('cluster-overview').children).toHaveLength(1);
  });
});
