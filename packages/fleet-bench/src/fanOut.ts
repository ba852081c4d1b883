import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { RemoteAccess } from './RemoteSimulator';

/**
 * The way the core Kubernetes plugin answers an entity page: on every request, ask every
 * configured cluster (here: list its nodes) and wait for all of them. Clusters are configured
 * up front with their URL and token, as `kubernetes.clusterLocatorMethods` would have them.
 */
export async function configureFanOutClusters(
  management: RemoteAccess,
  clusters: string[],
  tokens: Record<string, string>,
) {
  const base = management.url.replace(/\/mgmt$/, '');
  return clusters.map(name => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        {
          name,
          server: `${base}/clusters/${name}`,
          caData: management.caData,
          skipTLSVerify: false,
        },
      ],
      users: [{ name, token: tokens[name] }],
      contexts: [{ name, cluster: name, user: name }],
      currentContext: name,
    });
    return kc.makeApiClient(CoreV1Api);
  });
}

export async function fanOutRequest(apis: CoreV1Api[]): Promise<number> {
  const started = process.hrtime.bigint();
  await Promise.all(apis.map(api => api.listNode()));
  return Number(process.hrtime.bigint() - started) / 1e6;
}
