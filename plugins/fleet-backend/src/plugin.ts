import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { registerFleetActions } from './actions/registerFleetActions';
import { createApiServerTarget } from './connections/createApiServerTarget';
import { readConnectionConfig } from './connections/readConnectionConfig';
import type { ApiServerConnectionOptions } from './connections/types';
import { fleetConnectionsExtensionPoint } from './extensions';
import { createRequestSource } from './gitops/createRequestSource';
import { githubRepositoryFromConfig } from './gitops/githubApi';
import { GithubGitRevisions } from './gitops/GithubGitRevisions';
import { GitopsRequests } from './gitops/GitopsRequests';
import { DatabaseRequestStore } from './gitops/RequestStore';
import { RequestTracker } from './gitops/RequestTracker';
import { readRequestsSettings } from './gitops/gitopsSettings';
import { createRequestsRouter } from './gitops/requestsRouter';
import { createFormsRouter } from './forms/formsRouter';
import { registerClusterPermissions } from './permissions/registerClusterPermissions';
import { createRouter } from './router';
import { readDnsOwnershipRules } from './service/dnsOwnershipConfig';
import { DatabaseFleetStore } from './service/DatabaseFleetStore';
import { keepFleetCurrent } from './keepFleetCurrent';
import { observeFleetState } from './metrics/observeFleetState';
import { requestDurationMiddleware } from './metrics/requestDuration';
import { createFleetChangePublisher } from './signals/publishFleetChanges';

/**
 * Reads the fleet in the background and serves it at `/api/fleet`, with the templates' requests
 * in the local GitOps repository, and as read-only actions in the actions registry (`fleet-…`).
 */
export const fleetPlugin = createBackendPlugin({
  pluginId: 'fleet',
  register(env) {
    const added = {
      management: [] as ApiServerConnectionOptions[],
      dns: [] as ApiServerConnectionOptions[],
    };
    env.registerExtensionPoint(fleetConnectionsExtensionPoint, {
      addManagementCluster: c => added.management.push(c),
      addDnsCluster: c => added.dns.push(c),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        urlReader: coreServices.urlReader,
        actionsRegistry: actionsRegistryServiceRef,
        signals: signalsServiceRef,
        metrics: metricsServiceRef,
      },
      async init({
        config,
        logger,
        scheduler,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        database,
        lifecycle,
        urlReader,
        actionsRegistry,
        signals,
        metrics,
      }) {
        const configured = readConnectionConfig(config);
        const managementConnections = [
          ...configured.managementClusters,
          ...added.management,
        ];
        const dnsConnections = [...configured.dnsClusters, ...added.dns];
        const management = managementConnections.map(c =>
          createApiServerTarget('management', c),
        );
        const dns = dnsConnections.map(c => createApiServerTarget('dns', c));
        if (management.length === 0) {
          logger.warn(
            'Fleet: no management cluster is configured (fleet.managementClusters); the fleet is empty',
          );
        }
        for (const target of [...management, ...dns]) {
          logger.info(
            `Fleet: reading ${target.scope} cluster ${target.id}${
              target.demo ? ' (simulated demo fleet)' : ''
            }`,
          );
        }

        const knex = await database.getClient();
        const store = await DatabaseFleetStore.create(knex, {
          skipMigrations: database.migrations?.skip,
        });
        // Gauges of the fleet's read state, counted from the store the API reads.
        lifecycle.addShutdownHook(observeFleetState(metrics, store));
        const access = registerClusterPermissions({
          permissionsRegistry,
          permissions,
          store,
        });
        const refreshConfig = config.getOptionalConfig('fleet.refresh');
        const frequency = refreshConfig?.has('frequency')
          ? readDurationFromConfig(refreshConfig, { key: 'frequency' })
          : { seconds: 60 };
        const clusterTimeoutMs = refreshConfig?.has('clusterTimeout')
          ? durationToMilliseconds(
              readDurationFromConfig(refreshConfig, { key: 'clusterTimeout' }),
            )
          : 10_000;
        const gitops = readRequestsSettings(config, process.cwd());
        const reading = {
          clusterTimeoutMs,
          concurrency: refreshConfig?.getOptionalNumber('concurrency') ?? 16,
          pageSize: refreshConfig?.getOptionalNumber('pageSize'),
          gitopsRepository:
            gitops.mode === 'local' ? gitops.localRepository : undefined,
          dnsOwnership: readDnsOwnershipRules(config),
        };
        // GitHub mode: Git is read through the GitHub integration, in this thread for the worker.
        const gitRevisions =
          gitops.mode === 'github'
            ? new GithubGitRevisions(
                githubRepositoryFromConfig(config),
                urlReader,
              )
            : undefined;
        // Signals `fleet:changes` after each save that changed clusters; any other writer of the
        // store announces its changes through the same listener.
        const announceChanges = createFleetChangePublisher({ signals, logger });

        const requestStore = new DatabaseRequestStore(knex);
        const requests = new GitopsRequests(
          gitops,
          requestStore,
          new RequestTracker({
            source: createRequestSource(config, gitops),
            requests: requestStore,
            fleet: store,
          }),
        );
        const trackRequests = async () => {
          try {
            const report = await requests.track();
            if (report.changed > 0)
              logger.info(
                `Fleet: ${report.changed} of ${report.requests} requests moved on their way to the fleet`,
              );
          } catch (error) {
            logger.warn(
              `Fleet: the templates' requests could not be followed (${error}); their journeys show the last step seen`,
            );
          }
        };

        await keepFleetCurrent({
          refreshConfig,
          frequency,
          logger,
          scheduler,
          lifecycle,
          knex,
          store,
          reading,
          connections: {
            management: managementConnections,
            dns: dnsConnections,
          },
          targets: { management, dns },
          gitRevisions,
          onChange: announceChanges,
          afterRefresh: trackRequests,
          metrics,
        });

        const retention = config.has('fleet.history.retention')
          ? durationToMilliseconds(
              readDurationFromConfig(config, {
                key: 'fleet.history.retention',
              }),
            )
          : 365 * 24 * 3600 * 1000;
        await scheduler.scheduleTask({
          id: 'fleet-history-prune',
          frequency: { hours: 6 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          scope: 'global',
          fn: async () => {
            const removed = await store.pruneHistory(
              new Date(Date.now() - retention).toISOString(),
            );
            logger.info(
              `Fleet: pruned ${removed} history entries older than the retention period`,
            );
          },
        });

        // The same reads as actions for AI tooling (MCP), with the same permissions per caller.
        registerFleetActions({ actionsRegistry, access, store, requests });

        // Before every route, so each request is timed whichever router answers it.
        httpRouter.use(requestDurationMiddleware(metrics));
        // First: the requests routes check their own permissions, the fleet router only reads.
        httpRouter.use(
          await createRequestsRouter({
            httpAuth,
            permissions,
            access,
            fleet: store,
            requests,
          }),
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            store,
            access,
            forms: createFormsRouter({
              managementClusters: management,
              timeoutMs: clusterTimeoutMs,
            }),
          }),
        );
      },
    });
  },
});
