import type { NodeVmMatch } from './ownership';
import type { Figure, FigureSource } from './types';

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
  /** Which rule tied the node to that VirtualMachine. */
  vmMatch?: NodeVmMatch;
  /** Why no VirtualMachine is tied to the node: none matches, or several do (never guessed). */
  vmMatchProblem?: string;
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
  /**
   * The control plane's exact build (`K0sControlPlane.status.version` or
   * `K0smotronControlPlane.status.version`), normalised to `+k0s.N`; the source names which.
   */
  exactBuild?: Figure<string>;
  running: RunningVersionGroup[];
  availableUpgrades: Figure<string[]> | undefined;
}
