import { fork } from 'node:child_process';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { nextMessage } from './ipc';

export interface LoadRun {
  /** Every request's latency in milliseconds. */
  latencies: number[];
  /** CPU the load generator itself spent per request (it shares the machine's cores). */
  clientCpuMsPerRequest: number;
}

/**
 * Runs loadClient.ts in a child process and returns what it measured. `onStart` runs when the
 * load begins (the child has loaded and got its order), e.g. to start a refresh under load.
 */
export async function runLoad(
  order: {
    baseUrl: string;
    paths: string[];
    concurrency: number;
    durationMs: number;
  },
  onStart?: () => void,
): Promise<LoadRun> {
  const child = fork(
    resolvePackagePath('@internal/fleet-bench', 'src/loadClient.ts'),
    [],
    {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  try {
    await nextMessage(child, m => m.ready === true);
    child.send(order);
    onStart?.();
    const result: any = await nextMessage(
      child,
      m => 'latencies' in m || 'error' in m,
    );
    if (result.error) throw new Error(result.error);
    return {
      latencies: result.latencies,
      clientCpuMsPerRequest: result.cpuMsPerRequest,
    };
  } finally {
    child.kill();
  }
}
