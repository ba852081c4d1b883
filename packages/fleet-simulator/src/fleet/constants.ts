import type { ClusterScenario } from '../types';

export const DEFAULT_BASE_TIME = '2026-01-15T09:00:00Z';
export const KAIROS_REPOSITORY = 'quay.io/kairos/ubuntu';
/** Annotation our platform puts on VMImages (and our cloud-config on nodes): the digest-pinned OCI reference. */
export const IMAGE_REF_ANNOTATION = 'fleetportal.io/image-ref';
export const DESIRED_IMAGE_ANNOTATION = 'fleetportal.io/vmimage';
export const OWNER_ANNOTATION = 'fleetportal.io/owner';
export const CLUSTER_LABEL = 'fleetportal.io/cluster';
export const ZONE_LABEL = 'bindy.firestoned.io/zone';
/** A zone no DNSZone serves: records labelled with it are never selected. */
export const MISSING_ZONE = 'legacy.fleet.example.net';
export const CURRENT_TEMPLATE = 'vsphere-standalone-cp-1-0-42';
export const NEXT_TEMPLATE = 'vsphere-standalone-cp-1-0-43';

export const MINUTE = 1;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Team {
  team: string;
  namespace: string;
  owner: string;
  bases: string[];
  zone: string;
}

export const TEAMS: Team[] = [
  {
    team: 'trading',
    namespace: 'team-trading',
    owner: 'group:default/trading',
    bases: ['trading-eu', 'trading-us', 'trading-apac'],
    zone: 'trading.fleet.example.com',
  },
  {
    team: 'risk',
    namespace: 'team-risk',
    owner: 'group:default/risk',
    bases: ['risk-compute', 'risk-batch'],
    zone: 'risk.fleet.example.com',
  },
  {
    team: 'platform',
    namespace: 'team-platform',
    owner: 'group:default/platform',
    bases: ['tooling', 'observability'],
    zone: 'platform.fleet.example.com',
  },
];

/** A Kairos image build: OS release and the k0s it bundles. */
export interface Release {
  kairos: string;
  /** k0s version with build, `+` spelling. */
  k0s: string;
}

export const RELEASES = {
  previousOs: { kairos: 'v3.5.0', k0s: 'v1.31.2+k0s.0' },
  current: { kairos: 'v3.5.1', k0s: 'v1.31.2+k0s.0' },
  olderK0s: { kairos: 'v3.5.1', k0s: 'v1.31.1+k0s.0' },
  next: { kairos: 'v3.5.2', k0s: 'v1.31.2+k0s.0' },
} satisfies Record<string, Release>;
export type ReleaseKey = keyof typeof RELEASES;

export const PRIMARY_SCENARIOS: ClusterScenario[] = [
  'not-ready',
  'node-image-drift',
  'kubelet-drift',
  'build-drift',
  'rollout-in-progress',
  'unknown-digest',
];
export const DNS_SCENARIOS: ClusterScenario[] = [
  'dns-zone-not-found',
  'dns-reconcile-failed',
  'dns-stale-generation',
];

/** `+` is not allowed in label values or tags: the Kairos node-labeler writes `-`. */
export const sanitize = (text: string) => text.replace(/\+/g, '-');
export const kubeletOf = (k0s: string) => k0s.replace(/\.\d+$/, '');
export const tagOf = (r: Release) =>
  `24.04-standard-amd64-generic-${r.kairos}-k0s-${sanitize(r.k0s)}`;
export const vmImageNameOf = (r: Release) =>
  `kairos-${r.kairos}-k0s-${sanitize(r.k0s)}`.replace(/\./g, '-').toLowerCase();
export const UNPINNED_SUFFIX = '-unpinned';

/** Where a brownfield ClusterDeployment names the DNS suffix its records' FQDNs end with. */
export const BROWNFIELD_DNS_SUFFIX_ANNOTATION =
  'platform.example.com/dns-suffix';

/** The Region reached through a kubeconfig Secret in the management cluster's `kcm-system`. */
export const REGION_BY_SECRET = 'region-eu-2';
/** The Region that is a ClusterDeployment of the fleet, onboarded. */
export const REGION_BY_CLUSTER_DEPLOYMENT = 'region-us-1';
export const KCM_SYSTEM_NAMESPACE = 'kcm-system';
