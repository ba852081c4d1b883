import {
  DEFAULT_FLUX_SOURCE_URL,
  DNS_CLUSTER_KUBECONFIG_SECRET,
  FLUX_NAMESPACE,
  JOIN_TOKENS_SECRET,
  joinTokenVariable,
} from '@fleet-portal/plugin-fleet-node';
import { ChildClusters } from '../controllers/context';
import { FleetControllers } from '../controllers/fleetControllers';
import { ObservedGenerations } from '../controllers/observedGenerations';
import { hashHex } from '../random';
import type { ObjectStore } from '../store';
import type { FleetModel } from '../types';
import { ensureDemoRepository } from './demoRepository';
import { SimulatedFlux } from './simulatedFlux';

/** The simulated fleet's GitOps loop: a local repository, Flux applying it, controllers converging. */
export interface SimulatorGitopsOptions {
  /** The local GitOps repository; created holding the demo fleet when there is none. */
  dir: string;
  /** Default `main`. */
  defaultBranch?: string;
  /** What the repository's GitRepository names as its URL (written in a new repository only). */
  sourceUrl?: string;
  /** How often Flux looks at the branch; default 2000 ms. */
  pollMs?: number;
  /** How often the controllers take one step; default 1500 ms. */
  stepMs?: number;
}

export interface GitopsLoop {
  repository: string;
  defaultBranch: string;
  /** Flux fetches the branch now and applies it when it moved. */
  reconcile(): Promise<void>;
  /** The controllers take one step now. */
  step(): void;
  stop(): void;
}

/** Secrets Flux itself needs in the management cluster (never in Git). */
function fluxSecrets(
  management: ObjectStore,
  model: FleetModel,
  dnsKubeconfig: string,
) {
  management.upsert({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: FLUX_NAMESPACE },
  });
  const tokens: Record<string, string> = {};
  for (const cluster of model.clusters)
    for (const role of ['controller', 'worker'])
      tokens[joinTokenVariable(cluster.name, role)] = Buffer.from(
        `k0s-join-${hashHex('join', model.seed, cluster.name, role).slice(
          0,
          32,
        )}`,
      ).toString('base64');
  management.upsert({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: JOIN_TOKENS_SECRET, namespace: FLUX_NAMESPACE },
    type: 'Opaque',
    data: tokens,
  });
  management.upsert({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: DNS_CLUSTER_KUBECONFIG_SECRET,
      namespace: FLUX_NAMESPACE,
    },
    type: 'Opaque',
    data: { value: Buffer.from(dnsKubeconfig).toString('base64') },
  });
}

export async function startGitopsLoop(args: {
  options: SimulatorGitopsOptions;
  model: FleetModel;
  management: ObjectStore;
  dns: ObjectStore;
  children: ChildClusters;
  clock: () => string;
  dnsKubeconfig: string;
}): Promise<GitopsLoop> {
  const defaultBranch = args.options.defaultBranch ?? 'main';
  const repo = await ensureDemoRepository(args.options.dir, args.model, {
    defaultBranch,
    sourceUrl: args.options.sourceUrl ?? DEFAULT_FLUX_SOURCE_URL,
  });
  const controllers = new FleetControllers({
    management: args.management,
    dns: args.dns,
    children: args.children,
    observed: new ObservedGenerations(),
    clock: args.clock,
  });
  fluxSecrets(args.management, args.model, args.dnsKubeconfig);
  const flux = new SimulatedFlux({
    repo,
    defaultBranch,
    management: args.management,
    dns: args.dns,
    clock: args.clock,
  });
  await flux.reconcile();

  let reconciling: Promise<void> | undefined;
  const reconcile = () => {
    // One fetch at a time, as one source-controller would.
    reconciling ??= flux.reconcile().finally(() => {
      reconciling = undefined;
    });
    return reconciling;
  };
  const poll = setInterval(() => {
    reconcile().catch(() => undefined);
  }, args.options.pollMs ?? 2000);
  const steps = setInterval(
    () => controllers.step(),
    args.options.stepMs ?? 1500,
  );
  poll.unref();
  steps.unref();
  return {
    repository: args.options.dir,
    defaultBranch,
    reconcile,
    step: () => controllers.step(),
    stop() {
      clearInterval(poll);
      clearInterval(steps);
    },
  };
}
