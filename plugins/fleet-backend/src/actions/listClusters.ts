import {
  normalizeK0sVersion,
  sameK0sVersion,
  type ClusterSummary,
} from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod/v3';
import { permittedClusters } from '../permissions/ClusterReadAccess';
import { normalizeOwnerRef } from '../permissions/clusterResource';
import { type FleetActionsOptions, READ_ONLY } from './context';
import {
  clusterBriefSchema,
  DRIFT_TYPES,
  HEALTH_STATES,
  pageShape,
  toClusterBrief,
} from './schemas';

const input = z.object({
  drift: z
    .enum([...DRIFT_TYPES, 'any', 'none'])
    .optional()
    .describe(
      'Only clusters with this kind of drift; `any`: with some drift, `none`: without any',
    ),
  health: z
    .enum(HEALTH_STATES)
    .optional()
    .describe('Only clusters in this health state'),
  k0sVersion: z
    .string()
    .optional()
    .describe(
      'Only clusters that run or should run this k0s version: a release (v1.31.2+k0s.0, v1.31.2) or a prefix (v1.31)',
    ),
  image: z
    .string()
    .optional()
    .describe(
      'Only clusters whose nodes run, or should run, this Kairos image: a digest (sha256:…), a full reference, or part of one (the repository)',
    ),
  management: z
    .string()
    .optional()
    .describe('Only clusters of this management cluster (its id)'),
  namespace: z.string().optional().describe('Only clusters in this namespace'),
  owner: z
    .string()
    .optional()
    .describe('Only clusters of this owner, e.g. group:default/trading'),
  stale: z
    .boolean()
    .optional()
    .describe(
      'true: only clusters whose last read failed; false: only fresh ones',
    ),
  ...pageShape(50, 200),
});
type Input = z.infer<typeof input>;

const counts = z.object({
  byHealth: z.record(z.enum(HEALTH_STATES), z.number()),
  withDrift: z.number().describe('Clusters with at least one drift finding'),
  stale: z.number().describe('Clusters whose last read failed'),
});

const output = z.object({
  total: z.number().describe('Clusters that match, of those you may read'),
  offset: z.number(),
  returned: z.number(),
  counts: counts.describe(
    'Counted over every matching cluster, not only this page',
  ),
  clusters: z.array(clusterBriefSchema),
});

/** `v1.31` matches `v1.31.2+k0s.0` but not `v1.310.0`. */
function matchesK0s(versions: Array<string | undefined>, wanted: string) {
  const text = wanted.trim().startsWith('v')
    ? wanted.trim()
    : `v${wanted.trim()}`;
  return versions.some(v => {
    if (!v) return false;
    if (sameK0sVersion(v, text)) return true;
    const normalized = normalizeK0sVersion(v);
    return (
      normalized.startsWith(text) &&
      /^([.+-]|$)/.test(normalized.slice(text.length))
    );
  });
}

function matchesImage(c: ClusterSummary, wanted: string) {
  const text = wanted.trim().toLowerCase();
  return [c.desiredImage, ...c.images.flatMap(i => [i.reference, i.digest])]
    .filter((v): v is string => Boolean(v))
    .some(v => v.toLowerCase().includes(text));
}

export function matchesFilters(c: ClusterSummary, f: Input): boolean {
  if (f.drift === 'any' && c.drift.length === 0) return false;
  if (f.drift === 'none' && c.drift.length > 0) return false;
  if (
    f.drift &&
    f.drift !== 'any' &&
    f.drift !== 'none' &&
    !c.drift.some(d => d.type === f.drift)
  )
    return false;
  if (f.health && c.health.state !== f.health) return false;
  if (
    f.k0sVersion &&
    !matchesK0s(
      [c.k0s.desired, c.k0s.exactBuild, ...c.k0s.running],
      f.k0sVersion,
    )
  )
    return false;
  if (f.image && !matchesImage(c, f.image)) return false;
  if (f.management && c.ref.management !== f.management) return false;
  if (f.namespace && c.ref.namespace !== f.namespace) return false;
  if (
    f.owner &&
    (!c.owner || normalizeOwnerRef(c.owner) !== normalizeOwnerRef(f.owner))
  )
    return false;
  if (f.stale !== undefined && c.read.stale !== f.stale) return false;
  return true;
}

export function registerListClusters({
  actionsRegistry,
  access,
  store,
}: FleetActionsOptions) {
  actionsRegistry.register({
    name: 'fleet-list-clusters',
    title: 'List fleet clusters',
    description: [
      'Lists the k0rdent clusters of the fleet you may read, with their health, k0s versions, Kairos images and drift, filtered and paged, with counts over every match.',
      'Filters combine (all must hold): drift (a type, `any` or `none`), health, k0sVersion, image, management, namespace, owner, stale.',
      'Example: input {"drift": "node-image"} (clusters whose nodes run another image than desired); output {"total": 2, "offset": 0, "returned": 2, "counts": {"byHealth": {"ready": 2, "not-ready": 0, "progressing": 0, "unknown": 0}, "withDrift": 2, "stale": 0}, "clusters": [{"id": "mgmt/team-trading/trading-eu-1", "health": {"state": "ready"}, "k0s": {"desired": "v1.31.2+k0s.0", "running": ["v1.31.2+k0s"]}, "drift": ["node-image"], …}]}.',
      'Follow with fleet-get-cluster-status (one cluster) or fleet-list-drift (the findings).',
    ].join('\n'),
    attributes: READ_ONLY,
    examples: [
      {
        title: 'Clusters not ready',
        input: { health: 'not-ready', limit: 50, offset: 0 },
      },
      {
        title: 'Clusters on k0s 1.31 running a given image digest',
        input: {
          k0sVersion: 'v1.31',
          image: `sha256:${'a'.repeat(64)}`,
          limit: 50,
          offset: 0,
        },
      },
    ],
    schema: { input: () => input, output: () => output },
    async action({ input: filters, credentials }) {
      const scope = await access.scopeFor(credentials);
      const matching = permittedClusters(scope, await store.listClusters())
        .filter(c => matchesFilters(c, filters))
        .sort((a, b) => a.id.localeCompare(b.id));
      const byHealth = Object.fromEntries(
        HEALTH_STATES.map(s => [s, 0]),
      ) as Record<(typeof HEALTH_STATES)[number], number>;
      for (const c of matching) byHealth[c.health.state] += 1;
      const page = matching.slice(
        filters.offset,
        filters.offset + filters.limit,
      );
      return {
        output: {
          total: matching.length,
          offset: filters.offset,
          returned: page.length,
          counts: {
            byHealth,
            withDrift: matching.filter(c => c.drift.length > 0).length,
            stale: matching.filter(c => c.read.stale).length,
          },
          clusters: page.map(toClusterBrief),
        },
      };
    },
  });
}
