/**
 * Label and annotation keys Fleet Portal writes into manifests and reads back from the fleet.
 * The manifests the scaffolder actions generate carry them, so the backend can tie a VM, a DNS
 * record or a node back to the cluster and the request it came from.
 */
export const FLEET_LABELS = {
  /** On VirtualMachines, VMImages, bindy records and zones: the ClusterDeployment name they belong to. */
  cluster: 'fleetportal.io/cluster',
  /** The scaffolder template that produced the object. */
  template: 'fleetportal.io/template',
  /** The requester's entity ref, sanitised to a label value. */
  requester: 'fleetportal.io/requester',
  /** Node pool (VMs created together). */
  pool: 'fleetportal.io/pool',
  managedBy: 'app.kubernetes.io/managed-by',
} as const;

export const FLEET_ANNOTATIONS = {
  /** On a ClusterDeployment: the VMImage (same namespace) the cluster's nodes should run. */
  desiredImage: 'fleetportal.io/vmimage',
  /** On a node, written by the Kairos cloud-config at boot: the OCI reference it was installed from. */
  nodeImageRef: 'fleetportal.io/image-ref',
  /** On a ClusterDeployment: the catalog owner of the cluster. */
  owner: 'fleetportal.io/owner',
  /** The requester's full entity ref (annotations allow characters labels do not). */
  requester: 'fleetportal.io/requester',
} as const;

export const MANAGED_BY_VALUE = 'fleet-portal';

/** bindy's conventional label a DNSZone's `recordsFrom` selector matches on. */
export const BINDY_ZONE_LABEL = 'bindy.firestoned.io/zone';

/** Catalog annotations Fleet Portal puts on the entities it ingests. */
export const FLEET_ENTITY_ANNOTATIONS = {
  /** `<management>/<namespace>/<name>` of the ClusterDeployment the entity stands for. */
  clusterDeployment: 'fleetportal.io/cluster-deployment',
  /** The management cluster id. */
  management: 'fleetportal.io/management-cluster',
} as const;
