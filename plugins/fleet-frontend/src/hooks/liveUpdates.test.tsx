import { act, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import type {
  ClusterDetail,
  ClusterListResponse,
  ClusterPageResponse,
} from '@fleet-portal/plugin-fleet-common';
import { driftedClusterDetail } from '../__fixtures__/clusterDetails';
import { clusterListResponse } from '../__fixtures__/clusterList';
import { clusterPagesOf } from '../__testUtils__/fakeClusterPages';
import {
  clusterEntity,
  fakeFleetApi,
} from '../__testUtils__/renderClusterCard';
import { fleetApiRef } from '../api';
import { FleetPage } from '../components/FleetPage';
import { NodesCard } from '../components/NodesCard';
import { FLEET_CHANGES_CHANNEL } from './useFleetChanges';

/** A signal API whose messages the test sends. */
function mockSignalApi() {
  const listeners = new Map<string, Set<(message: any) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      set.add(onMessage);
      listeners.set(channel, set);
      return { unsubscribe: () => set.delete(onMessage) };
    },
  };
  const send = (channel: string, message: object) =>
    act(() => listeners.get(channel)?.forEach(listener => listener(message)));
  return { api, send, subscribers: () => listeners.get(FLEET_CHANGES_CHANNEL) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

const CHANGED_AT = '2026-03-01T12:04:05.000Z';

describe('live updates through the fleet:changes signal', () => {
  it('reads the cluster again and shows the new nodes, the old ones staying until then', async () => {
    const signals = mockSignalApi();
    const next = deferred<ClusterDetail>();
    const changed: ClusterDetail = {
      ...driftedClusterDetail,
      nodeStatuses: driftedClusterDetail.nodeStatuses.slice(0, 3),
    };
    const api = fakeFleetApi(driftedClusterDetail);
    api.getCluster
      .mockResolvedValueOnce(driftedClusterDetail)
      .mockImplementationOnce(() => next.promise);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [fleetApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        <EntityProvider entity={clusterEntity()}>
          <NodesCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findAllByTestId('node-row')).toHaveLength(4);
    expect(screen.getByTestId('fleet-live')).toHaveTextContent(/^Live$/);

    signals.send(FLEET_CHANGES_CHANNEL, { changedAt: CHANGED_AT });
    expect(api.getCluster).toHaveBeenCalledTimes(2);
    // While the new read is under way the card keeps what it showed: no progress, no flicker.
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('node-row')).toHaveLength(4);
    expect(screen.getByText('3 / 4 ready')).toBeInTheDocument();
    expect(screen.getByTestId('fleet-live')).toHaveTextContent(
      /^Live · last change \d\d:\d\d:05$/,
    );

    await act(async () => next.resolve(changed));
    expect(await screen.findByText('3 / 3 ready')).toBeInTheDocument();
    expect(screen.getAllByTestId('node-row')).toHaveLength(3);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('keeps the cluster shown when a read after a change fails', async () => {
    const signals = mockSignalApi();
    const api = fakeFleetApi(driftedClusterDetail);
    api.getCluster
      .mockResolvedValueOnce(driftedClusterDetail)
      .mockRejectedValueOnce(new Error('network down'));
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [fleetApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        <EntityProvider entity={clusterEntity()}>
          <NodesCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findAllByTestId('node-row')).toHaveLength(4);
    signals.send(FLEET_CHANGES_CHANNEL, { changedAt: CHANGED_AT });
    await act(async () => {});
    expect(api.getCluster).toHaveBeenCalledTimes(2);
    expect(screen.getAllByTestId('node-row')).toHaveLength(4);
    expect(screen.queryByText(/network down/)).not.toBeInTheDocument();
  });

  it('without a signal API the card reads once and says it is not live', async () => {
    const api = fakeFleetApi(driftedClusterDetail);
    await renderInTestApp(
      <TestApiProvider apis={[[fleetApiRef, api]]}>
        <EntityProvider entity={clusterEntity()}>
          <NodesCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findAllByTestId('node-row')).toHaveLength(4);
    expect(screen.getByTestId('fleet-live')).toHaveTextContent('Not live');
    expect(screen.getByTestId('fleet-live')).toHaveAttribute(
      'data-live',
      'false',
    );
    expect(api.getCluster).toHaveBeenCalledTimes(1);
  });

  it('the fleet page lists the fleet again at a change, keeping the table meanwhile', async () => {
    const signals = mockSignalApi();
    const next = deferred<ClusterPageResponse>();
    const api = fakeFleetApi('pending');
    const fleetPage = (list: ClusterListResponse) =>
      clusterPagesOf(list)({ limit: 20, offset: 0 });
    api.listClusterPage
      .mockImplementationOnce(() => fleetPage(clusterListResponse))
      .mockImplementationOnce(() => next.promise);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [fleetApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        <Routes>
          <Route path="/fleet/*" element={<FleetPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/fleet'] },
    );
    expect(await screen.findByText('Clusters (4)')).toBeInTheDocument();
    signals.send(FLEET_CHANGES_CHANNEL, { changedAt: CHANGED_AT });
    expect(api.listClusterPage).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('Clusters (4)')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('fleet-live')).getByTestId('fleet-last-change'),
    ).toHaveTextContent(/^\d\d:\d\d:05$/);

    await act(async () =>
      next.resolve(
        await fleetPage({
          ...clusterListResponse,
          items: clusterListResponse.items.slice(0, 3),
        }),
      ),
    );
    expect(await screen.findByText('Clusters (3)')).toBeInTheDocument();
  });
});
