/**
 * Runs the fleet simulator in its own process, so the benchmark measures the backend's CPU and
 * heap alone. Controlled over IPC by `RemoteSimulator`.
 */
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';

type Command =
  | {
      id: number;
      type: 'start';
      options: Parameters<typeof startFleetSimulator>[0];
    }
  | { id: number; type: 'requestCount' }
  | { id: number; type: 'resetRequestCount' }
  | { id: number; type: 'setLatency'; ms: number }
  | { id: number; type: 'openWatchCount' }
  | { id: number; type: 'firstNodes' }
  | {
      id: number;
      type: 'setNodeImages';
      changes: Array<{ cluster: string; node: string; reference: string }>;
    }
  | { id: number; type: 'stop' };

let sim: FleetSimulator | undefined;

process.on('message', async (command: Command) => {
  const reply = (result: unknown) => process.send!({ id: command.id, result });
  try {
    switch (command.type) {
      case 'start':
        sim = await startFleetSimulator(command.options);
        reply({
          management: sim.management,
          dns: sim.dns,
          clusters: sim.clusterNames(),
        });
        break;
      case 'requestCount':
        reply(sim!.requestCount());
        break;
      case 'resetRequestCount':
        sim!.resetRequestCount();
        reply(null);
        break;
      case 'setLatency':
        sim!.setLatency(command.ms);
        reply(null);
        break;
      case 'openWatchCount':
        reply(sim!.openWatchCount());
        break;
      case 'firstNodes':
        reply(
          sim!.model.clusters.map(c => ({
            cluster: c.name,
            namespace: c.namespace,
            node: sim!.objects(c.name).list({ kind: 'Node' })[0]?.metadata.name,
          })),
        );
        break;
      case 'setNodeImages':
        for (const c of command.changes)
          sim!.setNodeImage(c.cluster, c.node, c.reference);
        reply(null);
        break;
      case 'stop':
        await sim?.stop();
        reply(null);
        process.exit(0);
        break;
      default:
        throw new Error(
          `unknown command ${(command as { type: string }).type}`,
        );
    }
  } catch (error) {
    process.send!({ id: command.id, error: String(error) });
  }
});
process.send!({ ready: true });
