import type {
  ClusterDetail,
  ClusterGitops,
  DriftFinding,
  RequestJourney,
  RequestState,
  RequestStep,
} from '@fleet-portal/plugin-fleet-common';

/** A Flux Kustomization that applies some of the request's files, and what it holds of it. */
export interface KustomizationObservation {
  status: ClusterGitops;
  /** Its applied revision contains the request's merge commit. */
  appliedContains: boolean;
  /** Its last attempted revision contains the merge commit. */
  attemptedContains: boolean;
}

/** Everything known about a request at one check: Git (or GitHub), Flux and the fleet. */
export interface RequestObservation {
  opened: { at: string; source: string };
  merge?: { commit: string; at: string; source: string };
  closedWithoutMerge?: { at: string; source: string };
  /** Where to merge it, for `waitingFor` while it is open. */
  reviewHint: string;
  /** Repository areas the request changes (`clusters`, `vms`, `dns`, `images`). */
  areas: string[];
  /** The Kustomizations whose path covers the request's files. */
  kustomizations: KustomizationObservation[];
  /** Why Flux's state is unknown (Flux unreadable), when it is. */
  fluxProblem?: string;
  /** The cluster the request is about, when it names one. */
  clusterName?: string;
  /** Its detail as last read; undefined when the fleet holds no such cluster. */
  cluster?: ClusterDetail;
  /** The request deletes the cluster's ClusterDeployment. */
  removesCluster: boolean;
  now: string;
}

/** The drift that means the objects a change in this area touched are not there yet. */
const PENDING_DRIFT: Record<string, ReadonlyArray<DriftFinding['type']>> = {
  clusters: ['k0s-version', 'k0s-build', 'cluster-not-ready'],
  vms: ['node-image', 'node-image-unknown'],
  dns: ['dns-unsynced'],
};

/** bindy's Ready reasons that no retry will fix: the record names a zone that is not there. */
const TERMINAL_DNS_REASONS = new Set(['ZoneNotFound', 'NotSelected']);

type Outcome = {
  state: RequestState;
  chain: RequestStep[];
  waitingFor?: string;
};

function shortCommit(revision: string): string {
  const sha = /([0-9a-f]{40})$/.exec(revision)?.[1];
  return sha ? sha.slice(0, 12) : revision;
}

function kustomizationName(k: ClusterGitops): string {
  return `Kustomization ${k.kustomization.namespace}/${k.kustomization.name}`;
}

/** Why the cluster's objects are not ready for this request yet, or failed; undefined when ready. */
function clusterVerdict(
  cluster: ClusterDetail,
  areas: string[],
): { failed?: { reason: string; message: string }; waitingFor?: string } {
  // In the order of PENDING_DRIFT: the finding closest to what the request changed is named first.
  const types = areas.flatMap(area => PENDING_DRIFT[area] ?? []);
  if (areas.includes('vms')) {
    const failed = cluster.virtualMachines.filter(vm => vm.phase === 'Failed');
    if (failed.length > 0)
      return {
        failed: {
          reason: 'VirtualMachineFailed',
          message: `VirtualMachine ${failed
            .map(vm => `${vm.namespace}/${vm.name}`)
            .join(', ')} failed`,
        },
      };
  }
  if (areas.includes('dns')) {
    const terminal = cluster.drift.find(
      (d): d is Extract<DriftFinding, { type: 'dns-unsynced' }> =>
        d.type === 'dns-unsynced' && TERMINAL_DNS_REASONS.has(d.reason ?? ''),
    );
    if (terminal)
      return {
        failed: {
          reason: terminal.reason!,
          message: `${terminal.kind} ${terminal.namespace}/${terminal.name} is not synced to BIND9: ${terminal.reason}`,
        },
      };
  }
  if (cluster.read.stale)
    return {
      waitingFor: `the cluster to be readable again (${
        cluster.read.failures[0]?.message ?? 'its last read failed'
      })`,
    };
  const pending = types.flatMap(type =>
    cluster.drift.filter(d => d.type === type),
  );
  if (pending.length > 0)
    return { waitingFor: `the cluster to converge: ${describe(pending[0])}` };
  const touchesNodes = areas.includes('clusters') || areas.includes('vms');
  if (touchesNodes && cluster.nodes.ready < cluster.nodes.total)
    return {
      waitingFor: `nodes to be ready (${cluster.nodes.ready} of ${cluster.nodes.total})`,
    };
  if (areas.includes('vms')) {
    const notRunning = cluster.virtualMachines.filter(
      vm => vm.phase !== 'Running',
    );
    if (notRunning.length > 0)
      return {
        waitingFor: `VirtualMachines to run (${
          notRunning.length
        } not running: ${notRunning
          .slice(0, 3)
          .map(vm => vm.name)
          .join(', ')})`,
      };
  }
  if (areas.includes('clusters') && cluster.health.state !== 'ready')
    return { waitingFor: `the cluster to be ready (${cluster.health.state})` };
  return {};
}

function describe(finding: DriftFinding): string {
  switch (finding.type) {
    case 'k0s-version':
      return `${finding.nodes.length} nodes still run k0s ${finding.running}, ${finding.desired} wanted`;
    case 'k0s-build':
      return `the control plane runs ${finding.actual}, ${finding.desired} wanted`;
    case 'node-image':
      return `node ${finding.node} still boots ${finding.actual}`;
    case 'node-image-unknown':
      return `node ${finding.node}'s image is unknown (${finding.reason})`;
    case 'dns-unsynced':
      return `${finding.kind} ${finding.name} is not synced yet`;
    case 'cluster-not-ready':
      return `the cluster is not ready${
        finding.reason ? ` (${finding.reason})` : ''
      }`;
    default:
      return finding.type;
  }
}

/** Where the observation puts the request now, with the steps that led there. */
function outcomeOf(obs: RequestObservation, appliedAt?: string): Outcome {
  const opened: RequestStep = {
    state: 'opened',
    at: obs.opened.at,
    source: obs.opened.source,
  };
  if (obs.closedWithoutMerge)
    return {
      state: 'failed',
      chain: [
        opened,
        {
          state: 'failed',
          at: obs.closedWithoutMerge.at,
          reason: 'ClosedWithoutMerge',
          message: 'the pull request was closed without being merged',
          source: obs.closedWithoutMerge.source,
        },
      ],
    };
  if (!obs.merge)
    return { state: 'opened', chain: [opened], waitingFor: obs.reviewHint };
  const merged: RequestStep = {
    state: 'merged',
    at: obs.merge.at,
    commit: obs.merge.commit,
    source: obs.merge.source,
  };
  const toMerged = [opened, merged];
  if (obs.kustomizations.length === 0)
    return {
      state: 'merged',
      chain: toMerged,
      waitingFor: obs.fluxProblem
        ? `Flux's state to be readable (${obs.fluxProblem})`
        : `a Flux Kustomization that applies ${obs.areas.join(', ')}`,
    };
  const notApplied = obs.kustomizations.filter(k => !k.appliedContains);
  const failing = notApplied.find(
    k => k.attemptedContains && k.status.ready?.value.status === 'False',
  );
  if (failing) {
    const ready = failing.status.ready!;
    return {
      state: 'failed',
      chain: [
        ...toMerged,
        {
          state: 'failed',
          at: ready.value.since ?? obs.now,
          reason: ready.value.reason ?? 'NotReady',
          message: ready.value.message,
          commit: failing.status.lastAttemptedRevision?.value,
          source: kustomizationName(failing.status),
        },
      ],
      waitingFor: `a fix merged to Git: ${kustomizationName(
        failing.status,
      )} cannot apply it`,
    };
  }
  if (notApplied.length > 0) {
    const first = notApplied[0].status;
    return {
      state: 'merged',
      chain: toMerged,
      waitingFor: first.suspended
        ? `${kustomizationName(first)} to be resumed: it is suspended`
        : `Flux to apply it (${kustomizationName(first)} is at ${shortCommit(
            first.appliedRevision?.value ?? 'no revision',
          )})`,
    };
  }
  const appliedRevision = obs.kustomizations[0].status.appliedRevision?.value;
  const applied: RequestStep = {
    state: 'applied',
    at: appliedAt ?? obs.now,
    commit: appliedRevision,
    source: obs.kustomizations.map(k => kustomizationName(k.status)).join(', '),
  };
  const toApplied = [...toMerged, applied];
  const reconciled = (source: string): Outcome => ({
    state: 'reconciled',
    chain: [...toApplied, { state: 'reconciled', at: obs.now, source }],
  });
  if (!obs.clusterName)
    return reconciled(`${applied.source}: nothing else to wait for`);
  if (obs.removesCluster)
    return obs.cluster
      ? {
          state: 'applied',
          chain: toApplied,
          waitingFor: `cluster ${obs.clusterName} to be removed`,
        }
      : reconciled(`the management cluster no longer holds ${obs.clusterName}`);
  if (!obs.cluster)
    return {
      state: 'applied',
      chain: toApplied,
      waitingFor: `the management cluster to show cluster ${obs.clusterName}`,
    };
  const verdict = clusterVerdict(obs.cluster, obs.areas);
  if (verdict.failed)
    return {
      state: 'failed',
      chain: [
        ...toApplied,
        {
          state: 'failed',
          at: obs.now,
          ...verdict.failed,
          source: `cluster ${obs.cluster.id}`,
        },
      ],
    };
  if (verdict.waitingFor)
    return {
      state: 'applied',
      chain: toApplied,
      waitingFor: verdict.waitingFor,
    };
  return reconciled(
    `cluster ${obs.cluster.id} read at ${
      obs.cluster.read.lastSuccessAt ?? obs.now
    }`,
  );
}

function sameStep(a: RequestStep, b: RequestStep): boolean {
  return (
    a.state === b.state &&
    (a.state !== 'failed' || (a.reason === b.reason && a.message === b.message))
  );
}

/**
 * The request's journey after one more check, from the journey so far; pure. Steps are only ever
 * appended: a step keeps the time it was first seen, a failure that clears is followed by the
 * steps after it, and a reconciled request is not checked again.
 */
export function nextJourney(
  previous: RequestJourney | undefined,
  obs: RequestObservation,
): RequestJourney {
  if (previous?.state === 'reconciled') return previous;
  const appliedAt = previous?.steps.find(s => s.state === 'applied')?.at;
  const outcome = outcomeOf(obs, appliedAt);
  const steps = [...(previous?.steps ?? [])];
  for (const step of outcome.chain)
    if (!steps.some(s => sameStep(s, step))) steps.push(step);
  return {
    state: outcome.state,
    steps,
    waitingFor: outcome.waitingFor,
    checkedAt: obs.now,
  };
}

/** True when the journey would be stored differently (the check time alone is not a change). */
export function journeyChanged(
  before: RequestJourney | undefined,
  after: RequestJourney,
): boolean {
  if (!before) return true;
  return (
    before.state !== after.state ||
    before.waitingFor !== after.waitingFor ||
    before.steps.length !== after.steps.length
  );
}
