import { InputError, NotFoundError } from '@backstage/errors';
import {
  clusterId,
  type HistoryEntry,
} from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod/v3';
import { stateAt } from '../history/stateAt';
import { type FleetActionsOptions, READ_ONLY } from './context';
import { locateCluster } from './locateCluster';
import { assertClusterReadable } from '../permissions/readableFleet';
import { clusterLocatorShape } from './schemas';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** As many entries as the `/state` route reads. */
const HISTORY_LIMIT = 100_000;
const CHANGES_LIMIT = 100;

const input = z.object({
  ...clusterLocatorShape,
  at: z
    .string()
    .describe(
      'When: an ISO 8601 date-time (2026-11-03T14:00:00Z), or a date (2026-11-03), which means that whole day (UTC): the state as the day ended, and the changes during it',
    ),
  node: z
    .string()
    .optional()
    .describe('Only this node (its Kubernetes node name)'),
});

const since = { since: z.string().describe('Since when (first seen)') };
const output = z.object({
  clusterId: z.string(),
  at: z.string().describe('The time the state is for (ISO 8601)'),
  health: z.object({ value: z.string(), ...since }).optional(),
  nodes: z
    .array(
      z.object({
        name: z.string(),
        since: z.string().describe('Since when the node was in the cluster'),
        image: z
          .object({ value: z.string(), ...since })
          .optional()
          .describe('The Kairos image reference it ran'),
        kubeletVersion: z.object({ value: z.string(), ...since }).optional(),
      }),
    )
    .describe('Nodes in the cluster then, with what they ran'),
  records: z
    .array(z.object({ subject: z.string(), state: z.string(), ...since }))
    .describe('DNS records and whether they were synced (not with node)'),
  changes: z
    .array(
      z.object({
        kind: z.string(),
        subject: z.string(),
        value: z.string().optional().describe('Absent: the subject went away'),
        previous: z.string().optional(),
        observedAt: z.string(),
      }),
    )
    .optional()
    .describe(
      `For a date: what changed during that day, oldest first (at most ${CHANGES_LIMIT})`,
    ),
  note: z.string().optional(),
});

/** The instant `at` names and, for a bare date, the start of that day. */
export function parseWhen(at: string): { at: string; dayStart?: string } {
  const text = at.trim();
  if (DAY.test(text)) {
    const start = Date.parse(`${text}T00:00:00.000Z`);
    if (!Number.isNaN(start)) {
      return {
        at: new Date(start + 24 * 3600 * 1000 - 1).toISOString(),
        dayStart: new Date(start).toISOString(),
      };
    }
  }
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new InputError(
      `at: ${JSON.stringify(at)} is not an ISO 8601 date-time or date`,
    );
  }
  return { at: new Date(time).toISOString() };
}

export function registerGetStateAt({
  actionsRegistry,
  access,
  store,
}: FleetActionsOptions) {
  actionsRegistry.register({
    name: 'fleet-get-state-at',
    title: 'What ran on a cluster or node at a date',
    description: [
      'Rebuilds a cluster\'s state at a past time from the fleet\'s recorded history: which nodes it had, which Kairos image and kubelet (k0s) version each ran and since when, its health, and its DNS records. Answers "what was running on that node on that date".',
      'Name the cluster by `id` or `name`; `node` narrows to one node. A date alone covers that day (UTC): the state as it ended, and the changes during it.',
      'Example: input {"id": "mgmt/team-trading/trading-eu-1", "node": "worker-0", "at": "2026-11-03"}; output {"clusterId": "mgmt/team-trading/trading-eu-1", "at": "2026-11-03T23:59:59.999Z", "health": {"value": "ready", "since": "2026-11-01T10:00:00.000Z"}, "nodes": [{"name": "worker-0", "since": "2026-11-01T10:00:00.000Z", "image": {"value": "registry.example.com/kairos@sha256:…", "since": "2026-11-02T09:12:00.000Z"}, "kubeletVersion": {"value": "v1.31.2+k0s", "since": "2026-11-01T10:00:00.000Z"}}], "records": [], "changes": []}.',
    ].join('\n'),
    attributes: READ_ONLY,
    examples: [
      {
        title: 'One node on a day',
        input: {
          id: 'mgmt/team-trading/trading-eu-1',
          node: 'worker-0',
          at: '2026-11-03',
        },
      },
      {
        title: 'A cluster at an instant',
        input: { name: 'trading-eu-1', at: '2026-11-03T14:00:00Z' },
      },
    ],
    schema: { input: () => input, output: () => output },
    async action({ input: query, credentials }) {
      const when = parseWhen(query.at);
      const scope = await access.scopeFor(credentials);
      const ref = await locateCluster(scope, store, query);
      // As the `/state` route: the check first, then the history (kept after a cluster is gone).
      await assertClusterReadable(scope, store, ref);
      const id = clusterId(ref);
      const entries = await store.listHistory({
        clusterId: id,
        to: when.at,
        limit: HISTORY_LIMIT,
      });
      if (entries.length === 0) {
        throw new NotFoundError(
          `nothing is recorded for cluster ${id} at or before ${when.at}`,
        );
      }
      const state = stateAt(id, when.at, entries);
      // With a node: its changes and the cluster's health, not the other nodes' nor DNS.
      const concerns = (e: HistoryEntry) =>
        !query.node || e.subject === query.node || e.kind === 'cluster-health';
      const changes = when.dayStart
        ? entries
            .filter(e => e.observedAt >= when.dayStart! && concerns(e))
            .sort((a, b) => a.observedAt.localeCompare(b.observedAt))
            .slice(0, CHANGES_LIMIT)
            .map(e => ({
              kind: e.kind,
              subject: e.subject,
              value: e.value,
              previous: e.previous,
              observedAt: e.observedAt,
            }))
        : undefined;
      const nodes = query.node
        ? state.nodes.filter(n => n.name === query.node)
        : state.nodes;
      return {
        output: {
          clusterId: id,
          at: state.at,
          health: state.health,
          nodes: nodes.map(n => ({
            name: n.name,
            since: n.since,
            image: n.image && { value: n.image.value, since: n.image.since },
            kubeletVersion: n.kubeletVersion && {
              value: n.kubeletVersion.value,
              since: n.kubeletVersion.since,
            },
          })),
          records: query.node ? [] : state.records,
          changes,
          note:
            query.node && nodes.length === 0
              ? `node ${query.node} was not in the cluster at ${state.at} (it had left, or had not joined yet)`
              : undefined,
        },
      };
    },
  });
}
