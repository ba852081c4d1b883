import type { FormNamespace } from '@fleet-portal/plugin-fleet-common';
import { NamedNamespace, resolveManagement } from '../managementFields';
import type { FieldOption } from '../options';
import { useFleetOptions } from '../useFleetOptions';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Namespaces with a ClusterTemplate k0rdent accepted; the others disabled, saying so. */
export function namespaceOptions(namespaces: FormNamespace[]): FieldOption[] {
  const usable = namespaces.filter(n => n.validClusterTemplates > 0);
  const unusable = namespaces.filter(n => n.validClusterTemplates === 0);
  return [
    ...usable.map(n => ({
      value: n.name,
      label: `${n.name} (${plural(
        n.validClusterTemplates,
        'ClusterTemplate',
      )})`,
    })),
    ...unusable.map(n => ({
      value: n.name,
      label: `${n.name}: k0rdent accepted none of its ${plural(
        n.clusterTemplates,
        'ClusterTemplate',
      )}`,
      disabled: true,
    })),
  ];
}

/** The management namespaces a new cluster can go to, read live. */
export function useNamespaceOptions(named: NamedNamespace) {
  return useFleetOptions(
    async api => {
      const management = await resolveManagement(api, named);
      const { items } = await api.listNamespaces(management);
      return {
        options: namespaceOptions(items),
        note: `Namespaces of ${management} that hold ClusterTemplates.`,
      };
    },
    [named.management],
  );
}
