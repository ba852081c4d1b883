import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import { fleetGitopsMergePermission } from '@fleet-portal/plugin-fleet-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseParams } from '../parseParams';
import type { ClusterReadAccess } from '../permissions/ClusterReadAccess';
import {
  readableRequests,
  userEntityRefOf,
} from '../permissions/readableFleet';
import type { FleetStore } from '../service/FleetStore';
import type { GitopsRequests } from './GitopsRequests';

const listQuery = z.object({
  cluster: z
    .string()
    .max(253)
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a cluster name')
    .optional(),
  state: z.enum(['open', 'active', 'all']).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

/** Branch names as the scaffolder module generates and accepts them. */
const mergeBody = z.object({
  branch: z
    .string()
    .max(255)
    .regex(
      /^(?!\/|.*\/\/|.*\.\.|.*\/$|.*\.lock$)[A-Za-z0-9._/-]+$/,
      'must be the name of a request branch',
    ),
});

export interface RequestsRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** What `fleet.cluster.read` covers per caller: only requests about those clusters are listed. */
  access: ClusterReadAccess;
  fleet: Pick<FleetStore, 'listClusters'>;
  requests: GitopsRequests;
}

/** `GET /requests` and `POST /requests/merge`: the templates' requests in the local repository. */
export async function createRequestsRouter({
  httpAuth,
  permissions,
  access,
  fleet,
  requests,
}: RequestsRouterOptions): Promise<express.Router> {
  const router = Router();
  router.use('/requests', express.json());

  const authorize = async (
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`permission ${permission.name} is required`);
    }
  };

  router.get('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const scope = await access.scopeFor(credentials);
    const query = parseParams(listQuery, req.query);
    const userEntityRef = userEntityRefOf(credentials);
    if (query.mine === 'true' && !userEntityRef)
      throw new InputError(
        'mine=true lists the requests of the signed-in user: sign in, or leave mine out',
      );
    const list = await requests.list({
      cluster: query.cluster,
      state: query.state,
      requestedBy: query.mine === 'true' ? userEntityRef : undefined,
    });
    res.json({
      ...list,
      items: await readableRequests(scope, fleet, list.items, userEntityRef),
    });
  });

  router.post('/requests/merge', async (req, res) => {
    // Only a person merges: the merge commit names them.
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorize(credentials, fleetGitopsMergePermission);
    const { branch } = parseParams(mergeBody, req.body ?? {});
    res.json(await requests.merge(branch, credentials.principal.userEntityRef));
  });

  return router;
}
