import { fork } from 'node:child_process';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { nextMessage } from './ipc';

/** Runs loadClient.ts in a child process and returns the latencies it measured. */
export async function runLoad(order: {
  baseUrl: string;
  paths: string[];
  concurrency: number;
  durationMs: number;
}): Promise<number[]> {
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
    const result: any = await nextMessage(
      child,
      m => 'latencies' in m || 'error' in m,
    );
    if (result.error) throw new Error(result.error);
    return result.latencies;
  } finally {
    child.kill();
  }
}
