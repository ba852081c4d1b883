/**
 * Starts the portal as `yarn start` does (the app's dev server, the backend with its demo fleet)
 * but with the backend outside the CLI's file watcher: a file saved anywhere in the repository
 * would restart it, and a large demo fleet takes minutes to come up. Each runs in its own
 * process group, stopped as a whole.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const APP_URL = 'http://localhost:3000';
export const BACKEND_URL = 'http://localhost:7007';

export interface PortalProcess {
  /** A guest's Backstage token, for the backend's API. */
  token(): Promise<string>;
  /** The last lines the portal printed, for an error message. */
  logTail(): string;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the portal with a demo fleet of `clusters` clusters, catalog ingestion off (the fleet
 * page reads the fleet API, not the catalog) and a GitOps repository of its own.
 */
export async function startPortal(
  repoRoot: string,
  clusters: number,
): Promise<PortalProcess> {
  for (const url of [APP_URL, BACKEND_URL])
    if (await answers(url))
      throw new Error(
        `Something already answers on ${url}. Stop the running portal (or whatever holds the port) and run the benchmark again.`,
      );
  const dir = mkdtempSync(join(tmpdir(), 'fleet-page-bench-'));
  const logFile = join(dir, 'portal.log');
  const log = openSync(logFile, 'a');
  const env = {
    ...process.env,
    BROWSER: 'none',
    // As `yarn start` sets it: the demo's guest sign-in is refused outside development.
    NODE_ENV: 'development',
    APP_CONFIG_fleet_demo_clusters: String(clusters),
    APP_CONFIG_fleet_catalog_enabled: 'false',
    APP_CONFIG_fleet_gitops_localRepository: join(dir, 'gitops-repo'),
  };
  const children = [
    spawn(
      process.execPath,
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'src/index.ts',
        '--config',
        join(repoRoot, 'app-config.yaml'),
      ],
      {
        cwd: join(repoRoot, 'packages/backend'),
        detached: true,
        stdio: ['ignore', log, log],
        env,
      },
    ),
    spawn('yarn', ['workspace', 'app', 'start'], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', log, log],
      env,
    }),
  ];
  const running = new Set<ChildProcess>(children);
  for (const child of children) child.once('exit', () => running.delete(child));

  const logTail = () => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
    } catch {
      return '';
    }
  };
  const token = async () => {
    const res = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
    return ((await res.json()) as any).backstageIdentity.token as string;
  };
  return {
    token,
    logTail,
    async stop() {
      const signal = (name: NodeJS.Signals) => {
        for (const child of running)
          try {
            process.kill(-child.pid!, name);
          } catch {
            // already gone
          }
      };
      signal('SIGTERM');
      for (let i = 0; i < 50 && running.size > 0; i++) await sleep(200);
      signal('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the backend serves all `clusters` clusters and the app's dev server answers;
 * returns how long that took. Fails with the portal's last lines after `deadlineMs`.
 */
export async function waitForPortal(
  portal: PortalProcess,
  clusters: number,
  deadlineMs: number,
): Promise<number> {
  const started = Date.now();
  let last = 'the backend did not answer';
  while (Date.now() - started < deadlineMs) {
    try {
      const res = await fetch(`${BACKEND_URL}/api/fleet/clusters?limit=1`, {
        headers: { Authorization: `Bearer ${await portal.token()}` },
        signal: AbortSignal.timeout(30_000),
      });
      if (res.ok) {
        const { total } = (await res.json()) as { total: number };
        last = `the backend served ${total} of ${clusters} clusters`;
        if (total === clusters && (await answers(APP_URL)))
          return Date.now() - started;
      } else last = `the fleet API answered ${res.status}`;
    } catch (error) {
      last = `the backend did not answer (${(error as Error).message})`;
    }
    await sleep(2_000);
  }
  throw new Error(
    `The portal was not ready after ${Math.round(
      deadlineMs / 1000,
    )} s: ${last}. Its last lines:\n${portal.logTail()}`,
  );
}
