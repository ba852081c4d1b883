/**
 * The fleet backend's API types (`/api/fleet/...`). Every figure carries the source it was read
 * from and when, so a reader can trace it to one field of one Kubernetes object.
 */

import type { ClusterGitops } from './gitops';
import type { DnsRecordStatus } from './dnsRecords';
import type { DriftFinding } from './drift';
import type { K0sVersions, NodeStatus } from './nodes';
import type { ClusterService, ServiceCounts } from './services';
import type { VmOwnershipRule } from './ownership';

/** Which API server an object was read from. */
export interface ReadFrom {
  scope: 'management' | 'child' | 'dns';
  /** Management or DNS cluster id from config; for `child`, the cluster id `<management>/<namespace>/<name>`. */
  cluster: string;
}

/** Where one figure came from: an object, the field read, and when. */
export interface FigureSource {
  readFrom: ReadFrom;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  /** Dotted path of the field the figure was read from, e.g. `spec.config.k0s.version`. */
  field: string;
  /** ISO 8601 time the object was read. */
  readAt: string;
}

export interface Figure<T> {
  value: T;
  source: FigureSource;
}

export interface ClusterRef {
  /** Management cluster id (config `fleet.managementClusters[].id`). */
  management: string;
  namespace: string;
  name: string;
}

/** Why reading a cluster (or part of it) failed. */
export type ReadFailureReason =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'server-error'
  | 'malformed-response'
  | 'kubeconfig-missing'
  | 'kubeconfig-rejected'
  /** The cluster answered, but some objects lack fields the figures are derived from. */
  | 'incomplete-objects'
  /** A list, or one watch event, is larger than the reader's cap (`fleet.refresh.watch`). */
  | 'too-large';

export interface ReadFailure {
  reason: ReadFailureReason;
  message: string;
  /** Which read failed, e.g. `child nodes`, `management VirtualMachines`. */
  during: string;
  at: string;
}

/** Freshness of a cluster's data. */
export interface ReadState {
  /** When the data shown was read successfully; undefined if it never was. */
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  /**
   * True when the last attempt failed and the data shown is from an earlier success (or absent).
   * An `incomplete-objects` failure alone does not make data stale: it is current, but partial.
   */
  stale: boolean;
  /** Failures of the last attempt; a partial failure (e.g. DNS cluster down) still marks what it affects. */
  failures: ReadFailure[];
  /**
   * How the cluster's own objects are kept current when the backend watches the fleet
   * (`fleet.refresh.mode: watch`), one entry per resource; absent when it polls.
   */
  watch?: ResourceWatchStatus[];
}

/** One resource of one cluster as the backend's watch holds it. */
export interface ResourceWatchStatus {
  /** What is watched, in words: `nodes of cluster mgmt/team-a/prod-1`. */
  resource: string;
  /**
   * `watching`: changes arrive as they happen; `listing`: listed again after a broken or
   * expired watch; `polling`: the server does not let it be watched (see `reason`), so it is
   * listed every poll interval; `failed`: not readable now, the last objects are kept.
   */
  phase: 'listing' | 'watching' | 'polling' | 'failed';
  /** Since when it is in this phase. */
  since: string;
  /** Why it is polled or failed, e.g. `watch-refused`, `stalled`, `too-many-objects`. */
  reason?: string;
  message?: string;
}

export type ClusterHealthState =
  | 'ready'
  | 'not-ready'
  | 'progressing'
  | 'unknown';

export interface ClusterHealth {
  state: ClusterHealthState;
  reason?: string;
  message?: string;
  source?: FigureSource;
}

export interface ImageUsage {
  reference: string;
  digest: string;
  nodes: string[];
}

export interface ClusterSummary {
  /** `<management>/<namespace>/<name>`. */
  id: string;
  ref: ClusterRef;
  /** True when the management cluster is the built-in simulated demo fleet. */
  demo: boolean;
  template?: string;
  credential?: string;
  region?: string;
  owner?: string;
  labels: Record<string, string>;
  /** The child cluster's API server URL (from its kubeconfig); never the credentials. */
  apiServer?: string;
  health: ClusterHealth;
  k0s: {
    desired?: string;
    exactBuild?: string;
    running: string[];
    availableUpgrades: string[];
  };
  desiredImage?: string;
  images: ImageUsage[];
  nodes: { total: number; ready: number; unknownImage: number };
  dns: { total: number; synced: number };
  /** What k0rdent deploys on the cluster, by state (absent from a backend that predates it). */
  serviceCounts?: ServiceCounts;
  /** How Flux reconciles the cluster; absent when no Flux Kustomization's inventory holds it. */
  gitops?: ClusterGitops;
  /** Why the cluster's Git/Flux state is unknown or partial (Flux unreadable, repository unreadable). */
  gitopsProblem?: GitopsProblem;
  drift: DriftFinding[];
  read: ReadState;
}

export interface ClusterDetail extends ClusterSummary {
  desiredImageFigure?: Figure<string>;
  k0sVersions: K0sVersions;
  nodeStatuses: NodeStatus[];
  dnsRecords: DnsRecordStatus[];
  /** What k0rdent deploys on the cluster (absent from a backend that predates it). */
  services?: ClusterService[];
  virtualMachines: Array<{
    namespace: string;
    name: string;
    image?: string;
    phase?: string;
    node?: string;
    /** Why the VM belongs to this cluster. */
    ownedBy?: VmOwnershipRule;
  }>;
  zones: string[];
  /**
   * Objects whose cluster or node could not be told (labels that disagree, a record two
   * clusters' rules claim): listed here instead of being guessed.
   */
  ownershipProblems?: string[];
  /** The CA the child API server presents, for the Kubernetes plugin's cluster locator. Not a secret. */
  apiServerCaData?: string;
}

export interface ClusterListResponse {
  items: ClusterSummary[];
  /** Management and DNS clusters configured, and whether their last read worked. */
  sources: SourceStatus[];
}

export interface SourceStatus {
  id: string;
  scope: 'management' | 'dns';
  demo: boolean;
  lastSuccessAt?: string;
  failure?: ReadFailure;
  /** A management cluster's Flux Kustomizations, as last read (what requests are followed by). */
  kustomizations?: ClusterGitops[];
  /** Why its Flux objects could not be read, while the rest of it could. */
  fluxProblem?: GitopsProblem;
}

/** Something that keeps a Git/Flux figure from being known, and what was being read. */
export interface GitopsProblem {
  /** e.g. `reading Flux Kustomizations of management cluster mgmt`, `reading Git at main@sha1:…`. */
  during: string;
  message: string;
  at: string;
}

/** The id used in URLs and summaries. */
export function clusterId(ref: ClusterRef): string {
  return `${ref.management}/${ref.namespace}/${ref.name}`;
}

/** What the catalog needs about a cluster: identity, ownership and what hangs off it. */
export interface ClusterInventoryItem {
  id: string;
  ref: ClusterRef;
  demo: boolean;
  owner?: string;
  template?: string;
  labels: Record<string, string>;
  apiServer?: string;
  apiServerCaData?: string;
  virtualMachines: ClusterDetail['virtualMachines'];
  zones: string[];
}

export interface ClusterInventoryResponse {
  items: ClusterInventoryItem[];
}
