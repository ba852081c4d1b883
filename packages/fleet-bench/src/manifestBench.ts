import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  createClusterDay2Action,
  createClusterManifestAction,
  createDnsManifestAction,
  createImageManifestAction,
  createVmManifestAction,
} from '@fleet-portal/plugin-scaffolder-backend-module-fleet';
// The bench times the pure planning functions, which the package does not export: it reaches
// into its sources on purpose.
/* eslint-disable @backstage/no-forbidden-package-imports */
import { planClusterDay2 } from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/actions/clusterDay2';
import { planClusterManifest } from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/actions/clusterManifest';
import { planDnsManifest } from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/actions/dnsManifest';
import { planImageManifest } from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/actions/imageManifest';
import { planVmManifest } from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/actions/vmManifest';
import { requestInfo } from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/manifests/metadata';
import { workspaceRepo } from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/gitops/workspace';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { quietLogger } from './backstageHttpStack';
import { round } from './stats';

export interface ManifestResult {
  action: string;
  /** Planning alone: validate the input, build the objects, check them against the CRD schemas, serialise. */
  generateMicros: number;
  /** One dry-run of the action's handler: the above plus reading and writing the workspace files. */
  handlerMicros: number;
}

type Action = ReturnType<typeof createClusterManifestAction>;

function firstExampleInput(action: Action): Record<string, unknown> {
  const example = action.examples?.[0]?.example;
  if (!example) throw new Error(`${action.id} documents no example`);
  return parse(example).steps[0].input;
}

function context(workspacePath: string, input: Record<string, unknown>) {
  return {
    input,
    workspacePath,
    logger: quietLogger,
    isDryRun: true,
    output: () => {},
    createTemporaryDirectory: () => mkdtemp(join(tmpdir(), 'fleet-bench-')),
    checkpoint: async (opts: { fn: () => unknown }) => opts.fn(),
    getInitiatorCredentials: async () => ({}),
    user: { ref: 'user:default/bench' },
    templateInfo: { entityRef: 'template:default/bench' },
    secrets: {},
    task: { id: 'bench' },
    signal: new AbortController().signal,
    each: undefined,
  } as any;
}

/**
 * Each action's handler on its first documented example, in dry-run mode in a fresh workspace:
 * validation, building, schema checks, YAML and the file writes. Reported per run, after warm-up.
 */
const emptyRepo = () => ({ read: () => undefined, listFiles: () => [] });
const request = requestInfo('template:default/bench', 'user:default/bench');

function timeSync(iterations: number, fn: () => unknown): number {
  for (let i = 0; i < 10; i++) fn();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return round(Number(process.hrtime.bigint() - started) / 1e3 / iterations, 0);
}

/**
 * Per action, on its first documented example: generation alone (pure planning against an empty
 * checkout) and the handler's dry-run in a fresh workspace, after warm-up.
 */
export async function benchManifests(
  iterations: number,
): Promise<ManifestResult[]> {
  const cluster = createClusterManifestAction() as Action;
  const vm = createVmManifestAction() as unknown as Action;
  const image = createImageManifestAction() as unknown as Action;
  const dns = createDnsManifestAction() as unknown as Action;
  const day2 = createClusterDay2Action() as unknown as Action;
  const plans: Array<[Action, (input: unknown) => unknown]> = [
    [cluster, input => planClusterManifest(input, request, emptyRepo)],
    [vm, input => planVmManifest(input, request, emptyRepo)],
    [image, input => planImageManifest(input, request, emptyRepo)],
    [dns, input => planDnsManifest(input, request, emptyRepo)],
  ];
  const results: ManifestResult[] = [];
  for (const [action, plan] of plans) {
    const input = firstExampleInput(action);
    results.push({
      action: action.id,
      generateMicros: timeSync(iterations, () => plan(input)),
      handlerMicros: await timeHandler(action, input, iterations),
    });
  }
  // Day-2 edits a cluster that must exist: write it first, then time the edit on that checkout.
  const day2Input = firstExampleInput(day2);
  const clusterInput = {
    ...firstExampleInput(cluster),
    name: day2Input.cluster,
  };
  const seeded = await mkdtemp(join(tmpdir(), 'fleet-bench-'));
  await cluster.handler(context(seeded, clusterInput));
  results.push({
    action: day2.id,
    generateMicros: timeSync(iterations, () =>
      planClusterDay2(day2Input, target => workspaceRepo(join(seeded, target))),
    ),
    handlerMicros: await timeHandler(
      day2,
      day2Input,
      iterations,
      workspace =>
        cluster.handler(context(workspace, clusterInput)) as Promise<void>,
    ),
  });
  await rm(seeded, { recursive: true, force: true });
  return results;
}

async function timeHandler(
  action: Action,
  input: Record<string, unknown>,
  iterations: number,
  prepare?: (workspace: string) => Promise<void>,
): Promise<number> {
  const workspaces: string[] = [];
  for (let i = 0; i < iterations + 5; i++) {
    const w = await mkdtemp(join(tmpdir(), 'fleet-bench-'));
    if (prepare) await prepare(w);
    workspaces.push(w);
  }
  try {
    for (let i = 0; i < 5; i++)
      await action.handler(context(workspaces[i], input));
    const started = process.hrtime.bigint();
    for (let i = 5; i < workspaces.length; i++)
      await action.handler(context(workspaces[i], input));
    return round(
      Number(process.hrtime.bigint() - started) / 1e3 / iterations,
      0,
    );
  } finally {
    await Promise.all(
      workspaces.map(w => rm(w, { recursive: true, force: true })),
    );
  }
}
