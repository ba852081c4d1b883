import { ReactElement } from 'react';
import { screen } from '@testing-library/react';
import { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import {
  driftedClusterDetail,
  partialClusterDetail,
} from '../__fixtures__/clusterDetails';
import {
  clusterEntity,
  fakeFleetApi,
  renderClusterCard,
} from './renderClusterCard';
import { responseError } from './responses';

/**
 * The states every cluster card renders the same way, through the shared frame. Each card's own
 * test calls this so each card is proven to be wired to the frame.
 */
// A shared suite, not a test file: each card's test calls it.
// eslint-disable-next-line jest/no-export
export function itRendersEveryClusterCardState(card: () => ReactElement) {
  it('shows progress while loading', async () => {
    await renderClusterCard(card(), { api: fakeFleetApi('pending') });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('explains a missing annotation without calling the backend', async () => {
    const api = fakeFleetApi(driftedClusterDetail);
    await renderClusterCard(card(), { api, entity: clusterEntity(null) });
    expect(
      screen.getByText('This entity is not linked to a fleet cluster'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/fleetportal\.io\/cluster-deployment/),
    ).toBeInTheDocument();
    expect(api.getCluster).not.toHaveBeenCalled();
  });

  it('explains a malformed annotation', async () => {
    const api = fakeFleetApi(driftedClusterDetail);
    await renderClusterCard(card(), {
      api,
      entity: clusterEntity('edge-fra-01'),
    });
    expect(
      screen.getByText(/"edge-fra-01" is not <management>/),
    ).toBeInTheDocument();
    expect(api.getCluster).not.toHaveBeenCalled();
  });

  it('asks for the annotated cluster', async () => {
    const api = fakeFleetApi(driftedClusterDetail);
    await renderClusterCard(card(), { api });
    expect(api.getCluster).toHaveBeenCalledWith({
      management: 'demo',
      namespace: 'fleet-demo',
      name: 'edge-fra-01',
    });
  });

  it('shows a permission warning on 403', async () => {
    await renderClusterCard(card(), {
      api: fakeFleetApi(responseError(403, 'not allowed')),
    });
    expect(await screen.findByText(/Permission denied/)).toBeInTheDocument();
    expect(
      screen.getByText(/lack the fleet\.cluster\.read permission/),
    ).toBeInTheDocument();
  });

  it('shows the error of a failed read', async () => {
    await renderClusterCard(card(), {
      api: fakeFleetApi(
        responseError(404, 'no cluster demo/fleet-demo/edge-fra-01'),
      ),
    });
    expect(
      (await screen.findAllByText(/no cluster demo\/fleet-demo\/edge-fra-01/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/Permission denied/)).not.toBeInTheDocument();
  });

  it('marks stale data with the read failures and the demo chip', async () => {
    await renderClusterCard(card(), {
      api: fakeFleetApi(driftedClusterDetail),
    });
    expect(await screen.findByTestId('fleet-stale-chip')).toHaveTextContent(
      'Stale',
    );
    expect(
      screen.getByText(
        /child nodes: timeout \(GET \/api\/v1\/nodes timed out after 10s\)/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('fleet-demo-chip')).toHaveTextContent(
      'demo fleet (simulated)',
    );
  });

  it('shows when fresh data was read, without a stale mark', async () => {
    const fresh: ClusterDetail = {
      ...driftedClusterDetail,
      demo: false,
      read: {
        lastSuccessAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        stale: false,
        failures: [],
      },
    };
    await renderClusterCard(card(), { api: fakeFleetApi(fresh) });
    expect(await screen.findByText('5 minutes ago')).toBeInTheDocument();
    expect(screen.queryByTestId('fleet-stale-chip')).not.toBeInTheDocument();
    expect(screen.queryByTestId('fleet-demo-chip')).not.toBeInTheDocument();
  });

  it('does not crash on a cluster missing optional and list fields', async () => {
    await renderClusterCard(card(), {
      api: fakeFleetApi(partialClusterDetail),
    });
    expect(
      await screen.findByText('Never read successfully'),
    ).toBeInTheDocument();
  });
}
