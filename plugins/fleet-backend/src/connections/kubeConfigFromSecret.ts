import { createHash } from 'node:crypto';
import { KubeConfig } from '@kubernetes/client-node';
import { parse } from 'yaml';

/** Thrown when a kubeconfig Secret cannot or must not be used. The message never quotes secrets. */
export class KubeconfigRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigRejectedError';
  }
}

/** Where the API server of a child cluster is, without its credentials. */
export interface ChildApiServer {
  server: string;
  caData?: string;
}

type RawKubeconfig = {
  clusters?: Array<{ name?: string; cluster?: Record<string, unknown> }>;
  users?: Array<{ name?: string; user?: Record<string, unknown> }>;
  contexts?: Array<{
    name?: string;
    context?: { cluster?: string; user?: string };
  }>;
  'current-context'?: string;
};

const ALLOWED_USER_KEYS = new Set([
  'token',
  'client-certificate-data',
  'client-key-data',
]);
const ALLOWED_CLUSTER_KEYS = new Set([
  'server',
  'certificate-authority-data',
  'tls-server-name',
  'extensions',
]);

/**
 * Builds a KubeConfig from the `value` of a k0rdent `<cluster>-kubeconfig` Secret.
 *
 * A Secret is data written by whoever controls the management cluster, so it may only carry
 * inline credentials: an `exec` or `auth-provider` entry would make this backend run a command
 * or call out, and file paths would make it read its own disk. Both are refused.
 */
export function kubeConfigFromSecret(secretValue: string): {
  kubeConfig: KubeConfig;
  apiServer: ChildApiServer;
} {
  let raw: RawKubeconfig;
  try {
    raw = parse(secretValue) as RawKubeconfig;
  } catch {
    throw new KubeconfigRejectedError('the kubeconfig is not valid YAML');
  }
  if (!raw || typeof raw !== 'object') {
    throw new KubeconfigRejectedError('the kubeconfig is empty');
  }
  const contextName = raw['current-context'] ?? raw.contexts?.[0]?.name;
  const context = raw.contexts?.find(c => c.name === contextName)?.context;
  const clusterEntry =
    raw.clusters?.find(c => c.name === context?.cluster) ?? raw.clusters?.[0];
  const userEntry =
    raw.users?.find(u => u.name === context?.user) ?? raw.users?.[0];
  const cluster = clusterEntry?.cluster;
  const user = userEntry?.user ?? {};
  if (!cluster || typeof cluster.server !== 'string') {
    throw new KubeconfigRejectedError('the kubeconfig names no cluster server');
  }
  for (const key of Object.keys(user)) {
    if (key === 'exec' || key === 'auth-provider') {
      throw new KubeconfigRejectedError(
        `the kubeconfig uses an "${key}" credential plugin, which Fleet Portal refuses to run`,
      );
    }
    if (!ALLOWED_USER_KEYS.has(key)) {
      throw new KubeconfigRejectedError(
        `the kubeconfig user sets "${key}"; only token and inline client certificates are supported`,
      );
    }
  }
  for (const key of Object.keys(cluster)) {
    if (key === 'insecure-skip-tls-verify' && cluster[key] !== true) continue;
    if (!ALLOWED_CLUSTER_KEYS.has(key)) {
      throw new KubeconfigRejectedError(
        `the kubeconfig cluster sets "${key}"; only server and inline certificate-authority-data are supported`,
      );
    }
  }
  const token = typeof user.token === 'string' ? user.token : undefined;
  const certData = user['client-certificate-data'];
  const keyData = user['client-key-data'];
  if (
    !token &&
    !(typeof certData === 'string' && typeof keyData === 'string')
  ) {
    throw new KubeconfigRejectedError(
      'the kubeconfig carries neither a token nor a client certificate and key',
    );
  }
  const caData =
    typeof cluster['certificate-authority-data'] === 'string'
      ? (cluster['certificate-authority-data'] as string)
      : undefined;

  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: 'child',
        server: cluster.server,
        caData,
        tlsServerName:
          typeof cluster['tls-server-name'] === 'string'
            ? cluster['tls-server-name']
            : undefined,
        skipTLSVerify: false,
      },
    ],
    users: [
      {
        name: 'child',
        token,
        certData: typeof certData === 'string' ? certData : undefined,
        keyData: typeof keyData === 'string' ? keyData : undefined,
      },
    ],
    contexts: [{ name: 'child', cluster: 'child', user: 'child' }],
    currentContext: 'child',
  });
  return { kubeConfig, apiServer: { server: cluster.server, caData } };
}

/**
 * `kubeConfigFromSecret` remembered by Secret content: a cluster's kubeconfig rarely changes, so
 * it is parsed and checked once, not on every refresh. A changed Secret is a new key; refused
 * kubeconfigs are not remembered (the error is raised again).
 */
export class KubeconfigCache {
  private readonly entries = new Map<
    string,
    ReturnType<typeof kubeConfigFromSecret>
  >();

  constructor(private readonly maxEntries = 5_000) {}

  get(secretValue: string): ReturnType<typeof kubeConfigFromSecret> {
    const key = createHash('sha256').update(secretValue).digest('hex');
    let entry = this.entries.get(key);
    if (!entry) {
      entry = kubeConfigFromSecret(secretValue);
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, entry);
    }
    return entry;
  }
}
