import type {
  ClusterHealthState,
  ClusterSummary,
  DriftFinding,
  DriftType,
} from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod/v3';

/*
 * Schemas the fleet actions share. They are built with `zod/v3`, the API the actions registry
 * turns into JSON Schema for MCP clients; an output is parsed with its schema before it is sent,
 * so every field an action returns is declared here.
 */

/** Every drift finding type; the check below fails to compile when DriftType gains one. */
export const DRIFT_TYPES = [
  'node-image',
  'node-image-unknown',
  'k0s-version',
  'k0s-build',
  'dns-unsynced',
  'cluster-not-ready',
  'git-pending',
  'live-differs-from-git',
  'flux-failing',
  'service-failed',
] as const satisfies readonly DriftType[];
const allDriftTypes: Exclude<
  DriftType,
  (typeof DRIFT_TYPES)[number]
> extends never
  ? true
  : false = true;
void allDriftTypes;

export const HEALTH_STATES = [
  'ready',
  'not-ready',
  'progressing',
  'unknown',
] as const satisfies readonly ClusterHealthState[];

/** Names one cluster: by id, or by name (narrowed by namespace and management cluster). */
export const clusterLocatorShape = {
  id: z
    .string()
    .optional()
    .describe(
      'The cluster id `<management>/<namespace>/<name>`, as fleet-list-clusters returns it, e.g. `mgmt/team-trading/trading-eu-1`',
    ),
  name: z
    .string()
    .optional()
    .describe(
      'The cluster (ClusterDeployment) name, when no id is given; enough alone when only one cluster you may read has it',
    ),
  namespace: z
    .string()
    .optional()
    .describe('The namespace of the ClusterDeployment, to narrow `name`'),
  management: z
    .string()
    .optional()
    .describe('The management cluster id, to narrow `name`'),
};

export const driftFindingSchema = z.object({
  type: z.enum(DRIFT_TYPES).describe('What kind of drift'),
  summary: z.string().describe('The finding in one sentence'),
  node: z.string().optional().describe('The node it is about, if one'),
  details: z
    .record(z.string(), z.unknown())
    .describe('The finding as the fleet backend reports it, without its type'),
});
export type DriftOutput = z.infer<typeof driftFindingSchema>;

const revision = (text: string | undefined) =>
  text ? text.replace(/@sha1:([0-9a-f]{12})[0-9a-f]*/, '@$1') : 'nothing';

/** One sentence per finding, for an assistant to quote. */
export function describeDrift(finding: DriftFinding): string {
  switch (finding.type) {
    case 'node-image':
      return `node ${finding.node} runs ${finding.actual}; ${finding.desired} is desired`;
    case 'node-image-unknown':
      return `the image of node ${finding.node} is unknown: ${finding.reason}`;
    case 'k0s-version':
      return `k0s ${finding.running} runs on ${finding.nodes.join(', ')}; ${
        finding.desired
      } is desired`;
    case 'k0s-build':
      return `the control plane runs k0s ${finding.actual}; ${finding.desired} is desired`;
    case 'dns-unsynced':
      return `${finding.kind} ${
        finding.fqdn ?? `${finding.namespace}/${finding.name}`
      } is not synced${finding.reason ? ` (${finding.reason})` : ''}`;
    case 'cluster-not-ready':
      return `the cluster is not ready${
        finding.reason ? `: ${finding.reason}` : ''
      }${finding.message ? ` (${finding.message})` : ''}`;
    case 'git-pending':
      return `Kustomization ${
        finding.kustomization
      } has not applied what Git holds${
        finding.ahead !== undefined ? ` (${finding.ahead} commits ahead)` : ''
      }: fetched ${revision(finding.fetched)}, applied ${revision(
        finding.applied,
      )}`;
    case 'live-differs-from-git':
      return `${finding.object} differs from ${finding.path} at ${revision(
        finding.revision,
      )} in ${finding.fields.join(', ')}`;
    case 'flux-failing':
      return `Kustomization ${finding.kustomization} fails: ${finding.reason}${
        finding.message ? ` (${finding.message})` : ''
      }`;
    case 'service-failed':
      return `service ${finding.namespace}/${finding.name} (${
        finding.template
      }) failed${finding.message ? `: ${finding.message}` : ''}`;
    default:
      return `drift ${(finding as { type: string }).type}`;
  }
}

export function toDriftOutput(finding: DriftFinding): DriftOutput {
  const { type, ...details } = finding;
  return {
    type,
    summary: describeDrift(finding),
    node: 'node' in finding ? finding.node : undefined,
    details,
  };
}

export const clusterBriefSchema = z.object({
  id: z.string().describe('`<management>/<namespace>/<name>`'),
  management: z.string(),
  namespace: z.string(),
  name: z.string(),
  owner: z
    .string()
    .optional()
    .describe('Catalog owner, e.g. group:default/trading'),
  region: z.string().optional(),
  template: z.string().optional().describe('ClusterTemplate'),
  demo: z.boolean().describe('A cluster of the simulated demo fleet'),
  health: z.object({
    state: z.enum(HEALTH_STATES),
    reason: z.string().optional(),
  }),
  k0s: z.object({
    desired: z.string().optional().describe('The k0s version Git asks for'),
    running: z.array(z.string()).describe('k0s versions the nodes run'),
  }),
  desiredImage: z
    .string()
    .optional()
    .describe('The Kairos image the nodes should run'),
  images: z
    .array(
      z.object({
        reference: z.string(),
        digest: z.string(),
        nodes: z.number().describe('How many nodes run it'),
      }),
    )
    .describe('Kairos images the nodes run'),
  nodes: z.object({ total: z.number(), ready: z.number() }),
  drift: z
    .array(z.enum(DRIFT_TYPES))
    .describe('The kinds of drift found (fleet-list-drift tells them in full)'),
  driftCount: z.number(),
  stale: z
    .boolean()
    .describe('The last read failed: the figures are from lastReadAt'),
  lastReadAt: z
    .string()
    .optional()
    .describe('When the cluster was last read successfully'),
});
export type ClusterBrief = z.infer<typeof clusterBriefSchema>;

export function toClusterBrief(c: ClusterSummary): ClusterBrief {
  return {
    id: c.id,
    ...c.ref,
    owner: c.owner,
    region: c.region,
    template: c.template,
    demo: c.demo,
    health: { state: c.health.state, reason: c.health.reason },
    k0s: { desired: c.k0s.desired, running: c.k0s.running },
    desiredImage: c.desiredImage,
    images: c.images.map(i => ({
      reference: i.reference,
      digest: i.digest,
      nodes: i.nodes.length,
    })),
    nodes: { total: c.nodes.total, ready: c.nodes.ready },
    drift: [...new Set(c.drift.map(d => d.type))],
    driftCount: c.drift.length,
    stale: c.read.stale,
    lastReadAt: c.read.lastSuccessAt,
  };
}

/** `limit` and `offset` of the listing actions. */
export const pageShape = (defaultLimit: number, maxLimit: number) => ({
  limit: z
    .number()
    .int()
    .min(1)
    .max(maxLimit)
    .default(defaultLimit)
    .describe(
      `At most this many items (default ${defaultLimit}, at most ${maxLimit})`,
    ),
  offset: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Skip this many matching items first, to page through'),
});
