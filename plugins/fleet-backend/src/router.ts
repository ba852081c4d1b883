import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  clusterId,
  fleetClusterReadPermission,
  HISTORY_KINDS,
  type HistoryResponse,
  type HistoryKind,
  type ClusterInventoryResponse,
  type ClusterListResponse,
} from '@internal/plugin-fleet-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { stateAt } from './history/stateAt';
import { parseParams } from './parseParams';
import type { FleetStore } from './service/FleetStore';
import { sendCachedJson } from './service/sendCachedJson';
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
  /** Routes read live from the management clusters for the forms, behind the same permission. */
  forms?: express.Router;
}

export async function createRouter({
  httpAuth,
  permissions,
  store,
  forms,
}: RouterOptions): Promise<express.Router> {
  const router = Router();
  const responses = new VersionedJsonCache();
  // Every route reads fleet state, so one check guards them all.
  router.use(async (req, _res, next) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: fleetClusterReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `permission ${fleetClusterReadPermission.name} is required`,
      );
    }
    next();
  });
  if (forms) router.use(forms);

  router.get('/clusters', async (req, res) => {
    const body = await responses.get(
      await store.version(),
      'clusters',
      async () => {
        const [items, sources] = await Promise.all([
          store.listClusters(),
          store.listSources(),
        ]);
        const list: ClusterListResponse = { items, sources };
        return list;
      },
    );
    await sendCachedJson(req, res, body!);
  });

  router.get('/inventory', async (_req, res) => {
    const body: ClusterInventoryResponse = {
      items: await store.listInventory(),
    };
    res.json(body);
  });

  router.get('/clusters/:management/:namespace/:name', async (req, res) => {
    const ref = parseParams(clusterParams, req.params);
    const body = await responses.getText(
      await store.version(),
      `cluster:${clusterId(ref)}`,
      () => store.getClusterJson(ref),
    );
    if (!body) {
      throw new NotFoundError(
        `cluster ${ref.management}/${ref.namespace}/${ref.name} is not in the fleet`,
      );
    }
    await sendCachedJson(req, res, body);
  });

  router.get(
    '/clusters/:management/:namespace/:name/history',
    async (req, res) => {
      const ref = parseParams(clusterParams, req.params);
      const query = parseParams(historyQuery, req.query);
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
