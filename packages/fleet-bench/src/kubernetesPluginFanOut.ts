import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FanOutCluster {
  name: string;
  url: string;
  token: string;
  caData?: string;
}

const ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    annotations: { 'backstage.io/kubernetes-id': 'payments' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

/**
 * Backstage's own Kubernetes backend (@backstage/plugin-kubernetes-backend) with every
 * simulated cluster configured, asked for one entity's objects the way its entity page asks:
 * POST /api/kubernetes/services/:name. It lists its default object types on every cluster on
 * every request, with no cache between requests.
 */
export async function startKubernetesPlugin(clusters: FanOutCluster[]) {
  const backend = await startTestBackend({
    features: [
      import('@backstage/plugin-kubernetes-backend'),
      mockServices.rootLogger.factory({ level: 'none' }),
      // It looks the entity up before answering (for its permission check).
      catalogServiceMock.factory({ entities: [ENTITY] }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: clusters.map(c => ({
                  name: c.name,
                  url: c.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: c.token,
                  caData: c.caData,
                })),
              },
            ],
          },
        },
      }),
    ],
  });
  const server = backend.server as Server;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** One entity page's worth of objects; resolves with the latency in milliseconds. */
    async request(): Promise<number> {
      const started = process.hrtime.bigint();
      const res = await fetch(`${baseUrl}/api/kubernetes/services/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entity: ENTITY, auth: {} }),
      });
      const body = await res.json();
      const latency = Number(process.hrtime.bigint() - started) / 1e6;
      if (res.status !== 200) {
        throw new Error(
          `the Kubernetes plugin answered ${res.status}: ${JSON.stringify(
            body,
          )}`,
        );
      }
      // Clusters show up only with objects or errors: the simulated ones have neither.
      const failing = (body.items ?? []).filter(
        (item: any) => item.errors?.length > 0,
      );
      if (failing.length > 0) {
        throw new Error(
          `the Kubernetes plugin could not read ${
            failing.length
          } clusters, e.g. ${JSON.stringify(failing[0].errors[0])}`,
        );
      }
      return latency;
    },
    stop: () => backend.stop(),
  };
}
