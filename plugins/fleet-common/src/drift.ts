import type { DnsRecordKind } from './dnsRecords';
import type { ServiceState } from './services';

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
    }
  | {
      /** A service k0rdent deploys on the cluster failed (`status.services[].state`). */
      type: 'service-failed';
      name: string;
      namespace: string;
      template: string;
      state: Extract<ServiceState, 'Failed'>;
      /** `status.services[].failureMessage`. */
      message?: string;
    };

export type DriftType = DriftFinding['type'];
