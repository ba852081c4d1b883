import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  clusterId,
  HISTORY_KINDS,
  type ClusterRef,
  type HistoryResponse,
  type HistoryKind,
  type ClusterInventoryResponse,
  type ClusterListResponse,
  type ClusterPageResponse,
  queryFleet,
  type SourceStatus,
} from '@fleet-portal/plugin-fleet-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { stateAt } from './history/stateAt';
import { clusterListQueryKey, parseClusterListQuery } from './clusterListQuery';
import { parseParams } from './parseParams';
import {
  ClusterReadAccess,
  type ClusterReadScope,
  permittedClusters,
} from './permissions/ClusterReadAccess';
import { assertClusterReadable, notInFleet } from './permissions/readableFleet';
import { builtInClusterRuleset } from './permissions/clusterRules';
import type { FleetStore } from './service/FleetStore';
import { sendCachedJson } from './service/sendCachedJson';
import { FleetListIndexes } from './service/FleetListIndexes';
import { VersionedJsonCache } from './service/VersionedJsonCache';

const rfc1123Label = z
  .string()
  .max(63)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'must be a lowercase RFC 1123 label',
  );
const rfc1123Subdomain = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'must be a lowercase RFC 1123 subdomain',
  );

const clusterParams = z.object({
  management: rfc1123Label,
  namespace: rfc1123Label,
  name: rfc1123Subdomain,
});

const isoTime = z
  .string()
  .refine(v => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date-time')
  .transform(v => new Date(v).toISOString());

const historyQuery = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  node: rfc1123Subdomain.optional(),
  kind: z
    .string()
    .optional()
    .transform(v => (v ? v.split(',') : undefined))
    .refine(
      v => !v || v.every(k => (HISTORY_KINDS as readonly string[]).includes(k)),
      `must be one of ${HISTORY_KINDS.join(', ')}`,
    ),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

const stateQuery = z.object({ at: isoTime });

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: FleetStore;
  /** What `fleet.cluster.read` covers per caller; by default with the built-in rules only. */
  access?: ClusterReadAccess;
  /** Routes read live from the management clusters for the forms, behind the same permission. */
  forms?: express.Router;
}

/** A management cluster's Flux Kustomizations describe all its clusters, not only the caller's. */
function withoutKustomizations(source: SourceStatus): SourceStatus {
  const { kustomizations: _all, ...rest } = source;
  return rest;
}

export async function createRouter({
  httpAuth,
  permissions,
  store,
  access = new ClusterReadAccess(permissions, builtInClusterRuleset),
  forms,
}: RouterOptions): Promise<express.Router> {
  const router = Router();
  const responses = new VersionedJsonCache();
  const indexes = new FleetListIndexes();
  const scopes = new WeakMap<express.Request, ClusterReadScope>();
  const scopeOf = (req: express.Request) => scopes.get(req)!;

  // Every route reads fleet state: one decision per request, a plain DENY is a 403 everywhere.
  router.use(async (req, _res, next) => {
    scopes.set(req, await access.scopeFor(await httpAuth.credentials(req)));
    next();
  });
  // The forms describe management clusters, not fleet clusters: any caller who may read some
  // clusters may fill them in (DENY was refused above).
  if (forms) router.use(forms);

  /** A cluster the caller may not read answers as one that does not exist, as the catalog does. */
  const assertReadable = (scope: ClusterReadScope, ref: ClusterRef) =>
    assertClusterReadable(scope, store, ref);

  /** The clusters and sources the caller may read (a list's Kustomizations are the fleet's). */
  const readableList = async (
    scope: ClusterReadScope,
  ): Promise<ClusterListResponse> => {
    const [items, sources] = await Promise.all([
      store.listClusters(),
      store.listSources(),
    ]);
    return scope.all
      ? { items, sources }
      : {
          items: permittedClusters(scope, items),
          sources: sources.map(withoutKustomizations),
        };
  };

  router.get('/clusters', async (req, res) => {
    const scope = scopeOf(req);
    const query = parseClusterListQuery(req.query);
    const version = await store.version();
    const scopeKey = scope.all ? 'clusters' : `clusters:${scope.key}`;
    // Keyed by the decision and the query: different callers or queries never share a body.
    const body = query
      ? await responses.get(
          version,
          `clusters-page:${JSON.stringify([
            scopeKey,
            clusterListQueryKey(query),
          ])}`,
          async () => {
            // Read scope first: filters, counts and the page only ever see readable clusters.
            const { index, sources } = await indexes.get(
              version,
              scopeKey,
              () => readableList(scope),
            );
            const page: ClusterPageResponse = {
              ...queryFleet(index, query),
              sources,
            };
            return page;
          },
        )
      : await responses.get(version, scopeKey, () => readableList(scope));
    await sendCachedJson(req, res, body!);
  });

  router.get('/inventory', async (req, res) => {
    const body: ClusterInventoryResponse = {
      items: permittedClusters(scopeOf(req), await store.listInventory()),
    };
    res.json(body);
  });

  router.get('/clusters/:management/:namespace/:name', async (req, res) => {
    const ref = parseParams(clusterParams, req.params);
    await assertReadable(scopeOf(req), ref);
    // The check comes first, so a cached detail is only ever sent to a caller who may read it.
    const body = await responses.getText(
      await store.version(),
      `cluster:${clusterId(ref)}`,
      () => store.getClusterJson(ref),
    );
    if (!body) throw notInFleet(ref);
    await sendCachedJson(req, res, body);
  });

  router.get(
    '/clusters/:management/:namespace/:name/history',
    async (req, res) => {
      const ref = parseParams(clusterParams, req.params);
      const query = parseParams(historyQuery, req.query);
      await assertReadable(scopeOf(req), ref);
      const body: HistoryResponse = {
        items: await store.listHistory({
          clusterId: clusterId(ref),
          from: query.from,
          to: query.to,
          node: query.node,
          kinds: query.kind as HistoryKind[] | undefined,
          limit: query.limit,
        }),
      };
      res.json(body);
    },
  );

  router.get(
    '/clusters/:management/:namespace/:name/state',
    async (req, res) => {
      const ref = parseParams(clusterParams, req.params);
      const { at } = parseParams(stateQuery, req.query);
      await assertReadable(scopeOf(req), ref);
      const id = clusterId(ref);
      const entries = await store.listHistory({
        clusterId: id,
        to: at,
        limit: 100_000,
      });
      if (entries.length === 0) {
        throw new NotFoundError(
          `nothing is recorded for cluster ${id} at or before ${at}`,
        );
      }
      res.json(stateAt(id, at, entries));
    },
  );

  return router;
}
