import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { SimulatorGitopsOptions } from '@internal/fleet-simulator';
import {
  branchHead,
  findLocalRepository,
  FLUX_FOLDER,
  readCommitFiles,
} from '@fleet-portal/plugin-fleet-node';
import { existsSync, renameSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/**
 * Where the demo fleet's GitOps repository is: the local repository the templates publish to
 * (`fleet.gitops.localRepository`, as the scaffolder module reads it). Undefined when templates
 * open pull requests on GitHub: the simulator cannot merge there, so the demo fleet is the
 * generated one and does not follow Git.
 */
export async function demoGitopsOptions(
  config: RootConfigService,
  logger: LoggerService,
  cwd = process.cwd(),
): Promise<SimulatorGitopsOptions | undefined> {
  const gitops = config.getOptionalConfig('fleet.gitops');
  const demo = config.getOptionalConfig('fleet.demo');
  if (gitops?.getOptionalString('github.repoUrl')) {
    logger.info(
      'Fleet demo: templates publish to GitHub, so the simulated fleet does not follow a GitOps repository',
    );
    return undefined;
  }
  const local =
    gitops?.getOptionalString('localRepository') ?? '.fleet-portal/gitops-repo';
  const dir = isAbsolute(local) ? local : resolve(cwd, local);
  const defaultBranch = gitops?.getOptionalString('defaultBranch') ?? 'main';
  await moveAsideRepositoryWithoutFlux(dir, defaultBranch, logger);
  return {
    dir,
    defaultBranch,
    sourceUrl: gitops?.getOptionalString('fluxSourceUrl'),
    pollMs: demo?.getOptionalNumber('fluxIntervalMs') ?? 2000,
    stepMs: demo?.getOptionalNumber('convergenceStepMs') ?? 1500,
  };
}

/**
 * A repository written by an earlier Fleet Portal (no flux-system folder) cannot hold the demo
 * fleet: it is kept beside the new one, renamed, and the log says where.
 */
async function moveAsideRepositoryWithoutFlux(
  dir: string,
  defaultBranch: string,
  logger: LoggerService,
): Promise<void> {
  const repo = findLocalRepository(dir);
  if (!repo) return;
  const head = await branchHead(repo, defaultBranch);
  const files = head ? await readCommitFiles(repo, head) : new Map();
  if ([...files.keys()].some(path => path.startsWith(`${FLUX_FOLDER}/`)))
    return;
  let aside = `${dir}.before-flux`;
  for (let n = 2; existsSync(aside); n++) aside = `${dir}.before-flux-${n}`;
  renameSync(dir, aside);
  logger.warn(
    `Fleet demo: ${dir} held no Flux layout (an earlier Fleet Portal's repository); moved it to ${aside} and created the demo fleet's repository in its place`,
  );
}
