import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import { getFleetJson, managementOf, type FleetHttpAccess } from './fleetHttp';

/** The ClusterTemplates k0rdent offers a cluster as upgrades, as the fleet backend read them. */
export interface TemplateUpgradeOffer {
  management: string;
  /** The template the live ClusterDeployment uses. */
  currentTemplate?: string;
  availableUpgrades: string[];
  /** Where the list was read: `ClusterDeployment <ns>/<name> status.availableUpgrades on <management>`. */
  source: string;
}

/** Reads the cluster's `status.availableUpgrades` through the fleet backend, as the initiator. */
export async function readTemplateUpgrades(
  access: FleetHttpAccess,
  credentials: BackstageCredentials,
  ref: { management?: string; namespace: string; name: string },
): Promise<TemplateUpgradeOffer> {
  const management = await managementOf(access, credentials, ref);
  const detail = await getFleetJson<ClusterDetail>(
    access,
    credentials,
    `/clusters/${[management, ref.namespace, ref.name]
      .map(encodeURIComponent)
      .join('/')}`,
  );
  const figure = detail.k0sVersions?.availableUpgrades;
  return {
    management,
    currentTemplate: detail.template,
    availableUpgrades: figure?.value ?? detail.k0s?.availableUpgrades ?? [],
    source: `ClusterDeployment ${ref.namespace}/${ref.name} status.availableUpgrades on ${management}`,
  };
}
