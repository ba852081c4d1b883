import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import type { FleetSimulator } from '@internal/fleet-simulator';
import { fleetPlugin } from '../plugin';
import { postgres } from './postgres';
import { recordingLogger } from './recordingLogger';

/**
 * One fleet backend replica on the shared PostgreSQL (databases named `<prefix>…`), with
 * Backstage's own database and scheduler services, reading the simulator; its log lines go to
 * `log`.
 */
export function startPostgresReplica(args: {
  prefix: string;
  sim: FleetSimulator;
  log: string[];
  refresh: JsonObject;
}): Promise<TestBackend> {
  const { sim } = args;
  const logger = recordingLogger(args.log);
  return startTestBackend({
    features: [
      fleetPlugin,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: 'pg',
              prefix: args.prefix,
              connection: {
                host: postgres.host,
                port: postgres.port,
                user: postgres.user,
                password: postgres.password,
              },
            },
          },
          fleet: {
            managementClusters: [
              {
                id: 'mgmt',
                url: sim.management.url,
                ...(sim.management.caData
                  ? { caData: sim.management.caData }
                  : {}),
                serviceAccountToken: sim.management.token,
              },
            ],
            dnsClusters: [
              {
                id: 'dns',
                url: sim.dns.url,
                ...(sim.dns.caData ? { caData: sim.dns.caData } : {}),
                serviceAccountToken: sim.dns.token,
              },
            ],
            refresh: args.refresh,
          },
        },
      }),
      databaseServiceFactory,
      schedulerServiceFactory,
      createServiceFactory({
        service: coreServices.logger,
        deps: {},
        factory: () => logger,
      }),
    ],
  });
}
