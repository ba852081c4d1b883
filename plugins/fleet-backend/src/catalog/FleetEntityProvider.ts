import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { ClusterInventoryResponse } from '@fleet-portal/plugin-fleet-common';
import {
  fleetEntities,
  type KubernetesLocatorOptions,
} from './clusterEntities';

/**
 * Ingests the fleet into the catalog. It reads the fleet plugin's own API (with a service
 * token), so the catalog never talks to a Kubernetes cluster and never sees a credential.
 */
export class FleetEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      fallbackOwner: string;
      kubernetes?: KubernetesLocatorOptions;
    },
  ) {}

  getProviderName(): string {
    return 'fleet-portal';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  async refresh(): Promise<void> {
    if (!this.connection)
      throw new Error('FleetEntityProvider is not connected yet');
    const { discovery, auth, logger, fallbackOwner, kubernetes } = this.deps;
    const baseUrl = await discovery.getBaseUrl('fleet');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'fleet',
    });
    const response = await fetch(`${baseUrl}/inventory`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const { items } = (await response.json()) as ClusterInventoryResponse;
    const entities = fleetEntities(items, {
      locationKey: this.getProviderName(),
      fallbackOwner,
      kubernetes,
    });
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: `fleet:${this.getProviderName()}`,
      })),
    });
    logger.info(
      `Fleet: ${entities.length} catalog entities from ${items.length} clusters`,
    );
  }
}
