import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import { fleetConnectionsExtensionPoint } from '@fleet-portal/plugin-fleet-backend';
import { demoGitopsOptions } from './demoGitops';

/**
 * The demo fleet: when no management cluster is configured, start the fleet simulator in this
 * process (a dozen k0rdent clusters with Kairos nodes and bindy records, some in drift) and
 * point the fleet plugin at it. In local GitOps mode the fleet lives in the local repository the
 * templates publish to: merging a request there changes the simulated fleet. Only the backend app wires the simulator; the plugins never
 * import it.
 */
export function createFleetDemoModule(
  options: {
    onStarted?: (simulator: FleetSimulator) => void;
  } = {},
) {
  return createBackendModule({
    pluginId: 'fleet',
    moduleId: 'demo-fleet',
    register(env) {
      env.registerInit({
        deps: {
          connections: fleetConnectionsExtensionPoint,
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          lifecycle: coreServices.rootLifecycle,
        },
        async init({ connections, config, logger, lifecycle }) {
          const configured =
            config.getOptionalConfigArray('fleet.managementClusters') ?? [];
          const demo = config.getOptionalConfig('fleet.demo');
          if (
            configured.length > 0 ||
            demo?.getOptionalBoolean('enabled') === false
          )
            return;

          const gitops = await demoGitopsOptions(config, logger);
          const simulator = await startFleetSimulator({
            clusters: demo?.getOptionalNumber('clusters') ?? 12,
            brownfieldClusters:
              demo?.getOptionalNumber('brownfieldClusters') ?? 0,
            regionalClusters: demo?.getOptionalNumber('regionalClusters') ?? 0,
            tls: true,
            latencyMs: demo?.getOptionalNumber('latencyMs') ?? 0,
            gitops,
          });
          lifecycle.addShutdownHook(() => simulator.stop());
          options.onStarted?.(simulator);
          connections.addManagementCluster({
            id: 'demo',
            url: simulator.management.url,
            caData: simulator.management.caData,
            serviceAccountToken: simulator.management.token,
            defaultOwner: 'group:default/platform-team',
            demo: true,
          });
          connections.addDnsCluster({
            id: 'demo-dns',
            url: simulator.dns.url,
            caData: simulator.dns.caData,
            serviceAccountToken: simulator.dns.token,
            demo: true,
          });
          logger.warn(
            `Fleet: no management cluster configured; serving the SIMULATED demo fleet ` +
              `(${simulator.clusterNames().length} clusters at ${
                simulator.url
              }). Configure fleet.managementClusters to read a real fleet.`,
          );
        },
      });
    },
  });
}

export const fleetDemoModule = createFleetDemoModule();
