/**
 * Run by startKubernetesBackendProcess (see kubernetesBackendProcess.ts for why a process of its
 * own): the catalog, the fleet plugin and its catalog module, and the core Kubernetes plugin.
 */
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import fleetPlugin, {
  catalogModuleFleetEntities,
} from '@fleet-portal/plugin-fleet-backend';
import type { AddressInfo } from 'node:net';
import { PORT_LINE } from './kubernetesBackendProcess';

async function serve(): Promise<void> {
  const data = JSON.parse(process.env.FLEET_TEST_BACKEND_CONFIG ?? '{}');
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      fleetPlugin,
      catalogModuleFleetEntities,
      kubernetesPlugin,
      // The real scheduler: the catalog task starts after its initial delay, then repeats.
      schedulerServiceFactory,
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({ data }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  process.stdout.write(`${PORT_LINE}${port}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    backend.stop().finally(() => process.exit(0));
  };
  // Ends with the test: when it closes stdin, stops, or dies.
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  serve().catch(error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
}
