import type { SimulatorGitopsOptions } from './gitops/startGitopsLoop';
/**
 * Public types of the fleet simulator: options, faults, the generated fleet model and the
 * object store tests use to change what the simulated API servers serve.
 */

/** A Kubernetes object as served: apiVersion, kind, metadata and whatever else the kind has. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [key: string]: unknown;
}

export interface KubeObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/** How one child cluster misbehaves. */
export type FleetFault =
  /** The kubeconfig points to a closed port: a real connection refused. */
  | 'down'
  /** The child answers after `slowMs`. */
  | 'slow'
  /** The child answers 401 Status. */
  | 'unauthorized'
  /** The child answers 403 Status. */
  | 'forbidden'
  /** The child answers 500 Status. */
  | 'server-error'
  /** The child answers 200 with invalid JSON. */
  | 'malformed'
  /** The child's nodes (and NodeOpUpgrades) lack status and metadata fields. */
  | 'missing-fields'
  /** The first page of a list is fine; a `continue` token answers 410 Expired. */
  | 'paging-breaks'
  /** The kubeconfig Secret uses an exec credential plugin (clients must refuse it). */
  | 'kubeconfig-exec'
  /** There is no kubeconfig Secret for the cluster. */
  | 'kubeconfig-missing'
  /** Lists are served; a watch answers 403 (RBAC without the `watch` verb, or a proxy refusing streams). */
  | 'watch-refused'
  /** A watch sends its first event one byte a second. */
  | 'watch-drip'
  /** A watch sends one event that never ends (64 KiB more every 5 ms, no newline). */
  | 'watch-endless-event'
  /** A watch sends a line that is not a JSON event. */
  | 'watch-malformed-event'
  /** A watch sends an event older (lower resourceVersion) than the list it follows. */
  | 'watch-out-of-order';

export const FLEET_FAULTS: readonly FleetFault[] = [
  'down',
  'slow',
  'unauthorized',
  'forbidden',
  'server-error',
  'malformed',
  'missing-fields',
  'paging-breaks',
  'kubeconfig-exec',
  'kubeconfig-missing',
  'watch-refused',
  'watch-drip',
  'watch-endless-event',
  'watch-malformed-event',
  'watch-out-of-order',
];

/** Options of the generated fleet (all pure data: same options ⇒ same objects). */
export interface FleetGeneratorOptions {
  /** Number of child clusters; default 12. */
  clusters?: number;
  /** Nodes per child cluster (1 control plane, or 3 from 5 nodes up; the rest workers); default 3. */
  nodesPerCluster?: number;
  /** bindy records per cluster; default 4. */
  recordsPerCluster?: number;
  /** Seed of the deterministic generator; default 1. */
  seed?: number;
  /** ISO time the generated timestamps are relative to; default `2026-01-15T09:00:00Z`. */
  baseTime?: string;
  /** Faults by cluster name; only `down`, `kubeconfig-exec` and `kubeconfig-missing` change generated objects. */
  faults?: Record<string, FleetFault>;
  /**
   * Where a VMImage pins its digest. Default `false`, as Fleet Portal writes VMImages: VirtRigaud
   * v0.3.11's CRD only admits `repo:tag` in `spec.source.registry.image` (pattern
   * `^[a-zA-Z0-9._/-]+:[a-zA-Z0-9._-]+$`), so that field holds the tag and the digest reference
   * is in the VMImage annotation `fleetportal.io/image-ref`. `true` serves `repo@sha256:…` in
   * `registry.image`, what a cluster with a CRD patched to admit digests could hold; the backend
   * reads both.
   */
  digestInRegistryImage?: boolean;
  /**
   * How many clusters are written as a fleet that existed before Fleet Portal (scenario
   * `brownfield`): VMs tied to their cluster only by the Cluster API label or an owner reference
   * and named unlike their nodes, nodes without Fleet Portal's image annotation, DNS records
   * without Fleet Portal's label (their FQDN ends with the suffix the ClusterDeployment's
   * `platform.example.com/dns-suffix` annotation names). Default 0.
   */
  brownfieldClusters?: number;
  /**
   * How many clusters k0rdent deploys through a regional cluster (scenario `regional`): their
   * ClusterDeployment's `status.region` names a `Region`, and their kubeconfig Secret lives in
   * that regional cluster, not in the management cluster. Odd ones go to `REGION_BY_SECRET`
   * (served at `/regions/<name>`, reached through a kubeconfig Secret in `kcm-system`), even ones
   * to `REGION_BY_CLUSTER_DEPLOYMENT` (a cluster of the fleet, scenario `region-host`, onboarded
   * as a region). Default 0.
   */
  regionalClusters?: number;
  /** Where kubeconfig Secrets point, and with which credentials; placeholders when absent. */
  access?: FleetAccess;
}

/** What the kubeconfig Secrets need from the running server. */
export interface FleetAccess {
  /** Base URL of the simulator, e.g. `https://127.0.0.1:PORT`. */
  baseUrl: string;
  /** Base URL of a closed port, used by clusters with the `down` fault. */
  closedBaseUrl: string;
  /** base64 PEM CA, when TLS. */
  caData?: string;
  /** Bearer token per cluster name. */
  tokens: Record<string, string>;
}

export interface FleetSimulatorOptions
  extends Omit<FleetGeneratorOptions, 'access'> {
  /** Added to every request; default 0. */
  latencyMs?: number;
  /** Delay of the `slow` fault; default 30000. */
  slowMs?: number;
  /** Serve HTTPS with a CA and server certificate generated at start; default false. */
  tls?: boolean;
  /**
   * How often a watch that asked for bookmarks (`allowWatchBookmarks`) gets a BOOKMARK event
   * with the current resourceVersion; default 60000, about what an API server does.
   */
  bookmarkIntervalMs?: number;
  /** Bearer token required on /mgmt and /dns; default random. */
  managementToken?: string;
  /**
   * A bearer token every child cluster accepts besides its own, as child API servers that trust
   * one OIDC issuer accept a signed-in user's id token (the core Kubernetes plugin's `oidc` auth
   * provider forwards it from the browser). Default none: only the kubeconfig's token.
   */
  oidcIdToken?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /**
   * Run the fleet from a GitOps repository: created holding the demo fleet when missing, applied
   * by a simulated Flux whenever its default branch moves, with simulated controllers that
   * converge the fleet to it. Without this the fleet is the generated one and never changes.
   */
  gitops?: SimulatorGitopsOptions;
}

/** One of the simulated API servers. */
export type FleetScope = 'mgmt' | 'dns' | string;

/** What a generated cluster was made to show; tests and the demo look clusters up by it. */
export type ClusterScenario =
  | 'healthy'
  /** One worker booted from an older Kairos image digest (same k0s). */
  | 'node-image-drift'
  /** Workers run an image with an older k0s patch: kubelet older than desired. */
  | 'kubelet-drift'
  /** Desired `+k0s.N` build differs from the control plane's build. */
  | 'build-drift'
  /** ClusterDeployment Ready=False (reason Failed), one node NotReady. */
  | 'not-ready'
  /** A NodeOpUpgrade is rolling out the next image: one node done, one running, the rest pending. */
  | 'rollout-in-progress'
  /** One worker's VM names a tag-only VMImage and its node annotation has no digest. */
  | 'unknown-digest'
  /** A completed NodeOpUpgrade moved every node to the desired image (VMs still name the old one). */
  | 'completed-upgrade'
  /** K0sControlPlane reports `v1.31.2-k0s.0` (dash spelling, same build). */
  | 'dash-spelling'
  /** ClusterDeployment lists ClusterTemplates it can be upgraded to. */
  | 'available-upgrades'
  /** A DNS record labelled for a zone that does not exist (Ready=False ZoneNotFound). */
  | 'dns-zone-not-found'
  /** A DNS record whose dynamic update failed (Ready=False ReconcileFailed). */
  | 'dns-reconcile-failed'
  /** A DNS record with `status.observedGeneration` below `metadata.generation`. */
  | 'dns-stale-generation'
  /** Written before Fleet Portal existed: see `FleetGeneratorOptions.brownfieldClusters`. */
  | 'brownfield'
  /** Deployed through a Region: see `FleetGeneratorOptions.regionalClusters`. */
  | 'regional'
  /** The cluster onboarded as a Region by its ClusterDeployment. */
  | 'region-host';

export interface GeneratedNode {
  name: string;
  role: 'control-plane' | 'worker';
  /** The VMImage its VirtualMachine names. */
  vmImage: string;
  /** The image the node runs now (digest reference, or a tag when unknown). */
  runningImage: string;
  kubeletVersion: string;
  ready: boolean;
  ip: string;
  /** Its VirtualMachine's name, where it is not the node's (brownfield clusters). */
  vmName?: string;
}

export interface GeneratedCluster {
  name: string;
  namespace: string;
  team: string;
  owner: string;
  scenarios: ClusterScenario[];
  /** The Region its ClusterDeployment's `status.region` names (regional clusters). */
  region?: string;
  /** Desired k0s version (`spec.config.k0s.version`). */
  desiredK0sVersion: string;
  /** `K0sControlPlane.status.version` as served. */
  controlPlaneVersion: string;
  /** VMImage name in the `fleetportal.io/vmimage` annotation. */
  desiredVmImage: string;
  /** The digest reference the desired VMImage stands for. */
  desiredImage: string;
  ready: boolean;
  zone: string;
  nodes: GeneratedNode[];
  /** Names of the cluster's bindy records (kind/name) in the DNS scope. */
  dnsRecords: Array<{
    kind: string;
    namespace: string;
    name: string;
    synced: boolean;
    reason: string;
  }>;
}

/** The generated objects per scope, plus what they were made to show. */
export interface FleetModel {
  seed: number;
  baseTime: string;
  clusters: GeneratedCluster[];
  /** Every VMImage's name → the reference it stands for (digest, or tag when tag-only), per namespace. */
  images: Array<{
    namespace: string;
    name: string;
    reference: string;
    digest?: string;
  }>;
  mgmt: KubeObject[];
  dns: KubeObject[];
  /** Objects of each child cluster, by cluster name. */
  children: Record<string, KubeObject[]>;
  /** The objects of each regional cluster served at `/regions/<name>`. */
  regions: Record<string, KubeObject[]>;
}

/** Identifies one object in a store. */
export interface KubeObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** The objects one simulated API server serves; tests change them through this. */
export interface KubeObjectStore {
  /** Copies of the stored objects, filtered; sorted by namespace then name. */
  list(filter?: {
    apiVersion?: string;
    kind?: string;
    namespace?: string;
    labelSelector?: string;
  }): KubeObject[];
  get(ref: KubeObjectRef): KubeObject | undefined;
  /**
   * Creates or replaces an object. Fills uid, creationTimestamp and a new resourceVersion; for
   * custom resources, bumps `metadata.generation` when the spec changed unless the object sets it.
   * Open watches see ADDED or MODIFIED. Returns a copy of what is stored.
   */
  upsert(object: KubeObject): KubeObject;
  /** Removes an object; open watches see DELETED. False when there was none. */
  delete(ref: KubeObjectRef): boolean;
  /** The store's current resourceVersion. */
  resourceVersion(): string;
}
