import {
  type AuthService,
  type BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import type { ClusterSummary } from '@fleet-portal/plugin-fleet-common';
import {
  branchHead,
  ensureLocalRepository,
  readCommitFiles,
  setBranch,
  writeFilesCommit,
  type LocalRepository,
} from '@fleet-portal/plugin-fleet-node';

const PORTAL = { name: 'Fleet Portal', email: 'fleet-portal@localhost' };

/** An empty local GitOps repository at `dir`. */
export function createGitopsRepository(dir: string): Promise<LocalRepository> {
  return ensureLocalRepository(dir, 'main', PORTAL, () => ({
    files: new Map([['README.md', Buffer.from('# GitOps\n')]]),
    message: 'Start the GitOps repository',
  }));
}

/** A template's request about one cluster, committed as the scaffolder module does. */
export async function commitRequest(
  repo: LocalRepository,
  branch: string,
  cluster: ClusterSummary,
  requestedBy: string,
) {
  const parent = (await branchHead(repo, 'main'))!;
  const files = await readCommitFiles(repo, parent);
  const path = `clusters/${cluster.ref.name}/clusterdeployment.yaml`;
  files.set(path, Buffer.from('k0sVersion: v1.32.8+k0s.0\n'));
  const message = [
    `Upgrade k0s: ${cluster.ref.name}`,
    '',
    'Files:',
    `  ${path}`,
    '',
    `Requested-by: ${requestedBy}`,
    'Template: template:default/k0s-upgrade',
    `Inputs: ${JSON.stringify({
      cluster: cluster.ref.name,
      namespace: cluster.ref.namespace,
    })}`,
  ].join('\n');
  const commit = await writeFilesCommit(repo, {
    files,
    parent,
    message,
    author: PORTAL,
  });
  await setBranch(repo, branch, commit);
}

/**
 * The mock auth service drops the calling plugin from the tokens it issues on a user's behalf;
 * the real one keeps it as the actor, without which the permission backend refuses conditional
 * questions (they must come from a plugin, not straight from a browser).
 */
export const authKeepingActor = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const base = mockServices.auth({ pluginId: plugin.getId() });
    const auth: AuthService = Object.create(base);
    auth.getPluginRequestToken = async options => {
      const { onBehalfOf } = options;
      if (!base.isPrincipal(onBehalfOf, 'user'))
        return base.getPluginRequestToken(options);
      const actor = { subject: `plugin:${plugin.getId()}` };
      const { userEntityRef } = onBehalfOf.principal;
      return { token: mockCredentials.user.token(userEntityRef, { actor }) };
    };
    return auth;
  },
});

export const denyAll: BackendFeature = createBackendModule({
  pluginId: 'permission',
  moduleId: 'deny-all',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          handle: async () => ({ result: AuthorizeResult.DENY }),
        });
      },
    });
  },
});

/** A user info service that resolves each user's ownership to them and their groups. */
export function userInfoWithGroups(groups: Record<string, string[]>) {
  return mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      return {
        userEntityRef,
        ownershipEntityRefs: [userEntityRef, ...(groups[userEntityRef] ?? [])],
      };
    },
  }).factory;
}

/**
 * The fleet's clusters as `authorization` sees them, once the first refresh has read `count` of
 * them: it can take a while on a loaded machine, so this waits up to 40 s.
 */
export async function clustersOnceRead(
  server: Parameters<typeof request>[0],
  authorization: string,
  count: number,
): Promise<ClusterSummary[]> {
  let all: ClusterSummary[] = [];
  const deadline = Date.now() + 40_000;
  while (all.length < count && Date.now() < deadline) {
    const res = await request(server)
      .get('/api/fleet/clusters')
      .set('Authorization', authorization);
    all = res.status === 200 ? res.body.items : [];
    if (all.length < count) await new Promise(r => setTimeout(r, 100));
  }
  return all;
}
