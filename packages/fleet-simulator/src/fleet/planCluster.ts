import type { createRng } from '../random';
import type {
  ClusterScenario,
  GeneratedCluster,
  GeneratedNode,
} from '../types';
import {
  DAY,
  kubeletOf,
  MINUTE,
  RELEASES,
  type Release,
  type ReleaseKey,
  type Team,
} from './constants';

export interface ImageInfo {
  name: string;
  release: Release;
  tagRef: string;
  digest?: string;
  /** repo@sha256:… for pinned images, repo:tag for the unpinned one. */
  reference: string;
}

export interface NodePlan extends GeneratedNode {
  index: number;
  release: Release;
  /** The release first installed (kairos.io/init-version). */
  initRelease: Release;
  /** What the node's fleetportal.io/image-ref annotation says. */
  annotationRef: string;
  vmFailed: boolean;
}

export interface UpgradePlan {
  name: string;
  image: string;
  phase: 'Completed' | 'Running';
  nodes: Array<{
    node: string;
    phase: 'Completed' | 'Running' | 'Pending';
    at: number;
  }>;
  startedAt: number;
}

export interface ClusterPlan
  extends Omit<GeneratedCluster, 'nodes' | 'dnsRecords'> {
  index: number;
  teamInfo: Team;
  createdAt: number;
  cpCount: number;
  endpointIp: string;
  nodes: NodePlan[];
  upgrades: UpgradePlan[];
  generation: number;
}

export function planCluster(args: {
  name: string;
  team: Team;
  index: number;
  scenarios: ClusterScenario[];
  nodesPerCluster: number;
  images: Record<ReleaseKey, ImageInfo>;
  unpinned: ImageInfo;
  rng: ReturnType<typeof createRng>;
}): ClusterPlan {
  const { name, team, index, images, rng } = args;
  const has = (s: ClusterScenario) => args.scenarios.includes(s);
  const cpCount = args.nodesPerCluster >= 5 ? 3 : 1;
  const subnet = `10.${40 + (Math.floor(index / 250) % 200)}.${index % 250}`;
  const createdAt =
    (90 + index * 3 + rng.int(0, 2)) * DAY + rng.int(0, 600) * MINUTE;

  const nodes: NodePlan[] = [];
  for (let i = 0; i < args.nodesPerCluster; i++) {
    const role = i < cpCount ? 'control-plane' : 'worker';
    const current = images.current;
    nodes.push({
      index: i,
      name:
        role === 'control-plane'
          ? `${name}-cp-${i}`
          : `${name}-worker-${i - cpCount}`,
      role,
      vmImage: current.name,
      runningImage: current.reference,
      annotationRef: current.reference,
      release: current.release,
      initRelease: current.release,
      kubeletVersion: kubeletOf(current.release.k0s),
      ready: true,
      ip: `${subnet}.${10 + i}`,
      vmFailed: false,
    });
  }
  const workers = nodes.filter(n => n.role === 'worker');
  const lastWorker = workers[workers.length - 1] ?? nodes[nodes.length - 1];
  const installFrom = (node: NodePlan, image: ImageInfo) => {
    node.vmImage = image.name;
    node.runningImage = image.reference;
    node.annotationRef = image.reference;
    node.release = image.release;
    node.initRelease = image.release;
    node.kubeletVersion = kubeletOf(image.release.k0s);
  };

  let desiredK0sVersion = RELEASES.current.k0s;
  let controlPlaneVersion = RELEASES.current.k0s;
  let desiredImage = images.current;
  let ready = true;
  let generation = 1;
  const upgrades: UpgradePlan[] = [];

  if (has('node-image-drift')) installFrom(lastWorker, images.previousOs);
  if (has('kubelet-drift'))
    (workers.length ? workers : [nodes[0]]).forEach(n =>
      installFrom(n, images.olderK0s),
    );
  if (has('unknown-digest')) installFrom(lastWorker, args.unpinned);
  if (has('build-drift')) {
    desiredK0sVersion = 'v1.31.2+k0s.1';
    generation = 2;
  }
  if (has('not-ready')) {
    ready = false;
    lastWorker.ready = false;
    lastWorker.vmFailed = true;
  }
  if (has('completed-upgrade')) {
    nodes.forEach(n => installFrom(n, images.previousOs));
    const startedAt = 6 * DAY;
    upgrades.push({
      name: `upgrade-${images.current.name}`,
      image: images.current.reference,
      phase: 'Completed',
      startedAt,
      nodes: nodes.map((n, i) => ({
        node: n.name,
        phase: 'Completed',
        at: startedAt - (i + 1) * 12 * MINUTE,
      })),
    });
    nodes.forEach(n => {
      n.runningImage = images.current.reference;
      n.release = images.current.release;
    });
  }
  if (has('rollout-in-progress')) {
    desiredImage = images.next;
    const startedAt = 40 * MINUTE;
    upgrades.push({
      name: `upgrade-${images.next.name}`,
      image: images.next.reference,
      phase: 'Running',
      startedAt,
      // The control plane went first and is done, the next node is upgrading, the rest wait.
      nodes: nodes.map((n, i) => {
        if (i === 0)
          return { node: n.name, phase: 'Completed', at: 25 * MINUTE };
        if (i === 1) return { node: n.name, phase: 'Running', at: 5 * MINUTE };
        return { node: n.name, phase: 'Pending', at: startedAt };
      }),
    });
    nodes[0].runningImage = images.next.reference;
    nodes[0].release = images.next.release;
  }
  if (has('dash-spelling'))
    controlPlaneVersion = controlPlaneVersion.replace('+k0s.', '-k0s.');

  return {
    index,
    name,
    namespace: team.namespace,
    team: team.team,
    owner: team.owner,
    teamInfo: team,
    scenarios: args.scenarios,
    desiredK0sVersion,
    controlPlaneVersion,
    desiredVmImage: desiredImage.name,
    desiredImage: desiredImage.reference,
    ready,
    zone: team.zone,
    createdAt,
    cpCount,
    endpointIp: `${subnet}.5`,
    nodes,
    upgrades,
    generation,
  };
}
