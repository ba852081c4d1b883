import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  actionsRegistryServiceMock,
  type MockActionsRegistry,
} from '@backstage/backend-test-utils/alpha';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  FLEET_ANNOTATIONS,
  fleetClusterReadPermission,
  type ClusterDetail,
  type SourceStatus,
} from '@fleet-portal/plugin-fleet-common';
import type { JsonObject } from '@backstage/types';
import { registerFleetActions } from '../actions/registerFleetActions';
import { deriveCluster } from '../derive/deriveCluster';
import { GitopsRequests } from '../gitops/GitopsRequests';
import { DatabaseRequestStore } from '../gitops/RequestStore';
import type { RequestTracker } from '../gitops/RequestTracker';
import { ClusterReadAccess } from '../permissions/ClusterReadAccess';
import {
  builtInClusterRuleset,
  createFleetClusterConditionalDecision,
  fleetClusterConditions,
} from '../permissions/clusterRules';
import type { KubeObject } from '../reading/KubeReader';
import {
  clusterDeployment,
  IMAGE_A,
  IMAGE_B,
  mgmtRead,
  node,
  vm,
  vmImage,
} from './objects';
import { createTestStore } from './testStore';

export const T1 = '2026-11-01T10:00:00.000Z';
export const T2 = '2026-11-02T09:00:00.000Z';

/** Alice is in trading, Bob in risk; Pat's policy answer is ALLOW, Dan's DENY. */
export const ALICE = mockCredentials.user('user:default/alice');
export const BOB = mockCredentials.user('user:default/bob');
export const PAT = mockCredentials.user('user:default/pat');
export const DAN = mockCredentials.user('user:default/dan');
const GROUPS: Record<string, string[]> = {
  'user:default/alice': ['group:default/trading'],
  'user:default/bob': ['group:default/risk'],
};

interface ClusterSpec {
  name: string;
  namespace: string;
  owner: string;
  k0s: string;
  ready: 'True' | 'False';
  /** The VMImage the cluster should run: img-a (IMAGE_A) or img-b (IMAGE_B). */
  desired: 'img-a' | 'img-b';
  /** Node name → the VMImage its VM runs. */
  nodes: Record<string, 'img-a' | 'img-b'>;
}

/** A cluster as the reader derives it from its objects, read at `at`. */
export function observeCluster(spec: ClusterSpec, at: string): ClusterDetail {
  const cd = clusterDeployment(spec.name, {
    k0s: spec.k0s,
    ready: spec.ready,
    image: spec.desired,
    namespace: spec.namespace,
  });
  cd.metadata = {
    ...cd.metadata,
    annotations: {
      ...cd.metadata?.annotations,
      [FLEET_ANNOTATIONS.owner]: spec.owner,
    },
  };
  return deriveCluster({
    management: { id: 'mgmt', demo: false },
    managementRead: { ...mgmtRead, readAt: at },
    clusterDeployment: cd,
    controlPlanes: [],
    virtualMachines: Object.entries(spec.nodes).map(([name, image]) =>
      vm(name, image, spec.namespace, spec.name),
    ),
    vmImages: new Map<string, KubeObject>([
      ['img-a', vmImage('img-a', IMAGE_A, spec.namespace)],
      ['img-b', vmImage('img-b', IMAGE_B, spec.namespace)],
    ]),
    child: {
      read: {
        readFrom: {
          scope: 'child',
          cluster: `mgmt/${spec.namespace}/${spec.name}`,
        },
        readAt: at,
      },
      nodes: Object.keys(spec.nodes).map(name => node(name)),
      nodeOpUpgrades: [],
      apiServer: { server: `https://${spec.name}.example.com:6443` },
    },
    readState: {
      stale: false,
      failures: [],
      lastAttemptAt: at,
      lastSuccessAt: at,
    },
  });
}

/** trading-eu: as desired (img-a at T1, img-b at T2). trading-us: another image and k0s version
 * than desired. risk-batch: not ready. */
export const TRADING_EU: ClusterSpec = {
  name: 'trading-eu',
  namespace: 'team-trading',
  owner: 'group:default/trading',
  k0s: 'v1.31.2+k0s.0',
  ready: 'True',
  desired: 'img-a',
  nodes: { 'eu-0': 'img-a', 'eu-1': 'img-a' },
};
export const TRADING_US: ClusterSpec = {
  name: 'trading-us',
  namespace: 'team-trading',
  owner: 'trading',
  k0s: 'v1.32.1+k0s.0',
  ready: 'True',
  desired: 'img-b',
  nodes: { 'us-0': 'img-a' },
};
export const RISK_BATCH: ClusterSpec = {
  name: 'risk-batch',
  namespace: 'team-risk',
  owner: 'group:default/risk',
  k0s: 'v1.31.2+k0s.0',
  ready: 'False',
  desired: 'img-b',
  nodes: { 'batch-0': 'img-b' },
};

const source = (at: string): SourceStatus => ({
  id: 'mgmt',
  scope: 'management',
  demo: false,
  lastSuccessAt: at,
});

/** A policy like the example one: users read their groups' clusters, Pat all, Dan none. */
function decide(credentials: BackstageCredentials): PolicyDecision {
  const { userEntityRef } = credentials.principal as { userEntityRef: string };
  if (userEntityRef === PAT.principal.userEntityRef)
    return { result: AuthorizeResult.ALLOW };
  if (userEntityRef === DAN.principal.userEntityRef)
    return { result: AuthorizeResult.DENY };
  return createFleetClusterConditionalDecision(
    fleetClusterReadPermission,
    fleetClusterConditions.isOwnedBy({
      claims: [userEntityRef, ...(GROUPS[userEntityRef] ?? [])],
    }),
  );
}

/**
 * The fleet actions over a store of three clusters of two owners (observed at T1, trading-eu
 * again at T2), a request store, and a policy deciding per user.
 */
export async function startActionFleet() {
  const { store, db } = await createTestStore();
  await store.saveManagementSnapshot(
    'mgmt',
    [TRADING_EU, TRADING_US, RISK_BATCH].map(c => observeCluster(c, T1)),
    source(T1),
  );
  // At T2, trading-eu is on img-b, and eu-1 is gone.
  await store.saveManagementSnapshot(
    'mgmt',
    [
      observeCluster(
        { ...TRADING_EU, desired: 'img-b', nodes: { 'eu-0': 'img-b' } },
        T2,
      ),
      observeCluster(TRADING_US, T2),
      observeCluster(RISK_BATCH, T2),
    ],
    source(T2),
  );
  const authorizeConditional = jest.fn(
    async (
      _requests: unknown[],
      options: { credentials: BackstageCredentials },
    ) => [decide(options.credentials)],
  );
  const permissions = {
    authorizeConditional,
    authorize: jest.fn(),
  } as unknown as PermissionsService;
  const requestStore = new DatabaseRequestStore(db);
  const requests = new GitopsRequests(
    { mode: 'github', localRepository: '/nonexistent', defaultBranch: 'main' },
    requestStore,
    {} as RequestTracker,
  );
  const registry: MockActionsRegistry = actionsRegistryServiceMock();
  registerFleetActions({
    actionsRegistry: registry,
    access: new ClusterReadAccess(permissions, builtInClusterRuleset),
    store,
    requests,
  });
  const invoke = async (
    name: string,
    input: JsonObject,
    credentials: BackstageCredentials,
  ) =>
    (await registry.invoke({ id: `test:${name}`, input, credentials }))
      .output as any;
  return { store, db, requestStore, registry, invoke, authorizeConditional };
}
