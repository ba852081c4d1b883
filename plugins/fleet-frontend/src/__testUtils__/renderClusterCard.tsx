import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  ClusterDetail,
  ClusterPageResponse,
  FLEET_ENTITY_ANNOTATIONS,
} from '@fleet-portal/plugin-fleet-common';
import { FleetApi, fleetApiRef } from '../api';
import { responseError } from './responses';

/** A catalog Resource for the cluster; `annotation: null` leaves the annotation off. */
export function clusterEntity(
  annotation: string | null = 'demo/fleet-demo/edge-fra-01',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'edge-fra-01',
      namespace: 'default',
      annotations:
        annotation === null
          ? {}
          : { [FLEET_ENTITY_ANNOTATIONS.clusterDeployment]: annotation },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform-team' },
  };
}

const emptyClusterPage: ClusterPageResponse = {
  items: [],
  sources: [],
  total: 0,
  offset: 0,
  counts: { clusters: 0, nodes: 0, drifted: 0, unsyncedRecords: 0, stale: 0 },
  filterValues: { k0sVersions: [], imageDigests: [] },
};

/** Every FleetApi method as a jest mock. */
export type FakeFleetApi = { [K in keyof FleetApi]: jest.Mock };

/**
 * A FleetApi whose getCluster answers as told: a cluster, an error, or never. Other methods
 * answer empty unless `overrides` says otherwise.
 */
export function fakeFleetApi(
  answer: ClusterDetail | Error | Promise<Error> | 'pending',
  overrides: Partial<FleetApi> = {},
): FakeFleetApi {
  const api: FakeFleetApi = {
    listClusters: jest.fn(async () => ({ items: [], sources: [] })),
    listClusterPage: jest.fn(async () => emptyClusterPage),
    listInventory: jest.fn(async () => ({ items: [] })),
    getCluster: jest.fn(answerWith<ClusterDetail>(answer)),
    getHistory: jest.fn(async () => ({ items: [] })),
    getStateAt: jest.fn(async () => {
      throw await responseError(404, 'nothing recorded');
    }),
    listRequests: jest.fn(async () => ({ mode: 'local', items: [] })),
    mergeRequest: jest.fn(async () => {
      throw await responseError(404, 'no request branch');
    }),
    listManagementClusters: jest.fn(async () => ({ items: [] })),
    listNamespaces: jest.fn(async () => {
      throw await responseError(503, 'management cluster not read');
    }),
    listClusterTemplates: jest.fn(async () => {
      throw await responseError(503, 'management cluster not read');
    }),
    listCredentials: jest.fn(async () => {
      throw await responseError(503, 'management cluster not read');
    }),
  };
  for (const [name, implementation] of Object.entries(overrides)) {
    api[name as keyof FleetApi] = jest.fn(implementation as any);
  }
  return api;
}

/** What an API call answers in a test: a value, an error (also a pending one), or never. */
export function answerWith<T>(
  answer: T | Error | Promise<Error> | 'pending',
): () => Promise<T> {
  return async () => {
    if (answer === 'pending') return new Promise<T>(() => {});
    const resolved = await answer;
    if (resolved instanceof Error) throw resolved;
    return resolved as T;
  };
}

export async function renderClusterCard(
  card: ReactElement,
  options: { api: FleetApi; entity?: Entity },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[fleetApiRef, options.api]]}>
      <EntityProvider entity={options.entity ?? clusterEntity()}>
        {card}
      </EntityProvider>
    </TestApiProvider>,
  );
}
