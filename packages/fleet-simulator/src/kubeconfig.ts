import type { FleetAccess, FleetFault, KubeObject } from './types';

/** A kubeconfig for one child cluster, as YAML (strings are JSON-quoted, which YAML reads as is). */
export function renderKubeconfig(args: {
  cluster: string;
  server: string;
  caData?: string;
  token: string;
  exec?: boolean;
}): string {
  const q = (s: string) => JSON.stringify(s);
  const user = `${args.cluster}-admin`;
  const context = `${user}@${args.cluster}`;
  const clusterLines = [`    server: ${q(args.server)}`];
  if (args.caData)
    clusterLines.push(`    certificate-authority-data: ${q(args.caData)}`);
  // @kubernetes/client-node refuses a plain http: server unless TLS verification is skipped.
  if (args.server.startsWith('http:'))
    clusterLines.push('    insecure-skip-tls-verify: true');
  const userLines = args.exec
    ? [
        '    exec:',
        '      apiVersion: "client.authentication.k8s.io/v1"',
        // A command that exists nowhere: a client that runs exec plugins fails instead of running something.
        '      command: "fleet-simulator-exec-plugin-that-must-not-run"',
        `      args: ["get-token", "--cluster", ${q(args.cluster)}]`,
        '      interactiveMode: "Never"',
        '      provideClusterInfo: false',
      ]
    : [`    token: ${q(args.token)}`];
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${q(args.cluster)}`,
    '  cluster:',
    ...clusterLines,
    'users:',
    `- name: ${q(user)}`,
    '  user:',
    ...userLines,
    'contexts:',
    `- name: ${q(context)}`,
    '  context:',
    `    cluster: ${q(args.cluster)}`,
    `    user: ${q(user)}`,
    `current-context: ${q(context)}`,
    'preferences: {}',
    '',
  ].join('\n');
}

/**
 * The `<cluster>-kubeconfig` Secret k0rdent (CAPI) writes in the ClusterDeployment's namespace,
 * data key `value`; undefined for the `kubeconfig-missing` fault.
 */
export function kubeconfigSecret(args: {
  cluster: string;
  namespace: string;
  access: FleetAccess;
  fault?: FleetFault;
  creationTimestamp: string;
}): KubeObject | undefined {
  if (args.fault === 'kubeconfig-missing') return undefined;
  const base =
    args.fault === 'down' ? args.access.closedBaseUrl : args.access.baseUrl;
  const token = args.access.tokens[args.cluster];
  if (!token) throw new Error(`no token for cluster ${args.cluster}`);
  const yaml = renderKubeconfig({
    cluster: args.cluster,
    server: `${base}/clusters/${args.cluster}`,
    caData: args.access.caData,
    token,
    exec: args.fault === 'kubeconfig-exec',
  });
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `${args.cluster}-kubeconfig`,
      namespace: args.namespace,
      creationTimestamp: args.creationTimestamp,
      labels: { 'cluster.x-k8s.io/cluster-name': args.cluster },
    },
    type: 'cluster.x-k8s.io/secret',
    data: { value: Buffer.from(yaml, 'utf8').toString('base64') },
  };
}
