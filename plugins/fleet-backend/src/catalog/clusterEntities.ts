import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  clusterEntityRef,
  clusterEntityRefString,
  FLEET_ENTITY_ANNOTATIONS,
  type ClusterInventoryItem,
} from '@fleet-portal/plugin-fleet-common';

/**
 * Annotations the core Kubernetes plugin's catalog cluster locator reads. It locates only
 * clusters that have the first three.
 */
export const KUBERNETES_ANNOTATIONS = {
  apiServer: 'kubernetes.io/api-server',
  caData: 'kubernetes.io/api-server-certificate-authority',
  authProvider: 'kubernetes.io/auth-provider',
  oidcTokenProvider: 'kubernetes.io/oidc-token-provider',
} as const;

/**
 * How the core Kubernetes plugin is to authenticate to the clusters: an auth provider that
 * needs no credential in the entity (`oidc` forwards the signed-in user's id token).
 */
export interface KubernetesLocatorOptions {
  authProvider: string;
  /** With `oidc`: the name of the Backstage auth provider whose id token is sent. */
  oidcTokenProvider?: string;
}

const ENTITY_NAME_MAX = 63;

/** A catalog-safe entity name: `[a-z0-9A-Z]` runs joined by `-`, `_` or `.`, at most 63 chars. */
export function entityName(...parts: string[]): string {
  const joined = parts
    .join('-')
    .replace(/[^A-Za-z0-9]+/g, run => (run === '.' || run === '_' ? run : '-'))
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return joined.slice(0, ENTITY_NAME_MAX).replace(/[^A-Za-z0-9]+$/, '');
}

export function zoneEntityName(zone: string): string {
  return entityName('dns-zone', zone.replace(/\.$/, ''));
}

export function vmEntityName(namespace: string, name: string): string {
  return entityName('vm', namespace, name);
}

/**
 * Fully qualified, since cluster entities live in their management cluster's namespace: a bare
 * `platform` there would otherwise mean `group:<management>/platform`.
 */
function ownerOf(item: ClusterInventoryItem, fallbackOwner: string): string {
  const owner = item.owner ?? fallbackOwner;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: DEFAULT_NAMESPACE,
      }),
    );
  } catch {
    return owner;
  }
}

/** The ClusterDeployment's labels the catalog accepts as they are, prefixed keys included. */
function entityLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).filter(
      ([key, value]) =>
        KubernetesValidatorFunctions.isValidLabelKey(key) &&
        KubernetesValidatorFunctions.isValidLabelValue(value),
    ),
  );
}

/**
 * Catalog entities for the fleet: each cluster as a `Resource` of type `kubernetes-cluster` in
 * its management cluster's catalog namespace, each of its VirtualMachines beside it, and each
 * DNS zone its records live in (in `default`: a zone is one zone whoever uses it) as
 * `Resource`s that depend on it. No credential goes into an entity; the CA bundle is public by nature.
 */
export function fleetEntities(
  items: ClusterInventoryItem[],
  options: {
    locationKey: string;
    fallbackOwner: string;
    /** Without it no cluster names an auth provider, so the core Kubernetes plugin skips them. */
    kubernetes?: KubernetesLocatorOptions;
  },
): Entity[] {
  const location = `fleet:${options.locationKey}`;
  const managed = {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
  };
  const entities: Entity[] = [];
  const zones = new Map<string, { clusters: Set<string>; owner: string }>();

  for (const item of items) {
    const { namespace, name } = clusterEntityRef(item.ref);
    const clusterRef = clusterEntityRefString(item.ref);
    const owner = ownerOf(item, options.fallbackOwner);
    const annotations: Record<string, string> = {
      ...managed,
      [FLEET_ENTITY_ANNOTATIONS.clusterDeployment]: item.id,
      [FLEET_ENTITY_ANNOTATIONS.management]: item.ref.management,
    };
    if (options.kubernetes) {
      annotations[KUBERNETES_ANNOTATIONS.authProvider] =
        options.kubernetes.authProvider;
      if (options.kubernetes.oidcTokenProvider)
        annotations[KUBERNETES_ANNOTATIONS.oidcTokenProvider] =
          options.kubernetes.oidcTokenProvider;
    }
    if (item.apiServer)
      annotations[KUBERNETES_ANNOTATIONS.apiServer] = item.apiServer;
    if (item.apiServerCaData)
      annotations[KUBERNETES_ANNOTATIONS.caData] = item.apiServerCaData;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        namespace,
        name,
        title: item.ref.name,
        description: `k0rdent cluster ${item.ref.namespace}/${
          item.ref.name
        } of management cluster ${item.ref.management}${
          item.demo ? ' (simulated demo fleet)' : ''
        }`,
        annotations,
        labels: entityLabels(item.labels),
        tags: [
          entityName(item.ref.management),
          item.demo ? 'demo' : undefined,
        ].filter((t): t is string => !!t),
      },
      spec: {
        type: 'kubernetes-cluster',
        owner,
        ...(item.template ? { template: item.template } : {}),
      },
    });
    for (const vm of item.virtualMachines) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          namespace,
          name: vmEntityName(vm.namespace, vm.name),
          title: vm.name,
          description: `VirtRigaud VirtualMachine ${vm.namespace}/${vm.name}${
            vm.image ? ` booting VMImage ${vm.image}` : ''
          }`,
          annotations: {
            ...managed,
            [FLEET_ENTITY_ANNOTATIONS.clusterDeployment]: item.id,
          },
        },
        spec: {
          type: 'virtual-machine',
          owner,
          dependencyOf: [clusterRef],
        },
      });
    }
    for (const zone of item.zones) {
      const entry = zones.get(zone) ?? { clusters: new Set<string>(), owner };
      entry.clusters.add(clusterRef);
      zones.set(zone, entry);
    }
  }
  for (const [zone, { clusters, owner }] of [...zones.entries()].sort(
    ([a], [b]) => a.localeCompare(b),
  )) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: zoneEntityName(zone),
        title: zone,
        description: `bindy DNSZone ${zone}`,
        annotations: { ...managed },
      },
      spec: {
        type: 'dns-zone',
        owner,
        dependencyOf: [...clusters].sort(),
      },
    });
  }
  return entities;
}
