import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  fleetClusterReadPermission,
  type ClusterInventoryResponse,
  type ClusterListResponse,
} from '@internal/plugin-fleet-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { FleetStore } from './service/FleetStore';

const rfc1123Label = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase RFC 1123 label');
const rfc1123Subdomain = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'must be a lowercase RFC 1123 subdomain');

const clusterParams = z.object({
  management: rfc1123Label,
  namespace: rfc1123Label,
  name: rfc1123Subdomain,
});

function parseParams<T>(schema: z.ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(`${issue?.path.join('.') || 'path'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: FleetStore;
}

export async function createRouter({ httpAuth, permissions, store }: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  // Every route reads fleet state, so one check guards them all.
  router.use(async (req, _res, next) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission: fleetClusterReadPermission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`permission ${fleetClusterReadPermission.name} is required`);
    }
    next();
  });

  router.get('/clusters', async (_req, res) => {
    const [items, sources] = await Promise.all([store.listClusters(), store.listSources()]);
    const body: ClusterListResponse = { items, sources };
    res.json(body);
  });

  router.get('/inventory', async (_req, res) => {
    const body: ClusterInventoryResponse = { items: await store.listInventory() };
    res.json(body);
  });

  router.get('/clusters/:management/:namespace/:name', async (req, res) => {
    const ref = parseParams(clusterParams, req.params);
    const detail = await store.getCluster(ref);
    if (!detail) {
      throw new NotFoundError(`cluster ${ref.management}/${ref.namespace}/${ref.name} is not in the fleet`);
    }
    res.json(detail);
  });

  return router;
}
