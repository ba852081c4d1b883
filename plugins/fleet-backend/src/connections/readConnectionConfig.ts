import type { Config } from '@backstage/config';
import type { ApiServerConnectionOptions } from './types';

function readConnection(config: Config): ApiServerConnectionOptions {
  return {
    id: config.getString('id'),
    url: config.getOptionalString('url'),
    caData: config.getOptionalString('caData'),
    caFile: config.getOptionalString('caFile'),
    serviceAccountToken: config.getOptionalString('serviceAccountToken'),
    serviceAccountTokenFile: config.getOptionalString(
      'serviceAccountTokenFile',
    ),
    kubeconfigFile: config.getOptionalString('kubeconfigFile'),
    kubeconfigContext: config.getOptionalString('kubeconfigContext'),
    inCluster: config.getOptionalBoolean('inCluster'),
    namespaces: config.getOptionalStringArray('namespaces'),
    fluxNamespaces: config.getOptionalStringArray('fluxNamespaces'),
    defaultOwner: config.getOptionalString('defaultOwner'),
    systemNamespace: config.getOptionalString('systemNamespace'),
  };
}

/** The management and DNS clusters named in `fleet.*` config. */
export function readConnectionConfig(config: Config): {
  managementClusters: ApiServerConnectionOptions[];
  dnsClusters: ApiServerConnectionOptions[];
} {
  return {
    managementClusters: (
      config.getOptionalConfigArray('fleet.managementClusters') ?? []
    ).map(readConnection),
    dnsClusters: (config.getOptionalConfigArray('fleet.dnsClusters') ?? []).map(
      readConnection,
    ),
  };
}
