import {
  CLUSTER_LABEL,
  IMAGE_REF_ANNOTATION,
  KAIROS_REPOSITORY,
} from './generateFleet';
import { hashHex } from './random';
import { apiVersionOf, TYPES } from './resourceTypes';
import type { ObjectStore } from './store';
import type { GeneratedCluster, KubeObject } from './types';

/** What `FleetSimulator.setNodeImage` changes: see its documentation there. */
export function setNodeImage(args: {
  management: ObjectStore;
  child: ObjectStore;
  cluster: GeneratedCluster;
  clusterName: string;
  nodeName: string;
  reference: string;
  digestInRegistryImage: boolean;
  clock: () => string;
}): void {
  const { cluster, child, clusterName, nodeName, reference, clock } = args;
  const mgmtStore = args.management;
  const digestInRegistryImage = args.digestInRegistryImage;
  const vmRef = {
    apiVersion: apiVersionOf(TYPES.virtualMachine),
    kind: 'VirtualMachine',
    namespace: cluster.namespace,
    // A cluster written before Fleet Portal names its VMs unlike its nodes.
    name: cluster.nodes.find(n => n.name === nodeName)?.vmName ?? nodeName,
  };
  const nodeRef = { apiVersion: 'v1', kind: 'Node', name: nodeName };
  const vm = mgmtStore.get(vmRef);
  const node = child.get(nodeRef);
  if (!vm && !node)
    throw new Error(
      `cluster ${clusterName} has no node or VirtualMachine "${nodeName}"`,
    );
  const at = reference.lastIndexOf('@');
  const digest = at > 0 ? reference.slice(at + 1) : undefined;
  const named = at > 0 ? reference.slice(0, at) : reference;
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const repository = colon > slash ? named.slice(0, colon) : named;
  const tag = colon > slash ? named.slice(colon + 1) : undefined;

  // The VMImage standing for the reference: an existing one, or a new one.
  const images = mgmtStore.list({
    apiVersion: apiVersionOf(TYPES.vmImage),
    kind: 'VMImage',
    namespace: cluster.namespace,
  });
  let image = images.find(i =>
    digest
      ? i.metadata.annotations?.[IMAGE_REF_ANNOTATION] === reference ||
        (i.spec as any)?.source?.registry?.image === reference
      : !i.metadata.annotations?.[IMAGE_REF_ANNOTATION] &&
        (i.spec as any)?.source?.registry?.image === reference,
  );
  if (!image) {
    const registryTag = tag ?? (digest ? digest.replace(':', '-') : 'latest');
    const pinInRegistry = digest !== undefined && digestInRegistryImage;
    image = mgmtStore.upsert({
      apiVersion: apiVersionOf(TYPES.vmImage),
      kind: 'VMImage',
      metadata: {
        name: `kairos-custom-${hashHex(reference).slice(0, 12)}`,
        namespace: cluster.namespace,
        labels: { 'app.kubernetes.io/managed-by': 'fleet-portal' },
        annotations:
          digest && !pinInRegistry ? { [IMAGE_REF_ANNOTATION]: reference } : {},
      },
      spec: {
        source: {
          registry: {
            image: pinInRegistry
              ? reference
              : `${repository || KAIROS_REPOSITORY}:${registryTag}`,
            format: 'qcow2',
          },
        },
      },
      status: {
        phase: 'Ready',
        ready: true,
        format: 'qcow2',
        availableOn: ['vsphere-dc1'],
        observedGeneration: 1,
      },
    });
  }
  if (vm) {
    (vm.spec as any).imageRef = { name: image.metadata.name };
    delete vm.metadata.generation;
    mgmtStore.upsert(vm);
  }
  if (node) {
    node.metadata.annotations = {
      ...node.metadata.annotations,
      [IMAGE_REF_ANNOTATION]: reference,
    };
    child.upsert(node);
  }

  // Kairos rollouts: the newest NodeOpUpgrade for the node must name the new image, completed.
  const upgrades = child.list({
    apiVersion: apiVersionOf(TYPES.nodeOpUpgrade),
    kind: 'NodeOpUpgrade',
  });
  const mentioning = upgrades.filter(
    u => (u.status as any)?.nodeStatuses?.[nodeName],
  );
  if (mentioning.length > 0) {
    const now = clock();
    const existing = upgrades.find(u => (u.spec as any)?.image === reference);
    const upgrade: KubeObject = existing ?? {
      apiVersion: apiVersionOf(TYPES.nodeOpUpgrade),
      kind: 'NodeOpUpgrade',
      metadata: {
        name: `upgrade-${hashHex(reference).slice(0, 12)}`,
        namespace: 'default',
        labels: {
          [CLUSTER_LABEL]: clusterName,
          'app.kubernetes.io/managed-by': 'fleet-portal',
        },
      },
      spec: {
        image: reference,
        concurrency: 1,
        upgradeActive: true,
        nodeSelector: {
          matchLabels: { 'kubernetes.io/hostname': nodeName },
        },
      },
      status: {
        phase: 'Completed',
        message: 'Upgrade operation completed successfully',
        nodeOpName: '',
        nodeStatuses: {},
      },
    };
    const status = ((upgrade.status as any) ??= {});
    status.nodeOpName = upgrade.metadata.name;
    status.nodeStatuses = {
      ...status.nodeStatuses,
      [nodeName]: {
        phase: 'Completed',
        message: 'Job completed successfully',
        lastUpdated: now,
        rebootStatus: 'completed',
      },
    };
    status.lastUpdated = now;
    const phases = Object.values(status.nodeStatuses).map((s: any) => s.phase);
    status.phase = phases.every(p => p === 'Completed')
      ? 'Completed'
      : status.phase;
    child.upsert(upgrade);
  }
}
