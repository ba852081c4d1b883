import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { startKubernetesPlugin } from './kubernetesPluginFanOut';
import type { RemoteAccess, RemoteSimulator } from './RemoteSimulator';

function kubeConfig(
  name: string,
  server: string,
  token: string,
  caData?: string,
) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name, server, caData, skipTLSVerify: false }],
    users: [{ name, token }],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return kc;
}

/** Each child cluster's token, from its kubeconfig Secret, as an operator would configure it. */
async function childTokens(
  management: RemoteAccess,
  refs: Array<{ namespace: string; name: string }>,
): Promise<Record<string, string>> {
  const core = kubeConfig(
    'm',
    management.url,
    management.token,
    management.caData,
  ).makeApiClient(CoreV1Api);
  const tokens: Record<string, string> = {};
  for (const ref of refs) {
    const secret = await core.readNamespacedSecret({
      namespace: ref.namespace,
      name: `${ref.name}-kubeconfig`,
    });
    const config = parse(
      Buffer.from(secret.data!.value, 'base64').toString('utf8'),
    );
    tokens[ref.name] = config.users[0].user.token;
  }
  return tokens;
}

/**
 * Entity-page data the way the core Kubernetes plugin gets it: on every request, ask every
 * configured cluster and wait for all of them. Measured twice: hand-written with client-node
 * listing each cluster's nodes (the data our cards show), and Backstage's own Kubernetes
 * backend with every cluster configured. Each runs `requests` times after one warm-up.
 */
export async function measureFanOuts(
  sim: RemoteSimulator & { management: RemoteAccess },
  refs: Array<{ namespace: string; name: string }>,
  requests: number,
) {
  const tokens = await childTokens(sim.management, refs);
  const base = sim.management.url.replace(/\/mgmt$/, '');
  const clusters = refs.map(ref => ({
    name: ref.name,
    url: `${base}/clusters/${ref.name}`,
    token: tokens[ref.name],
    caData: sim.management.caData,
  }));

  const apis = clusters.map(c =>
    kubeConfig(c.name, c.url, c.token, c.caData).makeApiClient(CoreV1Api),
  );
  const listEveryCluster = async () => {
    const started = process.hrtime.bigint();
    await Promise.all(apis.map(api => api.listNode()));
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  await listEveryCluster();
  const handWritten: number[] = [];
  for (let i = 0; i < requests; i++) handWritten.push(await listEveryCluster());

  const plugin = await startKubernetesPlugin(clusters);
  try {
    await plugin.request();
    await sim.resetRequestCount();
    const kubernetesPlugin: number[] = [];
    for (let i = 0; i < requests; i++)
      kubernetesPlugin.push(await plugin.request());
    return {
      handWritten,
      kubernetesPlugin,
      kubernetesPluginRequestsPerCall: Math.round(
        (await sim.requestCount()) / requests,
      ),
    };
  } finally {
    await plugin.stop();
  }
}
