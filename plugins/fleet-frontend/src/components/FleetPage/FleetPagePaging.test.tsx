import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  ClusterPageResponse,
  FleetListQuery,
} from '@fleet-portal/plugin-fleet-common';
import { largeClusterList } from '../../__fixtures__/clusterList';
import { clusterPagesOf } from '../../__testUtils__/fakeClusterPages';
import { fakeFleetApi } from '../../__testUtils__/renderClusterCard';
import { fleetApiRef } from '../../api';
import { FleetPage } from './FleetPage';

const fleet = largeClusterList(500);

/** A FleetApi whose pages come from 500 clusters; `hold` keeps the next answers pending. */
function pagedApi() {
  const pages = clusterPagesOf(fleet);
  const held: Array<() => void> = [];
  let holding = false;
  const api = fakeFleetApi('pending', {
    listClusterPage: jest.fn(async (query: FleetListQuery) => {
      const page = await pages(query);
      if (!holding) return page;
      return new Promise<ClusterPageResponse>(resolve =>
        held.push(() => resolve(page)),
      );
    }),
  });
  return {
    api,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      held.splice(0).forEach(answer => answer());
    },
    lastQuery: (): FleetListQuery =>
      api.listClusterPage.mock.calls.at(-1)![0] as FleetListQuery,
  };
}

async function renderPage(api: ReturnType<typeof pagedApi>, route = '/fleet') {
  return renderInTestApp(
    <TestApiProvider apis={[[fleetApiRef, api.api]]}>
      <Routes>
        <Route path="/fleet/*" element={<FleetPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [route] },
  );
}

/** A column header's sort label (it holds a drag handle, also a button, of the same name). */
const sortLabel = (title: string) =>
  screen
    .getAllByRole('button', { name: title })
    .find(button => button.className.includes('MuiTableSortLabel'))!;

const clusterNames = () =>
  screen.queryAllByTestId('fleet-cluster-link').map(link => link.textContent);

describe('FleetPage asks the server for one page', () => {
  it('asks for the first page with the filters of the URL, never the whole fleet', async () => {
    const api = pagedApi();
    await renderPage(api, '/fleet?drift=true&health=ready');
    expect(await screen.findByText('Clusters (70 of 500)')).toBeInTheDocument();
    expect(api.api.listClusters).not.toHaveBeenCalled();
    expect(api.lastQuery()).toEqual({
      drift: true,
      health: 'ready',
      limit: 20,
      offset: 0,
    });
    expect(clusterNames()).toHaveLength(20);
    // The summary counts the whole fleet, not the page nor the filtered list.
    expect(screen.getByTestId('fleet-summary-clusters')).toHaveTextContent(
      '500Clusters',
    );
  });

  it('asks for the next page, keeping the rows shown until it comes', async () => {
    const api = pagedApi();
    await renderPage(api);
    await screen.findByText('Clusters (500)');
    api.hold();
    await userEvent.click(
      screen.getAllByRole('button', { name: /next page/i })[0],
    );
    expect(api.lastQuery()).toEqual({ limit: 20, offset: 20 });
    expect(clusterNames()[0]).toBe('site-000');
    expect(screen.getByTestId('fleet-table')).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    await act(async () => api.release());
    await waitFor(() => expect(clusterNames()[0]).toBe('site-020'));
    expect(screen.getByTestId('fleet-table')).toHaveAttribute(
      'aria-busy',
      'false',
    );
    expect(screen.getByTestId('fleet-summary-clusters')).toHaveTextContent(
      '500Clusters',
    );
  }, 20_000);

  it('sorts on the server, from the first page, either way', async () => {
    const api = pagedApi();
    await renderPage(api);
    await screen.findByText('Clusters (500)');
    await userEvent.click(
      screen.getAllByRole('button', { name: /next page/i })[0],
    );
    await waitFor(() => expect(clusterNames()[0]).toBe('site-020'));

    await userEvent.click(sortLabel('Name'));
    await waitFor(() =>
      expect(api.lastQuery()).toEqual({
        sort: 'name',
        order: 'asc',
        limit: 20,
        offset: 0,
      }),
    );
    await waitFor(() => expect(clusterNames()[0]).toBe('site-000'));

    await userEvent.click(sortLabel('Name'));
    await waitFor(() =>
      expect(api.lastQuery()).toMatchObject({ sort: 'name', order: 'desc' }),
    );
    await waitFor(() => expect(clusterNames()[0]).toBe('site-499'));
  }, 20_000);

  it('searches on the server, and starts again at the first page on other filters', async () => {
    const api = pagedApi();
    await renderPage(api);
    await screen.findByText('Clusters (500)');
    await userEvent.click(
      screen.getAllByRole('button', { name: /next page/i })[0],
    );
    await waitFor(() => expect(api.lastQuery().offset).toBe(20));
    await userEvent.click(screen.getByLabelText('Drift only'));
    await waitFor(() =>
      expect(api.lastQuery()).toEqual({ drift: true, limit: 20, offset: 0 }),
    );

    await userEvent.type(screen.getByPlaceholderText('Filter'), 'site-49');
    await waitFor(() =>
      expect(api.lastQuery()).toEqual({
        drift: true,
        q: 'site-49',
        limit: 20,
        offset: 0,
      }),
    );
    // site-490 and site-497 are the drifted ones (every seventh).
    await waitFor(() =>
      expect(clusterNames()).toEqual(['site-490', 'site-497']),
    );
    expect(screen.getByText('Clusters (2 of 500)')).toBeInTheDocument();
  }, 20_000);
});
