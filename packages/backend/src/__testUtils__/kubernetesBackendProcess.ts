/**
 * The backend of kubernetesCatalogLocator.test.ts, in a Node process of its own: the core
 * Kubernetes plugin loads @kubernetes/client-node (ESM) with a dynamic import() on every request,
 * which Jest's module sandbox only runs under --experimental-vm-modules (upstream runs that
 * plugin's tests with it; this repository's Jest setup does not, and other packages break under
 * it). So the test starts kubernetesBackendMain.ts in plain Node, with the TypeScript transform
 * `yarn start` uses, and talks to it over HTTP.
 *
 * The child gets the root config as JSON in FLEET_TEST_BACKEND_CONFIG, prints PORT_LINE and its
 * port once listening, and stops when its stdin closes (so also when the test process dies).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The line kubernetesBackendMain.ts prints once it listens. */
export const PORT_LINE = 'FLEET_TEST_BACKEND_PORT=';

export interface KubernetesBackendProcess {
  baseUrl: string;
  /** What the process printed last, for a failure message. */
  logTail(): string;
  stop(): Promise<void>;
}

/** Starts the backend process with `config`; resolves once it listens. */
export async function startKubernetesBackendProcess(
  config: object,
  startTimeoutMs = 90_000,
): Promise<KubernetesBackendProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      join(__dirname, 'kubernetesBackendMain.ts'),
    ],
    {
      cwd: resolve(__dirname, '../..'),
      env: {
        ...process.env,
        FLEET_TEST_BACKEND_CONFIG: JSON.stringify(config),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const logTail = () => log.slice(-4000);
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(
      () =>
        fail(
          new Error(
            `the backend process did not listen within ${startTimeoutMs} ms:\n${logTail()}`,
          ),
        ),
      startTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
      const match = new RegExp(`${PORT_LINE}(\\d+)`).exec(log);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', code => {
      clearTimeout(timer);
      fail(
        new Error(
          `the backend process exited (${code}) before listening:\n${logTail()}`,
        ),
      );
    });
  }).catch(async error => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    logTail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin!.end();
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
