import {
  DESIRED_IMAGE_ANNOTATION,
  IMAGE_REF_ANNOTATION,
} from '../generateFleet';
import { hashHex } from '../random';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { ObjectStore } from '../store';
import type { KubeObject } from '../types';
import { condition, ControllerContext } from './context';
import { joinedNode, kubeletOf, NodeRole } from './joinedNode';

const CLUSTER_DEPLOYMENT = {
  apiVersion: apiVersionOf(TYPES.clusterDeployment),
  kind: 'ClusterDeployment',
};
const K0S_CONTROL_PLANE = {
  apiVersion: apiVersionOf(TYPES.k0sControlPlane),
  kind: 'K0sControlPlane',
};
const K0SMOTRON_CONTROL_PLANE = {
  apiVersion: apiVersionOf(TYPES.k0smotronControlPlane),
  kind: 'K0smotronControlPlane',
};
/** The kinds a cluster's control plane can be; a new cluster gets the first. */
const CONTROL_PLANE_KINDS = [K0S_CONTROL_PLANE, K0SMOTRON_CONTROL_PLANE];
const DRAINING_ANNOTATION = 'fleetportal.io/simulator-draining';

const roleOf = (node: KubeObject): NodeRole =>
  node.metadata.labels?.['node.k0sproject.io/role'] === 'control-plane' ||
  node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined
    ? 'control-plane'
    : 'worker';
const kubeletVersionOf = (node: KubeObject) =>
  (node.status as any)?.nodeInfo?.kubeletVersion as string | undefined;

function setReady(
  ctx: ControllerContext,
  cd: KubeObject,
  status: 'True' | 'False',
  reason: string,
  message: string,
): void {
  const conditions = ((cd.status as any)?.conditions ?? []).filter(
    (c: any) => c.type !== 'Ready',
  );
  cd.status = {
    ...(cd.status as any),
    conditions: [
      ...conditions,
      condition('Ready', status, reason, message, ctx.clock()),
    ],
  };
  ctx.management.upsert(cd);
}

/** The image reference machines of this cluster boot: its desired VMImage's pinned reference. */
function desiredImageRef(ctx: ControllerContext, cd: KubeObject) {
  const name = cd.metadata.annotations?.[DESIRED_IMAGE_ANNOTATION];
  if (!name) return undefined;
  const image = ctx.management.get({
    apiVersion: apiVersionOf(TYPES.vmImage),
    kind: 'VMImage',
    namespace: cd.metadata.namespace,
    name,
  });
  return (
    image?.metadata.annotations?.[IMAGE_REF_ANNOTATION] ??
    (image?.spec as any)?.source?.registry?.image
  );
}

function addNode(
  ctx: ControllerContext,
  cd: KubeObject,
  child: ObjectStore,
  role: NodeRole,
  name: string,
): void {
  const k0s = (cd.spec as any).config.k0s.version as string;
  const index = child.list({ apiVersion: 'v1', kind: 'Node' }).length;
  child.upsert(
    joinedNode({
      cluster: cd.metadata.name,
      name,
      role,
      kubeletVersion: kubeletOf(k0s),
      imageRef: desiredImageRef(ctx, cd),
      ip: `10.${parseInt(hashHex('ip', cd.metadata.name).slice(0, 2), 16)}.${
        200 + Math.floor(index / 250)
      }.${(index % 250) + 2}`,
      now: ctx.clock(),
    }),
  );
}

/** Provisioning a new cluster: its control plane object first, then its API server and nodes. */
function provision(ctx: ControllerContext, cd: KubeObject, kcp?: KubeObject) {
  const { name, namespace } = cd.metadata;
  const config = (cd.spec as any).config ?? {};
  const version = config.k0s?.version as string;
  const replicas = config.controlPlaneNumber ?? 1;
  if (!kcp) {
    ctx.management.upsert({
      ...K0S_CONTROL_PLANE,
      metadata: {
        name: `${name}-cp`,
        namespace,
        labels: { 'cluster.x-k8s.io/cluster-name': name },
      },
      spec: { replicas, version, updateStrategy: 'InPlace' },
    });
    setReady(
      ctx,
      cd,
      'False',
      'Provisioning',
      `Provisioning ${replicas} control plane machine(s)`,
    );
    return;
  }
  const child = ctx.children.create(name, namespace!, kubeletOf(version));
  for (let i = 0; i < replicas; i++)
    addNode(ctx, cd, child, 'control-plane', `${name}-cp-${i}`);
  kcp.status = {
    version,
    replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    upToDateReplicas: replicas,
    initialization: { controlPlaneInitialized: true },
  };
  ctx.management.upsert(kcp);
}

/** One step of rolling k0s: the control plane's desired version, then one node at a time. */
function rollK0s(
  ctx: ControllerContext,
  cd: KubeObject,
  kcp: KubeObject,
  child: ObjectStore,
  nodes: KubeObject[],
): boolean {
  const version = (cd.spec as any).config.k0s.version as string;
  if ((kcp.spec as any).version !== version) {
    (kcp.spec as any).version = version;
    delete kcp.metadata.generation;
    ctx.management.upsert(kcp);
    setReady(ctx, cd, 'False', 'Upgrading', `Upgrading k0s to ${version}`);
    return true;
  }
  const kubelet = kubeletOf(version);
  const stale = nodes
    .filter(node => kubeletVersionOf(node) !== kubelet)
    .sort(
      (a, b) =>
        (roleOf(a) === 'control-plane' ? 0 : 1) -
          (roleOf(b) === 'control-plane' ? 0 : 1) ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  if (stale.length > 0) {
    const node = stale[0];
    const info = (node.status as any).nodeInfo;
    info.kubeletVersion = kubelet;
    info.kubeProxyVersion = kubelet;
    child.upsert(node);
    return true;
  }
  if ((kcp.status as any)?.version !== version) {
    kcp.status = {
      ...(kcp.status as any),
      version,
      upToDateReplicas: (kcp.spec as any).replicas,
    };
    ctx.management.upsert(kcp);
    ctx.children.setGitVersion(cd.metadata.name, kubelet);
    return true;
  }
  return false;
}

/** One step of scaling workers: add a machine, or cordon then remove the newest one. */
function scaleWorkers(
  ctx: ControllerContext,
  cd: KubeObject,
  child: ObjectStore,
  nodes: KubeObject[],
): boolean {
  const draining = nodes.find(
    n => n.metadata.annotations?.[DRAINING_ANNOTATION],
  );
  if (draining) {
    child.delete({
      apiVersion: 'v1',
      kind: 'Node',
      name: draining.metadata.name,
    });
    return true;
  }
  const desired = (cd.spec as any).config.workersNumber ?? 0;
  const workers = nodes.filter(n => roleOf(n) === 'worker');
  if (workers.length < desired) {
    addNode(
      ctx,
      cd,
      child,
      'worker',
      `${cd.metadata.name}-md-${hashHex(
        'md',
        cd.metadata.name,
        ctx.clock(),
      ).slice(0, 5)}`,
    );
    return true;
  }
  if (workers.length > desired) {
    const victim = [...workers].sort(
      (a, b) =>
        (a.metadata.name.includes('-md-') ? 0 : 1) -
          (b.metadata.name.includes('-md-') ? 0 : 1) ||
        b.metadata.name.localeCompare(a.metadata.name),
    )[0];
    victim.metadata.annotations = {
      ...victim.metadata.annotations,
      [DRAINING_ANNOTATION]: 'true',
    };
    victim.spec = {
      ...(victim.spec as any),
      unschedulable: true,
      taints: [
        {
          key: 'node.kubernetes.io/unschedulable',
          effect: 'NoSchedule',
          timeAdded: ctx.clock(),
        },
      ],
    };
    child.upsert(victim);
    return true;
  }
  return false;
}

function stepCluster(ctx: ControllerContext, cd: KubeObject): void {
  if (!ctx.observed.pending('mgmt', cd)) return;
  const { name, namespace } = cd.metadata;
  const kcp = CONTROL_PLANE_KINDS.map(kind =>
    ctx.management.get({ ...kind, namespace, name: `${name}-cp` }),
  ).find(Boolean);
  const child = ctx.children.store(name);
  if (!child || !kcp) {
    provision(ctx, cd, kcp);
    return;
  }
  const nodes = child.list({ apiVersion: 'v1', kind: 'Node' });
  if (rollK0s(ctx, cd, kcp, child, nodes)) return;
  if (scaleWorkers(ctx, cd, child, nodes)) return;
  const current = ctx.management.get({
    ...CLUSTER_DEPLOYMENT,
    namespace,
    name,
  })!;
  (current.status as any) ??= {};
  (current.status as any).observedGeneration = current.metadata.generation;
  setReady(ctx, current, 'True', 'Succeeded', 'Object is ready');
  ctx.observed.done(
    'mgmt',
    ctx.management.get({ ...CLUSTER_DEPLOYMENT, namespace, name })!,
  );
}

/** One step of removing a cluster whose ClusterDeployment is gone: its control plane, then the rest. */
function decommission(ctx: ControllerContext, cluster: string): void {
  const kcps = CONTROL_PLANE_KINDS.flatMap(kind =>
    ctx.management
      .list({
        ...kind,
        labelSelector: `cluster.x-k8s.io/cluster-name=${cluster}`,
      })
      .map(kcp => ({ kind, kcp })),
  );
  if (kcps.length > 0) {
    for (const { kind, kcp } of kcps)
      ctx.management.delete({
        ...kind,
        namespace: kcp.metadata.namespace,
        name: kcp.metadata.name,
      });
    return;
  }
  ctx.children.remove(cluster);
}

/** One step of the simulated k0rdent, k0smotron and Cluster API controllers for every cluster. */
export function stepClusters(ctx: ControllerContext): void {
  const deployments = ctx.management.list(CLUSTER_DEPLOYMENT);
  for (const cd of deployments) stepCluster(ctx, cd);
  const wanted = new Set(deployments.map(cd => cd.metadata.name));
  for (const cluster of ctx.children.names())
    if (!wanted.has(cluster)) decommission(ctx, cluster);
}
