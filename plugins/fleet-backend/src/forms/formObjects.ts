import type {
  FormClusterTemplate,
  FormCredential,
  FormNamespace,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The upgrade targets every ClusterTemplateChain of the namespace gives `template`, in chain order. */
export function availableUpgradesOf(
  template: string,
  chains: KubeObject[],
): string[] {
  const upgrades = new Set<string>();
  for (const chain of chains) {
    const supported = chain.spec?.supportedTemplates;
    if (!Array.isArray(supported)) continue;
    for (const entry of supported) {
      if (entry?.name !== template || !Array.isArray(entry.availableUpgrades))
        continue;
      for (const upgrade of entry.availableUpgrades) {
        const name = text(upgrade?.name);
        if (name) upgrades.add(name);
      }
    }
  }
  return [...upgrades];
}

export function toFormClusterTemplate(
  template: KubeObject,
  chains: KubeObject[],
): FormClusterTemplate {
  const name = template.metadata?.name ?? '';
  const status = template.status ?? {};
  const valid = status.valid === true;
  return {
    name,
    description: text(status.description),
    chartVersion: text(status.chartVersion),
    k8sVersion: text(status.k8sVersion),
    valid,
    validationError: valid
      ? undefined
      : text(status.validationError) ??
        'k0rdent has not validated this template yet (status.valid is not true)',
    availableUpgrades: availableUpgradesOf(name, chains),
    hasSchema: text(status.schemaConfigMapName) !== undefined,
  };
}

export function toFormCredential(credential: KubeObject): FormCredential {
  const ready = credential.status?.ready === true;
  const conditions: any[] = Array.isArray(credential.status?.conditions)
    ? credential.status.conditions
    : [];
  const failing = conditions.find(c => c?.status === 'False');
  return {
    name: credential.metadata?.name ?? '',
    description: text(credential.spec?.description),
    ready,
    notReadyReason: ready
      ? undefined
      : text(failing?.message) ??
        'k0rdent has not marked this Credential ready (status.ready is not true)',
  };
}

const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name.localeCompare(b.name);

export function formClusterTemplates(
  templates: KubeObject[],
  chains: KubeObject[],
): FormClusterTemplate[] {
  return templates.map(t => toFormClusterTemplate(t, chains)).sort(byName);
}

export function formCredentials(credentials: KubeObject[]): FormCredential[] {
  return credentials.map(toFormCredential).sort(byName);
}

/** Namespaces holding ClusterTemplates, with how many valid ones each holds, by name. */
export function templateNamespaces(templates: KubeObject[]): FormNamespace[] {
  const counts = new Map<string, { templates: number; valid: number }>();
  for (const template of templates) {
    const namespace = template.metadata?.namespace;
    if (!namespace) continue;
    const count = counts.get(namespace) ?? { templates: 0, valid: 0 };
    count.templates += 1;
    if (template.status?.valid === true) count.valid += 1;
    counts.set(namespace, count);
  }
  return [...counts.entries()]
    .map(([name, count]) => ({
      name,
      clusterTemplates: count.templates,
      validClusterTemplates: count.valid,
    }))
    .sort(byName);
}

/** The values schema in a schema ConfigMap's `schema` key; throws saying what is wrong. */
export function parseSchemaConfigMap(
  configMap: KubeObject,
): Record<string, unknown> {
  const raw = configMap.data?.schema;
  if (typeof raw !== 'string')
    throw new Error('the ConfigMap has no data key "schema"');
  const schema = JSON.parse(raw);
  if (!schema || typeof schema !== 'object' || Array.isArray(schema))
    throw new Error('the ConfigMap\'s "schema" is not a JSON object');
  return schema;
}
