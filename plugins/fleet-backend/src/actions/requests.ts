import { InputError, NotFoundError } from '@backstage/errors';
import {
  REQUEST_STATES,
  type GitopsRequestItem,
} from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod/v3';
import {
  readableRequests,
  userEntityRefOf,
} from '../permissions/readableFleet';
import { type FleetActionsOptions, READ_ONLY } from './context';
import { parseClusterId } from './locateCluster';
import { pageShape } from './schemas';

const stepSchema = z.object({
  state: z.enum(REQUEST_STATES as [string, ...string[]]),
  at: z.string(),
  commit: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  source: z.string().optional().describe('Where the step was read'),
});

const requestSchema = z.object({
  id: z
    .string()
    .describe('`local:<branch>` or `github:<owner>/<repo>#<number>`'),
  branch: z.string(),
  title: z.string(),
  requestedBy: z.string().describe('Entity ref of the requester'),
  template: z.string(),
  cluster: z.string().optional().describe('The cluster name it is about'),
  namespace: z.string().optional(),
  clusterId: z
    .string()
    .optional()
    .describe('Its cluster id, when the fleet holds it'),
  files: z.array(z.string()),
  committedAt: z.string(),
  merged: z.boolean(),
  pullRequest: z
    .object({ number: z.number(), url: z.string(), state: z.string() })
    .optional(),
  journey: z.object({
    state: z
      .enum(REQUEST_STATES as [string, ...string[]])
      .describe('opened → merged → applied → reconciled, or failed'),
    waitingFor: z.string().optional().describe('What it waits for now'),
    checkedAt: z.string(),
    steps: z.array(stepSchema).describe('Every step so far, oldest first'),
  }),
});

function toRequest(item: GitopsRequestItem): z.infer<typeof requestSchema> {
  return {
    id: item.id,
    branch: item.branch,
    title: item.title,
    requestedBy: item.requestedBy,
    template: item.template,
    cluster: item.cluster,
    namespace: item.namespace,
    clusterId: item.clusterId,
    files: item.files,
    committedAt: item.committedAt,
    merged: item.merged,
    pullRequest: item.pullRequest,
    journey: item.journey,
  };
}

const getInput = z.object({
  id: z
    .string()
    .optional()
    .describe('The request id, e.g. local:fleet/k0s-upgrade/1a2b3c4d5e'),
  branch: z
    .string()
    .optional()
    .describe('Or its branch, e.g. fleet/k0s-upgrade/1a2b3c4d5e'),
});

const listInput = z.object({
  cluster: z
    .string()
    .optional()
    .describe(
      'Only requests about this cluster: its name, or its id <management>/<namespace>/<name>',
    ),
  state: z
    .enum(['open', 'active', 'all'])
    .default('all')
    .describe(
      '`open`: not merged yet; `active`: not reconciled yet; `all` (default)',
    ),
  mine: z
    .boolean()
    .optional()
    .describe('true: only the requests you filed (needs a signed-in user)'),
  ...pageShape(20, 200),
});

const listOutput = z.object({
  mode: z.enum(['local', 'github']).describe('Where requests are reviewed'),
  total: z.number(),
  offset: z.number(),
  returned: z.number(),
  requests: z.array(requestSchema).describe('Newest first'),
});

/** The template requests (one branch or pull request each) and their journeys to the fleet. */
export function registerRequestActions({
  actionsRegistry,
  access,
  store,
  requests,
}: FleetActionsOptions) {
  actionsRegistry.register({
    name: 'fleet-get-request',
    title: 'Get a GitOps request’s journey',
    description: [
      "A template request's journey to the fleet, by id or branch: who filed it with which template, the files it changes, and each step it reached (opened, merged, applied by Flux, reconciled, or failed, with when and why) and what it waits for now.",
      'You see the requests about clusters you may read, and the ones you filed; any other answers as not found.',
      'Example: input {"branch": "fleet/k0s-upgrade/1a2b3c4d5e"}; output {"id": "local:fleet/k0s-upgrade/1a2b3c4d5e", "title": "Upgrade k0s: trading-eu-1 to v1.32.8+k0s.0", "requestedBy": "user:default/alice", "clusterId": "mgmt/team-trading/trading-eu-1", "merged": true, "journey": {"state": "applied", "waitingFor": "the cluster to become ready", "steps": [{"state": "opened", "at": "…"}, {"state": "merged", "at": "…", "commit": "…"}, {"state": "applied", "at": "…", "source": "Kustomization flux-system/clusters"}], …}, …}.',
    ].join('\n'),
    attributes: READ_ONLY,
    examples: [
      {
        title: 'By branch',
        input: { branch: 'fleet/k0s-upgrade/1a2b3c4d5e' },
      },
    ],
    schema: { input: () => getInput, output: () => requestSchema },
    async action({ input: { id, branch }, credentials }) {
      if (!id && !branch)
        throw new InputError('give the request id or its branch');
      const scope = await access.scopeFor(credentials);
      const { items } = await requests.list({ state: 'all' });
      const found = items.filter(
        i => (!id || i.id === id) && (!branch || i.branch === branch),
      );
      const [item] = await readableRequests(
        scope,
        store,
        found,
        userEntityRefOf(credentials),
      );
      if (!item)
        throw new NotFoundError(`no request ${id ?? branch} was found`);
      return { output: toRequest(item) };
    },
  });

  actionsRegistry.register({
    name: 'fleet-list-requests',
    title: 'List GitOps requests',
    description: [
      'Lists the template requests (day-2 changes and new clusters filed through GitOps), newest first, with their journeys: of one cluster, of your own, by state.',
      'You see the requests about clusters you may read, and the ones you filed.',
      'Example: input {"cluster": "trading-eu-1", "state": "active"}; output {"mode": "local", "total": 1, "offset": 0, "returned": 1, "requests": [{"id": "local:fleet/k0s-upgrade/1a2b3c4d5e", "journey": {"state": "merged", "waitingFor": "Flux to apply it", …}, …}]}. Use fleet-get-request for one request.',
    ].join('\n'),
    attributes: READ_ONLY,
    examples: [
      {
        title: "One cluster's requests in flight",
        input: {
          cluster: 'trading-eu-1',
          state: 'active',
          limit: 20,
          offset: 0,
        },
      },
    ],
    schema: { input: () => listInput, output: () => listOutput },
    async action({ input: query, credentials }) {
      const scope = await access.scopeFor(credentials);
      const userEntityRef = userEntityRefOf(credentials);
      if (query.mine && !userEntityRef)
        throw new InputError(
          'mine lists the requests of the signed-in user: call as a user, or leave mine out',
        );
      const ref = query.cluster?.includes('/')
        ? parseClusterId(query.cluster)
        : undefined;
      const list = await requests.list({
        cluster: ref?.name ?? query.cluster,
        state: query.state,
        requestedBy: query.mine ? userEntityRef : undefined,
      });
      // With an id: that cluster's, or one not read yet of that namespace.
      const ofCluster = ref
        ? list.items.filter(i =>
            i.clusterId
              ? i.clusterId === `${ref.management}/${ref.namespace}/${ref.name}`
              : !i.namespace || i.namespace === ref.namespace,
          )
        : list.items;
      const items = await readableRequests(
        scope,
        store,
        ofCluster,
        userEntityRef,
      );
      const page = items.slice(query.offset, query.offset + query.limit);
      return {
        output: {
          mode: list.mode,
          total: items.length,
          offset: query.offset,
          returned: page.length,
          requests: page.map(toRequest),
        },
      };
    },
  });
}
