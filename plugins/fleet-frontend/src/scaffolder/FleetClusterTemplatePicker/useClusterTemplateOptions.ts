import type { FormClusterTemplate } from '@fleet-portal/plugin-fleet-common';
import { NamedNamespace, resolveManagement } from '../managementFields';
import type { FieldOption } from '../options';
import { useFleetOptions } from '../useFleetOptions';

/** Valid templates to choose from; refused ones shown disabled with k0rdent's reason. */
export function clusterTemplateOptions(
  templates: FormClusterTemplate[],
): FieldOption[] {
  const valid = templates.filter(t => t.valid);
  const refused = templates.filter(t => !t.valid);
  return [
    ...valid.map(t => ({
      value: t.name,
      label: [
        t.name,
        t.description && `: ${t.description}`,
        t.chartVersion && ` (chart ${t.chartVersion})`,
      ]
        .filter(Boolean)
        .join(''),
    })),
    ...refused.map(t => ({
      value: t.name,
      label: `${t.name}: refused by k0rdent: ${t.validationError}`,
      disabled: true,
    })),
  ];
}

/** The ClusterTemplates of the namespace the form names, read live from its management cluster. */
export function useClusterTemplateOptions(named: NamedNamespace) {
  return useFleetOptions(
    async api => {
      if (!named.namespace) {
        return { options: [], note: 'Choose the namespace first.' };
      }
      const management = await resolveManagement(api, named);
      const { items } = await api.listClusterTemplates(
        management,
        named.namespace,
      );
      return {
        options: clusterTemplateOptions(items),
        note: `ClusterTemplates of ${named.namespace} on ${management}.`,
        extra: { management, namespace: named.namespace },
      };
    },
    [named.management, named.namespace],
  );
}
