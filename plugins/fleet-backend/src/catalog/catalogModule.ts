import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { FleetEntityProvider } from './FleetEntityProvider';
import { readKubernetesLocatorOptions } from './kubernetesLocatorConfig';

/** Registers the fleet's clusters, VMs and DNS zones as catalog entities. */
export const catalogModuleFleetEntities = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'fleet-entities',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, discovery, auth, logger, scheduler }) {
        const catalogConfig = config.getOptionalConfig('fleet.catalog');
        if (catalogConfig?.getOptionalBoolean('enabled') === false) return;
        const provider = new FleetEntityProvider({
          discovery,
          auth,
          logger,
          fallbackOwner:
            catalogConfig?.getOptionalString('defaultOwner') ?? 'unknown',
          kubernetes: readKubernetesLocatorOptions(catalogConfig),
        });
        catalog.addEntityProvider(provider);
        await scheduler.scheduleTask({
          id: 'fleet-catalog-entities',
          frequency: catalogConfig?.has('frequency')
            ? readDurationFromConfig(catalogConfig, { key: 'frequency' })
            : { seconds: 30 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 5 },
          // The catalog is shared: one replica ingesting per interval is enough.
          scope: 'global',
          fn: async () => {
            try {
              await provider.refresh();
            } catch (error) {
              logger.warn(
                `Fleet: catalog ingestion failed: ${(error as Error).message}`,
              );
            }
          },
        });
      },
    });
  },
});
