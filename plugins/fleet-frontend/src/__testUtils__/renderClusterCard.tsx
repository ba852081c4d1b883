import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  ClusterDetail,
  FLEET_ENTITY_ANNOTATIONS,
} from '@internal/plugin-fleet-common';
import { FleetApi, fleetApiRef } from '../api';

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

/** A FleetApi whose getCluster answers as told: a cluster, an error, or never. */
export function fakeFleetApi(
  answer: ClusterDetail | Error | Promise<Error> | 'pending',
): FleetApi & { getCluster: jest.Mock } {
  return {
    listClusters: jest.fn(async () => ({ items: [], sources: [] })),
    getCluster: jest.fn(async () => {
      if (answer === 'pending') return new Promise<ClusterDetail>(() => {});
      const resolved = await answer;
      if (resolved instanceof Error) throw resolved;
      return resolved;
    }),
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
