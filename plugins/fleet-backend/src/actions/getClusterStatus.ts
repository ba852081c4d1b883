import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod/v3';
import { type FleetActionsOptions, READ_ONLY } from './context';
import { readLocatedCluster } from './locateCluster';
import {
  clusterLocatorShape,
  driftFindingSchema,
  HEALTH_STATES,
  toDriftOutput,
} from './schemas';

/** Beyond this many nodes the status lists only the nodes that are not ready or drift. */
const NODE_LIST_LIMIT = 100;

const input = z.object(clusterLocatorShape);

const figureRevision = z.string().optional();

const output = z.object({
  id: z.string(),
  management: z.string(),
  namespace: z.string(),
  name: z.string(),
  owner: z.string().optional(),
  region: z.string().optional(),
  template: z.string().optional(),
  credential: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  demo: z.boolean(),
  apiServer: z.string().optional().describe('The child API server URL'),
  health: z.object({
    state: z.enum(HEALTH_STATES),
    reason: z.string().optional(),
    message: z.string().optional(),
  }),
  k0s: z.object({
    desired: z.string().optional().describe('What Git asks for'),
    exactBuild: z
      .string()
      .optional()
      .describe("The control plane's exact build"),
    running: z.array(
      z.object({ version: z.string(), nodes: z.array(z.string()) }),
    ),
    availableUpgrades: z.array(z.string()),
  }),
  images: z.object({
    desired: z.string().optional(),
    running: z.array(
      z.object({
        reference: z.string(),
        digest: z.string(),
        nodes: z.array(z.string()),
      }),
    ),
    unknownImageNodes: z.number(),
  }),
  nodes: z.object({
    total: z.number(),
    ready: z.number(),
    notReady: z.array(z.string()),
    list: z
      .array(
        z.object({
          name: z.string(),
          roles: z.array(z.string()),
          ready: z.boolean(),
          kubeletVersion: z.string(),
          image: z.string().optional(),
          imageUnknown: z
            .string()
            .optional()
            .describe('Why its image is unknown'),
          rollout: z
            .string()
            .optional()
            .describe('An image rollout in progress'),
        }),
      )
      .describe(
        `Every node, or, beyond ${NODE_LIST_LIMIT}, those not ready or drifting`,
      ),
  }),
  dns: z.object({
    total: z.number(),
    synced: z.number(),
    unsynced: z.array(z.string()).describe('Records not synced, by FQDN'),
  }),
  services: z
    .object({
      total: z.number(),
      unreported: z.number(),
      byState: z.record(z.string(), z.number()),
    })
    .optional()
    .describe('What k0rdent deploys on the cluster, by state'),
  drift: z.array(driftFindingSchema),
  read: z.object({
    stale: z
      .boolean()
      .describe('The last read failed: figures are from lastSuccessAt'),
    lastSuccessAt: z.string().optional(),
    lastAttemptAt: z.string().optional(),
    failures: z.array(
      z.object({ reason: z.string(), during: z.string(), message: z.string() }),
    ),
  }),
  gitops: z
    .object({
      kustomization: z
        .string()
        .describe('<namespace>/<name> of the Flux Kustomization'),
      path: z.string().optional(),
      suspended: z.boolean(),
      ready: z
        .object({
          status: z.string(),
          reason: z.string().optional(),
          message: z.string().optional(),
        })
        .optional(),
      fetchedRevision: figureRevision,
      appliedRevision: figureRevision,
      lastAttemptedRevision: figureRevision,
      problem: z.string().optional(),
    })
    .optional()
    .describe('How Flux reconciles the cluster'),
});
type Output = z.infer<typeof output>;

export function toClusterStatus(c: ClusterDetail): Output {
  const drifting = new Set(c.drift.flatMap(d => ('node' in d ? [d.node] : [])));
  const nodes =
    c.nodeStatuses.length <= NODE_LIST_LIMIT
      ? c.nodeStatuses
      : c.nodeStatuses.filter(n => !n.ready || drifting.has(n.name));
  const gitopsProblem = c.gitopsProblem
    ? `${c.gitopsProblem.during}: ${c.gitopsProblem.message}`
    : undefined;
  return {
    id: c.id,
    ...c.ref,
    owner: c.owner,
    region: c.region,
    template: c.template,
    credential: c.credential,
    labels: c.labels,
    demo: c.demo,
    apiServer: c.apiServer,
    health: {
      state: c.health.state,
      reason: c.health.reason,
      message: c.health.message,
    },
    k0s: {
      desired: c.k0s.desired,
      exactBuild: c.k0s.exactBuild,
      running: c.k0sVersions.running.map(g => ({
        version: g.version,
        nodes: g.nodes,
      })),
      availableUpgrades: c.k0s.availableUpgrades,
    },
    images: {
      desired: c.desiredImage,
      running: c.images.map(i => ({
        reference: i.reference,
        digest: i.digest,
        nodes: i.nodes,
      })),
      unknownImageNodes: c.nodes.unknownImage,
    },
    nodes: {
      total: c.nodes.total,
      ready: c.nodes.ready,
      notReady: c.nodeStatuses.filter(n => !n.ready).map(n => n.name),
      list: nodes.map(n => ({
        name: n.name,
        roles: n.roles,
        ready: n.ready,
        kubeletVersion: n.kubeletVersion,
        image: n.image.reference,
        imageUnknown: n.image.known ? undefined : n.image.reason,
        rollout: n.rollout
          ? `${n.rollout.phase}: to ${n.rollout.image}`
          : undefined,
      })),
    },
    dns: {
      total: c.dns.total,
      synced: c.dns.synced,
      unsynced: c.dnsRecords
        .filter(r => !r.synced)
        .map(r => r.fqdn ?? `${r.kind} ${r.namespace}/${r.name}`),
    },
    services: c.serviceCounts,
    drift: c.drift.map(toDriftOutput),
    read: {
      stale: c.read.stale,
      lastSuccessAt: c.read.lastSuccessAt,
      lastAttemptAt: c.read.lastAttemptAt,
      failures: c.read.failures.map(f => ({
        reason: f.reason,
        during: f.during,
        message: f.message,
      })),
    },
    gitops: c.gitops
      ? {
          kustomization: `${c.gitops.kustomization.namespace}/${c.gitops.kustomization.name}`,
          path: c.gitops.kustomization.path,
          suspended: c.gitops.suspended,
          ready: c.gitops.ready && {
            status: c.gitops.ready.value.status,
            reason: c.gitops.ready.value.reason,
            message: c.gitops.ready.value.message,
          },
          fetchedRevision: c.gitops.fetchedRevision?.value,
          appliedRevision: c.gitops.appliedRevision?.value,
          lastAttemptedRevision: c.gitops.lastAttemptedRevision?.value,
          problem: c.gitops.inventoryProblem ?? gitopsProblem,
        }
      : undefined,
  };
}

export function registerGetClusterStatus({
  actionsRegistry,
  access,
  store,
}: FleetActionsOptions) {
  actionsRegistry.register({
    name: 'fleet-get-cluster-status',
    title: 'Get a fleet cluster’s status',
    description: [
      "One cluster's status: health, k0s desired and running (per node), Kairos images desired and running, nodes, DNS records, services, every drift finding, how fresh the data is, and how Flux reconciles it.",
      'Name the cluster by `id` (<management>/<namespace>/<name>), or by `name` (with `namespace` and `management` when several clusters share it). A cluster you may not read answers as one not in the fleet.',
      'Example: input {"id": "mgmt/team-trading/trading-eu-1"}; output {"id": "mgmt/team-trading/trading-eu-1", "health": {"state": "ready"}, "k0s": {"desired": "v1.31.2+k0s.0", "running": [{"version": "v1.31.2+k0s", "nodes": ["cp-0", "worker-0"]}], …}, "images": {"desired": "registry.example.com/kairos@sha256:…", …}, "drift": [], "read": {"stale": false, …}, "gitops": {"kustomization": "flux-system/clusters", …}, …}.',
    ].join('\n'),
    attributes: READ_ONLY,
    examples: [
      { title: 'By id', input: { id: 'mgmt/team-trading/trading-eu-1' } },
      { title: 'By name', input: { name: 'trading-eu-1' } },
    ],
    schema: { input: () => input, output: () => output },
    async action({ input: locator, credentials }) {
      const scope = await access.scopeFor(credentials);
      const cluster = await readLocatedCluster(scope, store, locator);
      return { output: toClusterStatus(cluster) };
    },
  });
}
