import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The templates' form values and the scaffolder test backend live with the scaffolder module's
// tests; the bench (test tooling itself) reuses them rather than keep a second copy.
/* eslint-disable @backstage/no-forbidden-package-imports, no-restricted-imports */
import {
  dryRun,
  runTask,
  startFleetTestBackend,
  templateNames,
  waitForTemplates,
} from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/__testUtils__/fleetBackend';
import {
  fastForward,
  listBranches,
} from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/__testUtils__/localGit';
import {
  CREATION_ORDER,
  TEMPLATE_VALUES,
} from '@fleet-portal/plugin-scaffolder-backend-module-fleet/src/templates/templateValues';
/* eslint-enable @backstage/no-forbidden-package-imports, no-restricted-imports */
import { round } from './stats';

export interface TemplateDryRunResult {
  template: string;
  /** One dry run through POST /api/scaffolder/v2/dry-run: every step, files written, diff shown. */
  dryRunMs: number;
}

/**
 * Every Software Template in templates/, dry-run through the real scaffolder backend with the
 * fleet actions, as the template editor's dry run does it, against a local GitOps repository
 * that already holds the cluster the day-2 templates edit (the creation templates are run for
 * real and merged first). Reported per run, after one warm-up.
 */
export async function benchTemplateDryRuns(
  iterations: number,
): Promise<TemplateDryRunResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'fleet-bench-templates-'));
  const repo = join(root, 'gitops-repo');
  const backend = await startFleetTestBackend({
    fleet: { gitops: { localRepository: repo, defaultBranch: 'main' } },
  });
  const server = backend.server;
  try {
    const names = templateNames();
    await waitForTemplates(server, names);
    for (const name of CREATION_ORDER) {
      const before = await listBranches(repo).catch(() => ['main']);
      const task = await runTask(server, name, TEMPLATE_VALUES[name]);
      if (task.status !== 'completed') {
        throw new Error(
          `template ${name} ${task.status}: ${task.log.join('\n')}`,
        );
      }
      const [branch] = (await listBranches(repo)).filter(
        b => !before.includes(b),
      );
      await fastForward(repo, 'main', branch);
    }
    const results: TemplateDryRunResult[] = [];
    for (const name of names) {
      const first = await dryRun(server, name, TEMPLATE_VALUES[name]);
      const failed = first.log.filter(l => l.body.status === 'failed');
      if (failed.length > 0 || !first.output.text?.length) {
        throw new Error(
          `dry run of ${name} did not complete: ${JSON.stringify(
            first.log.slice(-3).map(l => l.body.message),
          )}`,
        );
      }
      const started = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) {
        await dryRun(server, name, TEMPLATE_VALUES[name]);
      }
      results.push({
        template: name,
        dryRunMs: round(
          Number(process.hrtime.bigint() - started) / 1e6 / iterations,
        ),
      });
    }
    return results;
  } finally {
    await backend.stop();
    await rm(root, { recursive: true, force: true });
  }
}
