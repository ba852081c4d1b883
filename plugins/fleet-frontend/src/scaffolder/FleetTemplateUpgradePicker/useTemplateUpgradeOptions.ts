import type {
  ClusterSummary,
  FormClusterTemplate,
} from '@fleet-portal/plugin-fleet-common';
import {
  findNamedCluster,
  type FieldOption,
  type NamedCluster,
} from '../options';
import { useFleetOptions } from '../useFleetOptions';

/**
 * Exactly the ClusterTemplates the cluster's `status.availableUpgrades` offers, described from
 * the namespace's templates when they can be read.
 */
export function templateUpgradeOptions(
  cluster: Pick<ClusterSummary, 'k0s'>,
  templates: FormClusterTemplate[],
): FieldOption[] {
  return [...(cluster.k0s?.availableUpgrades ?? [])].sort().map(name => {
    const template = templates.find(t => t.name === name);
    if (template && !template.valid)
      return {
        value: name,
        label: `${name}: refused by k0rdent: ${template.validationError}`,
        disabled: true,
      };
    return {
      value: name,
      label: [
        name,
        template?.description && `: ${template.description}`,
        template?.chartVersion && ` (chart ${template.chartVersion})`,
      ]
        .filter(Boolean)
        .join(''),
    };
  });
}

/** The upgrades k0rdent offers the cluster the form names. */
export function useTemplateUpgradeOptions(named: NamedCluster | undefined) {
  return useFleetOptions(
    async api => {
      if (!named) return { options: [], note: 'Choose the cluster first.' };
      const found = findNamedCluster((await api.listClusters()).items, named);
      if (!found)
        return {
          options: [],
          note: `${named.name} is not in the fleet, so k0rdent's upgrades for it are unknown.`,
        };
      const { management, namespace, name } = found.ref;
      const templates = await api
        .listClusterTemplates(management, namespace)
        .then(answer => answer.items)
        .catch(() => []);
      const options = templateUpgradeOptions(found, templates);
      return {
        options,
        note: options.length
          ? `${name} uses ${
              found.template ?? 'an unknown template'
            } now; k0rdent offers these upgrades (its ClusterDeployment's status.availableUpgrades).`
          : undefined,
        extra: { cluster: name, template: found.template },
      };
    },
    [named?.name, named?.namespace, named?.management],
  );
}
