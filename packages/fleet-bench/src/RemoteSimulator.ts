import { fork, type ChildProcess } from 'node:child_process';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { FleetSimulatorOptions } from '@internal/fleet-simulator';
import { nextMessage } from './ipc';

export interface RemoteAccess {
  url: string;
  token: string;
  caData?: string;
}

/** The fleet simulator in a child process (see simulatorProcess.ts). */
export class RemoteSimulator {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: any) => void; reject: (e: Error) => void }
  >();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: any) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
  }

  static async start(options: FleetSimulatorOptions): Promise<
    RemoteSimulator & {
      management: RemoteAccess;
      dns: RemoteAccess;
      clusters: string[];
    }
  > {
    const child = fork(
      resolvePackagePath('@internal/fleet-bench', 'src/simulatorProcess.ts'),
      [],
      {
        execArgv: [
          '--require',
          require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
        ],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    await nextMessage(child, m => m.ready === true);
    const remote = new RemoteSimulator(child);
    const started = await remote.call({ type: 'start', options });
    return Object.assign(remote, started);
  }

  private call(command: Record<string, unknown>): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise, reject });
      this.child.send({ ...command, id });
    });
  }

  requestCount(): Promise<number> {
    return this.call({ type: 'requestCount' });
  }

  resetRequestCount(): Promise<void> {
    return this.call({ type: 'resetRequestCount' });
  }

  openWatchCount(): Promise<number> {
    return this.call({ type: 'openWatchCount' });
  }

  /** Each cluster with its namespace and the name of its first node. */
  firstNodes(): Promise<
    Array<{ cluster: string; namespace: string; node: string }>
  > {
    return this.call({ type: 'firstNodes' });
  }

  /** Moves nodes to images, all in one go (as a rollout across clusters would). */
  setNodeImages(
    changes: Array<{ cluster: string; node: string; reference: string }>,
  ): Promise<void> {
    return this.call({ type: 'setNodeImages', changes });
  }

  setLatency(ms: number): Promise<void> {
    return this.call({ type: 'setLatency', ms });
  }

  async stop(): Promise<void> {
    await this.call({ type: 'stop' }).catch(() => {});
    this.child.kill();
  }
}
