import { CLUSTER_LABEL, IMAGE_REF_ANNOTATION } from '../generateFleet';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { KubeObject } from '../types';
import { condition, ControllerContext } from './context';
import { joinedNode, kubeletOf } from './joinedNode';

const VIRTUAL_MACHINE = {
  apiVersion: apiVersionOf(TYPES.virtualMachine),
  kind: 'VirtualMachine',
};
const VM_IMAGE = { apiVersion: apiVersionOf(TYPES.vmImage), kind: 'VMImage' };

/** The reference a VM boots: its VMImage's pinned digest reference, else the tag it pulls. */
function bootedImage(ctx: ControllerContext, vm: KubeObject) {
  const image = ctx.management.get({
    ...VM_IMAGE,
    namespace: vm.metadata.namespace,
    name: (vm.spec as any)?.imageRef?.name ?? '',
  });
  return (
    image?.metadata.annotations?.[IMAGE_REF_ANNOTATION] ??
    (image?.spec as any)?.source?.registry?.image
  );
}

function clusterK0s(ctx: ControllerContext, vm: KubeObject, cluster: string) {
  const cd = ctx.management.get({
    apiVersion: apiVersionOf(TYPES.clusterDeployment),
    kind: 'ClusterDeployment',
    namespace: vm.metadata.namespace,
    name: cluster,
  });
  return (cd?.spec as any)?.config?.k0s?.version as string | undefined;
}

/**
 * One step of VirtRigaud and the Kairos nodes it boots: a new VM is provisioned, then runs and
 * joins its cluster as a node booted from the image its VMImage pins; a VM whose image changed
 * reboots into it; a VM removed from Git takes its node with it.
 */
function stepMachine(ctx: ControllerContext, vm: KubeObject): void {
  if (!ctx.observed.pending('mgmt', vm)) return;
  const now = ctx.clock();
  const status = (vm.status as any) ?? {};
  const cluster =
    vm.metadata.labels?.[CLUSTER_LABEL] ??
    vm.metadata.labels?.['cluster.x-k8s.io/cluster-name'];
  if (!status.phase) {
    vm.status = {
      phase: 'Provisioning',
      powerState: 'Off',
      conditions: [
        condition(
          'Ready',
          'False',
          'Provisioning',
          'Cloning the VM from its VMImage',
          now,
        ),
      ],
    };
    ctx.management.upsert(vm);
    return;
  }
  const child = cluster ? ctx.children.store(cluster) : undefined;
  const k0s = cluster ? clusterK0s(ctx, vm, cluster) : undefined;
  const imageRef = bootedImage(ctx, vm);
  const ip =
    (vm.spec as any)?.networks?.[0]?.ipAddress ??
    status.ips?.[0] ??
    '10.250.0.10';
  if (child && k0s) {
    const node = child.get({
      apiVersion: 'v1',
      kind: 'Node',
      name: vm.metadata.name,
    });
    if (!node) {
      child.upsert(
        joinedNode({
          cluster: cluster!,
          name: vm.metadata.name,
          role:
            vm.metadata.labels?.['fleetportal.io/pool'] === 'control-plane' ||
            (vm.metadata.labels?.['fleetportal.io/pool'] ?? '').includes(
              'controller',
            )
              ? 'control-plane'
              : 'worker',
          kubeletVersion: kubeletOf(k0s),
          imageRef,
          ip,
          now,
        }),
      );
    } else if (
      imageRef &&
      node.metadata.annotations?.[IMAGE_REF_ANNOTATION] !== imageRef
    ) {
      node.metadata.annotations = {
        ...node.metadata.annotations,
        [IMAGE_REF_ANNOTATION]: imageRef,
      };
      child.upsert(node);
    }
  }
  vm.status = {
    ...status,
    phase: 'Running',
    powerState: 'On',
    observedGeneration: vm.metadata.generation,
    ips: [ip],
    conditions: [
      condition('Ready', 'True', 'Running', 'VirtualMachine is running', now),
    ],
  };
  const stored = ctx.management.upsert(vm);
  ctx.observed.done('mgmt', stored);
}

export function stepMachines(
  ctx: ControllerContext,
  known: Map<string, { cluster?: string; name: string; object: KubeObject }>,
): void {
  const vms = ctx.management.list(VIRTUAL_MACHINE);
  const present = new Set<string>();
  for (const vm of vms) {
    const key = `${vm.metadata.namespace}/${vm.metadata.name}`;
    present.add(key);
    known.set(key, {
      cluster:
        vm.metadata.labels?.[CLUSTER_LABEL] ??
        vm.metadata.labels?.['cluster.x-k8s.io/cluster-name'],
      name: vm.metadata.name,
      object: vm,
    });
    stepMachine(ctx, vm);
  }
  for (const [key, gone] of [...known]) {
    if (present.has(key)) continue;
    known.delete(key);
    ctx.observed.forget('mgmt', gone.object);
    if (gone.cluster)
      ctx.children
        .store(gone.cluster)
        ?.delete({ apiVersion: 'v1', kind: 'Node', name: gone.name });
  }
}

/** A new VMImage is imported by VirtRigaud and becomes Ready. */
export function stepImages(ctx: ControllerContext): void {
  for (const image of ctx.management.list(VM_IMAGE)) {
    if (!ctx.observed.pending('mgmt', image)) continue;
    image.status = {
      phase: 'Ready',
      ready: true,
      format: (image.spec as any)?.source?.registry?.format ?? 'qcow2',
      availableOn: [(image.spec as any)?.providerRef?.name ?? 'vsphere-dc1'],
      observedGeneration: image.metadata.generation,
    };
    ctx.observed.done('mgmt', ctx.management.upsert(image));
  }
}
