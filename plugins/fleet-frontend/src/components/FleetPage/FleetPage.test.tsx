import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  ClusterListResponse,
  ClusterPageResponse,
} from '@fleet-portal/plugin-fleet-common';
import {
  clusterListResponse,
  largeClusterList,
} from '../../__fixtures__/clusterList';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { clusterPagesOf } from '../../__testUtils__/fakeClusterPages';
import { withServiceCounts } from '../../__fixtures__/services';
import { responseError } from '../../__testUtils__/responses';
import { FleetApi, fleetApiRef } from '../../api';
import { FleetPage } from './FleetPage';

/** The page asks for pages; they are cut from the list as the backend cuts them. */
function fakeApi(
  answer: ClusterListResponse | Promise<Error> | 'pending',
): FleetApi {
  return fakeFleetApi('pending', {
    listClusterPage:
      typeof answer === 'object' && 'items' in answer
        ? clusterPagesOf(answer)
        : answerWith<ClusterPageResponse>(answer),
  });
}

async function renderPage(api: FleetApi, route = '/fleet') {
  return renderInTestApp(
    <TestApiProvider apis={[[fleetApiRef, api]]}>
      <Routes>
        {/* As the app mounts it: the requests tab lives below it. */}
        <Route path="/fleet/*" element={<FleetPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [route] },
  );
}

function clusterNames() {
  return screen
    .queryAllByTestId('fleet-cluster-link')
    .map(link => link.textContent);
}

describe('FleetPage', () => {
  it('lists every cluster with its figures and a summary of the fleet', async () => {
    await renderPage(fakeApi(clusterListResponse));
    expect(await screen.findByText('Clusters (4)')).toBeInTheDocument();
    expect(clusterNames()).toEqual([
      'edge-fra-01',
      'core-ams-02',
      'new-lis-01',
      'retail-nyc-07',
    ]);

    expect(screen.getByTestId('fleet-summary-clusters')).toHaveTextContent(
      '4Clusters',
    );
    expect(screen.getByTestId('fleet-summary-nodes')).toHaveTextContent(
      '7Nodes',
    );
    expect(screen.getByTestId('fleet-summary-drifted')).toHaveTextContent(
      '2Clusters in drift',
    );
    expect(
      screen.getByTestId('fleet-summary-unsyncedRecords'),
    ).toHaveTextContent('2Unsynced');
    expect(screen.getByTestId('fleet-summary-stale')).toHaveTextContent(
      '1Stale clusters',
    );

    const link = screen.getAllByTestId('fleet-cluster-link')[0];
    expect(link).toHaveAttribute(
      'href',
      '/catalog/demo/resource/edge-fra-01.fleet-demo',
    );
    const row = link.closest('tr')!;
    expect(within(row).getByTestId('fleet-demo-chip')).toBeInTheDocument();
    expect(row).toHaveTextContent('v1.31.2+k0s.1');
    expect(row).toHaveTextContent('v1.31.2+k0s, v1.30.5+k0s');
    expect(row).toHaveTextContent('sha256:1a2b3c4d…, sha256:9f8e7d6c…');
    expect(row).toHaveTextContent('2 / 4');
    expect(within(row).getByTestId('fleet-drift-count')).toHaveAttribute(
      'data-count',
      '5',
    );
    expect(within(row).getByText('DNS unsynced')).toBeInTheDocument();
    expect(within(row).getByText('Stale')).toBeInTheDocument();
  });

  it('warns about sources that could not be read', async () => {
    await renderPage(fakeApi(clusterListResponse));
    expect(
      await screen.findByTestId('fleet-source-failures'),
    ).toHaveTextContent(
      'mgmt-us (management): unreachable during management ClusterDeployments: connect ECONNREFUSED',
    );
  });

  it('filters to drifted clusters', async () => {
    await renderPage(fakeApi(clusterListResponse));
    await screen.findByText('Clusters (4)');
    await userEvent.click(screen.getByLabelText('Drift only'));
    expect(await screen.findByText('Clusters (2 of 4)')).toBeInTheDocument();
    expect(clusterNames()).toEqual(['edge-fra-01', 'retail-nyc-07']);
  });

  it('starts filtered to drift when the URL asks for it', async () => {
    await renderPage(fakeApi(clusterListResponse), '/fleet?drift=true');
    expect(await screen.findByText('Clusters (2 of 4)')).toBeInTheDocument();
    expect(screen.getByLabelText('Drift only')).toBeChecked();
  });

  it('filters by health and by image digest', async () => {
    await renderPage(fakeApi(clusterListResponse));
    await screen.findByText('Clusters (4)');

    await userEvent.click(
      within(screen.getByTestId('fleet-filter-health')).getByRole('button'),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Progressing' }),
    );
    await waitFor(() => expect(clusterNames()).toEqual(['new-lis-01']));

    await userEvent.click(
      within(screen.getByTestId('fleet-filter-health')).getByRole('button'),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    await userEvent.click(
      within(screen.getByTestId('fleet-filter-image')).getByRole('button'),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'sha256:9f8e7d6c…' }),
    );
    await waitFor(() =>
      expect(clusterNames()).toEqual(['edge-fra-01', 'retail-nyc-07']),
    );
  });

  it('filters to clusters with a failed or provisioning service, from the URL too', async () => {
    const list = {
      ...clusterListResponse,
      items: withServiceCounts(clusterListResponse.items),
    };
    const { unmount } = await renderPage(fakeApi(list));
    await screen.findByText('Clusters (4)');
    const row = screen.getAllByTestId('fleet-cluster-link')[0].closest('tr')!;
    expect(within(row).getByTestId('fleet-services')).toHaveTextContent(
      '1 / 3 deployed, 1 failed',
    );
    await userEvent.click(
      within(screen.getByTestId('fleet-filter-services')).getByRole('button'),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'A service failed' }),
    );
    await waitFor(() => expect(clusterNames()).toEqual(['edge-fra-01']));
    unmount();

    await renderPage(fakeApi(list), '/fleet?services=not-deployed');
    expect(await screen.findByText('Clusters (2 of 4)')).toBeInTheDocument();
    expect(clusterNames()).toEqual(['edge-fra-01', 'core-ams-02']);
  });

  it('searches the table', async () => {
    await renderPage(fakeApi(clusterListResponse));
    await screen.findByText('Clusters (4)');
    await userEvent.type(screen.getByPlaceholderText('Filter'), 'retail');
    await waitFor(() => expect(clusterNames()).toEqual(['retail-nyc-07']));
  });

  it('pages through 500 clusters', async () => {
    await renderPage(fakeApi(largeClusterList(500)));
    expect(await screen.findByText('Clusters (500)')).toBeInTheDocument();
    expect(clusterNames()).toHaveLength(20);
    expect(screen.getAllByText('1-20 of 500').length).toBeGreaterThan(0);
    expect(screen.getByTestId('fleet-summary-drifted')).toHaveTextContent('72');

    await userEvent.click(
      screen.getAllByRole('button', { name: /next page/i })[0],
    );
    await waitFor(() => expect(clusterNames()[0]).toBe('site-020'));
  }, 20_000);

  it('shows progress, errors and permission denial', async () => {
    const { unmount } = await renderPage(fakeApi('pending'));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    unmount();

    const denied = await renderPage(fakeApi(responseError(403, 'denied')));
    expect(await screen.findByText(/Permission denied/)).toBeInTheDocument();
    expect(
      screen.getByText(/lack the fleet\.cluster\.read permission/),
    ).toBeInTheDocument();
    denied.unmount();

    await renderPage(
      fakeApi(responseError(500, 'management cluster list failed')),
    );
    expect(
      (await screen.findAllByText(/management cluster list failed/)).length,
    ).toBeGreaterThan(0);
  });
});
