import { z } from 'zod/v3';
import { permittedClusters } from '../permissions/ClusterReadAccess';
import { type FleetActionsOptions, READ_ONLY } from './context';
import { locateCluster } from './locateCluster';
import { readableCluster } from '../permissions/readableFleet';
import {
  clusterLocatorShape,
  driftFindingSchema,
  DRIFT_TYPES,
  pageShape,
  toDriftOutput,
} from './schemas';

const input = z.object({
  ...clusterLocatorShape,
  id: clusterLocatorShape.id.describe(
    'Only this cluster (`<management>/<namespace>/<name>`); every cluster you may read when neither id nor name is given',
  ),
  name: clusterLocatorShape.name.describe(
    'Only the cluster of this name (with namespace and management when several share it)',
  ),
  namespace: clusterLocatorShape.namespace.describe(
    'Only clusters in this namespace (or, with name, the one of this name in it)',
  ),
  management: clusterLocatorShape.management.describe(
    'Only clusters of this management cluster (or, with name, the one of this name in it)',
  ),
  types: z
    .array(z.enum(DRIFT_TYPES))
    .optional()
    .describe('Only findings of these types'),
  ...pageShape(100, 500),
});

const output = z.object({
  total: z
    .number()
    .describe('Findings that match, across the clusters you may read'),
  offset: z.number(),
  returned: z.number(),
  clusters: z.number().describe('Clusters with at least one matching finding'),
  byType: z
    .record(z.enum(DRIFT_TYPES), z.number())
    .describe('Matching findings by type, over every match'),
  findings: z.array(
    driftFindingSchema.extend({
      clusterId: z.string().describe('`<management>/<namespace>/<name>`'),
    }),
  ),
});

export function registerListDrift({
  actionsRegistry,
  access,
  store,
}: FleetActionsOptions) {
  actionsRegistry.register({
    name: 'fleet-list-drift',
    title: 'List drift findings',
    description: [
      'Lists every way the fleet differs from what Git says it should be, across the clusters you may read (or one cluster): nodes on another image or k0s version, unknown images, unsynced DNS records, clusters not ready, Git changes Flux has not applied, live objects edited outside Git, failing Flux Kustomizations and failed services.',
      `Types: ${DRIFT_TYPES.join(
        ', ',
      )}. Each finding has a one-sentence summary and its details.`,
      'Example: input {"types": ["node-image", "k0s-version"]}; output {"total": 1, "offset": 0, "returned": 1, "clusters": 1, "byType": {"node-image": 1}, "findings": [{"clusterId": "mgmt/team-risk/risk-batch-1", "type": "node-image", "node": "worker-1", "summary": "node worker-1 runs registry.example.com/kairos@sha256:aaa…; registry.example.com/kairos@sha256:bbb… is desired", "details": {"node": "worker-1", "desired": "…", "actual": "…"}}]}.',
    ].join('\n'),
    attributes: READ_ONLY,
    examples: [
      {
        title: 'Image and version drift across the fleet',
        input: { types: ['node-image', 'k0s-version'], limit: 100, offset: 0 },
      },
      {
        title: 'All drift of one cluster',
        input: { id: 'mgmt/team-risk/risk-batch-1', limit: 100, offset: 0 },
      },
    ],
    schema: { input: () => input, output: () => output },
    async action({ input: query, credentials }) {
      const scope = await access.scopeFor(credentials);
      const clusters =
        query.id || query.name
          ? [
              await readableCluster(
                scope,
                store,
                await locateCluster(scope, store, query),
              ),
            ]
          : permittedClusters(scope, await store.listClusters())
              .filter(
                c =>
                  (!query.management ||
                    c.ref.management === query.management) &&
                  (!query.namespace || c.ref.namespace === query.namespace),
              )
              .sort((a, b) => a.id.localeCompare(b.id));
      const wanted = query.types?.length ? new Set(query.types) : undefined;
      const findings = clusters.flatMap(c =>
        c.drift
          .filter(d => !wanted || wanted.has(d.type))
          .map(d => ({ clusterId: c.id, ...toDriftOutput(d) })),
      );
      const byType: Partial<Record<(typeof DRIFT_TYPES)[number], number>> = {};
      for (const f of findings) byType[f.type] = (byType[f.type] ?? 0) + 1;
      const page = findings.slice(query.offset, query.offset + query.limit);
      return {
        output: {
          total: findings.length,
          offset: query.offset,
          returned: page.length,
          clusters: new Set(findings.map(f => f.clusterId)).size,
          byType,
          findings: page,
        },
      };
    },
  });
}
