/**
 * The fleet backend's API types (`/api/fleet/...`). Every figure carries the source it was read
 * from and when, so a reader can trace it to one field of one Kubernetes object.
 */

import type { ClusterGitops } from './gitops';

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
  | 'incomplete-objects';

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

export interface KairosInfo {
  /** `kairos.io/version` annotation (raw) or `kairos.io/release` label. */
  version?: string;
  flavor?: string;
  flavorRelease?: string;
  variant?: string;
  model?: string;
  arch?: string;
  bootState?: string;
  /** The software (k0s) version Kairos reports, `kairos.io/software-version`. */
  softwareVersion?: string;
  managed: boolean;
}

export type ImageSourceKind =
  | 'nodeopupgrade'
  | 'virtualmachine'
  | 'node-annotation';

export type NodeImage =
  | {
      known: true;
      /** Full OCI reference with digest: `repo@sha256:…`. */
      reference: string;
      repository: string;
      digest: string;
      via: ImageSourceKind;
      /** Every object on the path, e.g. VirtualMachine then VMImage. */
      sources: FigureSource[];
    }
  | {
      known: false;
      /** Why no digest is known, in words a reader understands. */
      reason: string;
      /** A reference without digest when one was found (e.g. a tag-only VMImage). */
      reference?: string;
      sources: FigureSource[];
    };

export interface NodeStatus {
  name: string;
  roles: string[];
  ready: boolean;
  kubeletVersion: string;
  kairos: KairosInfo;
  image: NodeImage;
  /** The VirtRigaud VirtualMachine the node runs on, when found. */
  virtualMachine?: { namespace: string; name: string; phase?: string };
  /** An image rollout for this node that is still running. */
  rollout?: {
    image: string;
    phase: string;
    message?: string;
    nodeOpUpgrade: string;
  };
  source: FigureSource;
}

export interface RunningVersionGroup {
  /** Kubelet version as reported, normalised (`v1.31.2+k0s`). */
  version: string;
  nodes: string[];
  roles: string[];
}

export interface K0sVersions {
  desired?: Figure<string>;
  /** The control plane's exact build (`K0sControlPlane.status.version`), normalised to `+k0s.N`. */
  exactBuild?: Figure<string>;
  running: RunningVersionGroup[];
  availableUpgrades: Figure<string[]> | undefined;
}

export const DNS_RECORD_KINDS = [
  'ARecord',
  'AAAARecord',
  'CNAMERecord',
  'MXRecord',
  'TXTRecord',
  'SRVRecord',
  'NSRecord',
  'CAARecord',
] as const;
export type DnsRecordKind = (typeof DNS_RECORD_KINDS)[number];

export interface DnsRecordStatus {
  kind: DnsRecordKind;
  namespace: string;
  name: string;
  /** The relative record name from `spec.name` (`@` for the apex). */
  recordName: string;
  zone?: string;
  fqdn?: string;
  values: string[];
  ttl?: number;
  synced: boolean;
  /** Ready condition reason (`ReconcileSucceeded`, `ZoneNotFound`, …) or why it is unknown. */
  reason?: string;
  message?: string;
  /** `status.lastUpdated`: the last successful dynamic update. */
  lastUpdated?: string;
  /** `status.observedGeneration` is below `metadata.generation`: the operator has not seen the latest spec. */
  staleGeneration: boolean;
  source: FigureSource;
}

export type DriftFinding =
  | {
      type: 'node-image';
      node: string;
      desired: string;
      actual: string;
    }
  | {
      type: 'node-image-unknown';
      node: string;
      reason: string;
    }
  | {
      type: 'k0s-version';
      desired: string;
      running: string;
      nodes: string[];
    }
  | {
      type: 'k0s-build';
      desired: string;
      actual: string;
    }
  | {
      type: 'dns-unsynced';
      kind: DnsRecordKind;
      namespace: string;
      name: string;
      fqdn?: string;
      reason?: string;
    }
  | {
      type: 'cluster-not-ready';
      reason?: string;
      message?: string;
    }
  | {
      /** Git is ahead of what Flux applied: a merged change is not applied yet. */
      type: 'git-pending';
      kustomization: string;
      fetched: string;
      applied?: string;
      /** Commits Git is ahead by (read from the local repository; absent when it cannot be). */
      ahead?: number;
      /** The newest of those commits, newest first: what is merged and not applied yet. */
      commits?: Array<{ commit: string; title: string; committedAt: string }>;
    }
  | {
      /** A live object no longer matches its manifest at the applied revision: an edit outside Git. */
      type: 'live-differs-from-git';
      /** `<Kind> <namespace>/<name>`. */
      object: string;
      /** Repository path of the manifest. */
      path: string;
      revision: string;
      /** Dotted paths of the fields that differ, e.g. `spec.config.k0s.version`. */
      fields: string[];
    }
  | {
      /** Flux's last apply of the cluster's Kustomization failed (or it is suspended). */
      type: 'flux-failing';
      kustomization: string;
      reason: string;
      message?: string;
      revision?: string;
    };

export type DriftType = DriftFinding['type'];

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
  virtualMachines: Array<{
    namespace: string;
    name: string;
    image?: string;
    phase?: string;
    node?: string;
  }>;
  zones: string[];
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
