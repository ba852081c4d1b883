import { condition } from './conditions';
import { kubeconfigSecret } from './kubeconfig';
import { createRng, hashHex, isoAt, stableUid } from './random';
import { apiVersionOf, TYPES } from './resourceTypes';
import type {
  ClusterScenario,
  FleetAccess,
  FleetGeneratorOptions,
  FleetModel,
  GeneratedCluster,
  GeneratedNode,
  KubeObject,
} from './types';

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

const MINUTE = 1;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Team {
  team: string;
  namespace: string;
  owner: string;
  bases: string[];
  zone: string;
}

const TEAMS: Team[] = [
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
interface Release {
  kairos: string;
  /** k0s version with build, `+` spelling. */
  k0s: string;
}

const RELEASES = {
  previousOs: { kairos: 'v3.5.0', k0s: 'v1.31.2+k0s.0' },
  current: { kairos: 'v3.5.1', k0s: 'v1.31.2+k0s.0' },
  olderK0s: { kairos: 'v3.5.1', k0s: 'v1.31.1+k0s.0' },
  next: { kairos: 'v3.5.2', k0s: 'v1.31.2+k0s.0' },
} satisfies Record<string, Release>;
type ReleaseKey = keyof typeof RELEASES;

const PRIMARY_SCENARIOS: ClusterScenario[] = [
  'not-ready',
  'node-image-drift',
  'kubelet-drift',
  'build-drift',
  'rollout-in-progress',
  'unknown-digest',
];
const DNS_SCENARIOS: ClusterScenario[] = [
  'dns-zone-not-found',
  'dns-reconcile-failed',
  'dns-stale-generation',
];

/** `+` is not allowed in label values or tags: the Kairos node-labeler writes `-`. */
const sanitize = (text: string) => text.replace(/\+/g, '-');
const kubeletOf = (k0s: string) => k0s.replace(/\.\d+$/, '');
const tagOf = (r: Release) =>
  `24.04-standard-amd64-generic-${r.kairos}-k0s-${sanitize(r.k0s)}`;
const vmImageNameOf = (r: Release) =>
  `kairos-${r.kairos}-k0s-${sanitize(r.k0s)}`.replace(/\./g, '-').toLowerCase();
const UNPINNED_SUFFIX = '-unpinned';

interface ImageInfo {
  name: string;
  release: Release;
  tagRef: string;
  digest?: string;
  /** repo@sha256:… for pinned images, repo:tag for the unpinned one. */
  reference: string;
}

interface NodePlan extends GeneratedNode {
  index: number;
  release: Release;
  /** The release first installed (kairos.io/init-version). */
  initRelease: Release;
  /** What the node's fleetportal.io/image-ref annotation says. */
  annotationRef: string;
  vmFailed: boolean;
}

interface UpgradePlan {
  name: string;
  image: string;
  phase: 'Completed' | 'Running';
  nodes: Array<{
    node: string;
    phase: 'Completed' | 'Running' | 'Pending';
    at: number;
  }>;
  startedAt: number;
}

interface ClusterPlan extends Omit<GeneratedCluster, 'nodes' | 'dnsRecords'> {
  index: number;
  teamInfo: Team;
  createdAt: number;
  cpCount: number;
  endpointIp: string;
  nodes: NodePlan[];
  upgrades: UpgradePlan[];
  generation: number;
}

function normalise(options: FleetGeneratorOptions) {
  const int = (value: number | undefined, fallback: number, min: number) => {
    const n = value === undefined ? fallback : Math.floor(value);
    if (!Number.isFinite(n) || n < min)
      throw new Error(`invalid fleet option value ${value}`);
    return n;
  };
  const baseTime = options.baseTime ?? DEFAULT_BASE_TIME;
  const baseMs = Date.parse(baseTime);
  if (Number.isNaN(baseMs))
    throw new Error(`baseTime "${baseTime}" is not an ISO time`);
  return {
    clusters: int(options.clusters, 12, 0),
    nodesPerCluster: int(options.nodesPerCluster, 3, 1),
    recordsPerCluster: int(options.recordsPerCluster, 4, 0),
    seed: options.seed ?? 1,
    baseTime,
    baseMs,
    faults: options.faults ?? {},
    digestInRegistryImage: options.digestInRegistryImage ?? false,
  };
}

/** Placeholder endpoints and tokens for a model generated without a running server. */
export function placeholderAccess(
  seed: number,
  clusterNames: string[],
): FleetAccess {
  return {
    baseUrl: 'https://fleet-simulator.invalid',
    closedBaseUrl: 'https://fleet-simulator.invalid:1',
    tokens: Object.fromEntries(
      clusterNames.map(n => [n, hashHex('token', seed, n).slice(0, 40)]),
    ),
  };
}

/** Cluster names in generation order: teams round-robin, each team's bases in turn. */
export function fleetClusterNames(
  count: number,
): Array<{ name: string; team: Team }> {
  const out: Array<{ name: string; team: Team }> = [];
  const perBase = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const team = TEAMS[i % TEAMS.length];
    const round = Math.floor(i / TEAMS.length);
    const base = team.bases[round % team.bases.length];
    const n = (perBase.get(base) ?? 0) + 1;
    perBase.set(base, n);
    out.push({ name: `${base}-${n}`, team });
  }
  return out;
}

/**
 * The demo fleet: ClusterDeployments and everything around them in the management cluster, each
 * child cluster's nodes and Kairos upgrades, and the bindy zones and records of the DNS cluster.
 * Pure: the same options give deep-equal objects (no clock, no Math.random).
 */
export function generateFleet(options: FleetGeneratorOptions = {}): FleetModel {
  const o = normalise(options);
  const rng = createRng(o.seed);
  const at = (offsetMinutes: number) => isoAt(o.baseMs, offsetMinutes);
  const named = fleetClusterNames(o.clusters);
  const access =
    options.access ??
    placeholderAccess(
      o.seed,
      named.map(n => n.name),
    );

  // Which cluster shows what: primary scenarios go to distinct clusters, overlays anywhere.
  const scenarios: ClusterScenario[][] = named.map(() => []);
  const order = rng.shuffle(named.map((_, i) => i));
  PRIMARY_SCENARIOS.forEach((s, i) => {
    if (i < order.length) scenarios[order[i]].push(s);
  });
  const healthy = order.slice(PRIMARY_SCENARIOS.length);
  healthy
    .slice(0, Math.ceil(named.length / 6))
    .forEach(i => scenarios[i].push('completed-upgrade'));
  const overlay = (name: ClusterScenario, share: number) =>
    rng
      .shuffle(named.map((_, i) => i))
      .slice(0, Math.ceil(named.length * share))
      .forEach(i => scenarios[i].push(name));
  overlay('dash-spelling', 0.25);
  overlay('available-upgrades', 0.25);
  if (o.recordsPerCluster > 0 && named.length > 0) {
    const dnsOrder = rng.shuffle(named.map((_, i) => i));
    DNS_SCENARIOS.forEach((s, i) =>
      scenarios[dnsOrder[i % dnsOrder.length]].push(s),
    );
  }
  scenarios.forEach(list => {
    if (!list.some(s => PRIMARY_SCENARIOS.includes(s))) list.unshift('healthy');
  });

  // VMImages: every namespace holds the same catalogue.
  const imageInfo = (key: ReleaseKey): ImageInfo => {
    const release = RELEASES[key];
    const tagRef = `${KAIROS_REPOSITORY}:${tagOf(release)}`;
    const digest = `sha256:${hashHex('kairos-image', o.seed, tagOf(release))}`;
    return {
      name: vmImageNameOf(release),
      release,
      tagRef,
      digest,
      reference: `${KAIROS_REPOSITORY}@${digest}`,
    };
  };
  const images: Record<ReleaseKey, ImageInfo> = {
    previousOs: imageInfo('previousOs'),
    current: imageInfo('current'),
    olderK0s: imageInfo('olderK0s'),
    next: imageInfo('next'),
  };
  const unpinned: ImageInfo = {
    name: `${images.current.name}${UNPINNED_SUFFIX}`,
    release: RELEASES.current,
    tagRef: images.current.tagRef,
    reference: images.current.tagRef,
  };
  const allImages = [...Object.values(images), unpinned];

  const plans = named.map(({ name, team }, index) =>
    planCluster({
      name,
      team,
      index,
      scenarios: scenarios[index],
      nodesPerCluster: o.nodesPerCluster,
      images,
      unpinned,
      rng,
    }),
  );

  const mgmt: KubeObject[] = [];
  const dns: KubeObject[] = [];
  const children: Record<string, KubeObject[]> = {};
  const teamsUsed = TEAMS.filter(t => plans.some(p => p.teamInfo === t));

  mgmt.push(
    ...namespaces(
      [
        'default',
        'kube-system',
        'kcm-system',
        ...teamsUsed.map(t => t.namespace),
      ],
      at(-400 * DAY),
    ),
  );
  for (const team of teamsUsed) {
    mgmt.push(...teamCatalogue(team, at(-300 * DAY)));
    for (const image of allImages) {
      mgmt.push(
        vmImageObject(
          team.namespace,
          image,
          o.digestInRegistryImage,
          at(-60 * DAY),
        ),
      );
    }
  }
  for (const plan of plans) {
    mgmt.push(clusterDeployment(plan, at));
    mgmt.push(k0sControlPlane(plan, at));
    const secret = kubeconfigSecret({
      cluster: plan.name,
      namespace: plan.namespace,
      access,
      fault: o.faults[plan.name],
      creationTimestamp: at(-plan.createdAt + 20 * MINUTE),
    });
    if (secret) mgmt.push(secret);
    for (const node of plan.nodes) mgmt.push(virtualMachine(plan, node, at));
    children[plan.name] = [
      ...namespaces(
        [
          'default',
          'kube-system',
          'kube-public',
          'kube-node-lease',
          'kairos-operator-system',
        ],
        at(-plan.createdAt + 30 * MINUTE),
      ),
      ...plan.nodes.map(node => nodeObject(plan, node, o.seed, at)),
      ...plan.upgrades.map(u => nodeOpUpgrade(plan, u, at)),
    ];
  }

  // DNS: one zone per team, records per cluster.
  const dnsRecords = new Map<string, GeneratedCluster['dnsRecords']>();
  dns.push(
    ...namespaces(
      [
        'default',
        'kube-system',
        'bindy-system',
        ...teamsUsed.map(t => t.namespace),
      ],
      at(-400 * DAY),
    ),
  );
  const recordsByZone = new Map<string, KubeObject[]>();
  for (const plan of plans) {
    const records = dnsRecordObjects(plan, o.recordsPerCluster, at);
    dnsRecords.set(
      plan.name,
      records.map(r => {
        const ready = (r.status as any).conditions[0];
        return {
          kind: r.kind,
          namespace: r.metadata.namespace!,
          name: r.metadata.name,
          synced:
            ready.status === 'True' &&
            (r.status as any).observedGeneration === r.metadata.generation,
          reason: ready.reason,
        };
      }),
    );
    for (const record of records) {
      const zone = record.metadata.labels![ZONE_LABEL];
      const inZone = recordsByZone.get(zone) ?? [];
      inZone.push(record);
      recordsByZone.set(zone, inZone);
    }
    dns.push(...records);
  }
  for (const team of teamsUsed)
    dns.push(dnsZone(team, recordsByZone.get(team.zone) ?? [], at));

  const clusters: GeneratedCluster[] = plans.map(p => ({
    name: p.name,
    namespace: p.namespace,
    team: p.team,
    owner: p.owner,
    scenarios: p.scenarios,
    desiredK0sVersion: p.desiredK0sVersion,
    controlPlaneVersion: p.controlPlaneVersion,
    desiredVmImage: p.desiredVmImage,
    desiredImage: p.desiredImage,
    ready: p.ready,
    zone: p.zone,
    nodes: p.nodes.map(n => ({
      name: n.name,
      role: n.role,
      vmImage: n.vmImage,
      runningImage: n.runningImage,
      kubeletVersion: n.kubeletVersion,
      ready: n.ready,
      ip: n.ip,
    })),
    dnsRecords: dnsRecords.get(p.name) ?? [],
  }));

  const assignUids = (scope: string, objects: KubeObject[]) =>
    objects.forEach(obj => {
      obj.metadata.uid = stableUid(
        o.seed,
        scope,
        obj.apiVersion,
        obj.kind,
        obj.metadata.namespace ?? '',
        obj.metadata.name,
      );
    });
  assignUids('mgmt', mgmt);
  assignUids('dns', dns);
  Object.entries(children).forEach(([name, objects]) =>
    assignUids(`cluster:${name}`, objects),
  );

  return {
    seed: o.seed,
    baseTime: o.baseTime,
    clusters,
    images: teamsUsed.flatMap(t =>
      allImages.map(i => ({
        namespace: t.namespace,
        name: i.name,
        reference: i.reference,
        digest: i.digest,
      })),
    ),
    mgmt,
    dns,
    children,
  };
}

function planCluster(args: {
  name: string;
  team: Team;
  index: number;
  scenarios: ClusterScenario[];
  nodesPerCluster: number;
  images: Record<ReleaseKey, ImageInfo>;
  unpinned: ImageInfo;
  rng: ReturnType<typeof createRng>;
}): ClusterPlan {
  const { name, team, index, images, rng } = args;
  const has = (s: ClusterScenario) => args.scenarios.includes(s);
  const cpCount = args.nodesPerCluster >= 5 ? 3 : 1;
  const subnet = `10.${40 + (Math.floor(index / 250) % 200)}.${index % 250}`;
  const createdAt =
    (90 + index * 3 + rng.int(0, 2)) * DAY + rng.int(0, 600) * MINUTE;

  const nodes: NodePlan[] = [];
  for (let i = 0; i < args.nodesPerCluster; i++) {
    const role = i < cpCount ? 'control-plane' : 'worker';
    const current = images.current;
    nodes.push({
      index: i,
      name:
        role === 'control-plane'
          ? `${name}-cp-${i}`
          : `${name}-worker-${i - cpCount}`,
      role,
      vmImage: current.name,
      runningImage: current.reference,
      annotationRef: current.reference,
      release: current.release,
      initRelease: current.release,
      kubeletVersion: kubeletOf(current.release.k0s),
      ready: true,
      ip: `${subnet}.${10 + i}`,
      vmFailed: false,
    });
  }
  const workers = nodes.filter(n => n.role === 'worker');
  const lastWorker = workers[workers.length - 1] ?? nodes[nodes.length - 1];
  const installFrom = (node: NodePlan, image: ImageInfo) => {
    node.vmImage = image.name;
    node.runningImage = image.reference;
    node.annotationRef = image.reference;
    node.release = image.release;
    node.initRelease = image.release;
    node.kubeletVersion = kubeletOf(image.release.k0s);
  };

  let desiredK0sVersion = RELEASES.current.k0s;
  let controlPlaneVersion = RELEASES.current.k0s;
  let desiredImage = images.current;
  let ready = true;
  let generation = 1;
  const upgrades: UpgradePlan[] = [];

  if (has('node-image-drift')) installFrom(lastWorker, images.previousOs);
  if (has('kubelet-drift'))
    (workers.length ? workers : [nodes[0]]).forEach(n =>
      installFrom(n, images.olderK0s),
    );
  if (has('unknown-digest')) installFrom(lastWorker, args.unpinned);
  if (has('build-drift')) {
    desiredK0sVersion = 'v1.31.2+k0s.1';
    generation = 2;
  }
  if (has('not-ready')) {
    ready = false;
    lastWorker.ready = false;
    lastWorker.vmFailed = true;
  }
  if (has('completed-upgrade')) {
    nodes.forEach(n => installFrom(n, images.previousOs));
    const startedAt = 6 * DAY;
    upgrades.push({
      name: `upgrade-${images.current.name}`,
      image: images.current.reference,
      phase: 'Completed',
      startedAt,
      nodes: nodes.map((n, i) => ({
        node: n.name,
        phase: 'Completed',
        at: startedAt - (i + 1) * 12 * MINUTE,
      })),
    });
    nodes.forEach(n => {
      n.runningImage = images.current.reference;
      n.release = images.current.release;
    });
  }
  if (has('rollout-in-progress')) {
    desiredImage = images.next;
    const startedAt = 40 * MINUTE;
    upgrades.push({
      name: `upgrade-${images.next.name}`,
      image: images.next.reference,
      phase: 'Running',
      startedAt,
      // The control plane went first and is done, the next node is upgrading, the rest wait.
      nodes: nodes.map((n, i) => {
        if (i === 0)
          return { node: n.name, phase: 'Completed', at: 25 * MINUTE };
        if (i === 1) return { node: n.name, phase: 'Running', at: 5 * MINUTE };
        return { node: n.name, phase: 'Pending', at: startedAt };
      }),
    });
    nodes[0].runningImage = images.next.reference;
    nodes[0].release = images.next.release;
  }
  if (has('dash-spelling'))
    controlPlaneVersion = controlPlaneVersion.replace('+k0s.', '-k0s.');

  return {
    index,
    name,
    namespace: team.namespace,
    team: team.team,
    owner: team.owner,
    teamInfo: team,
    scenarios: args.scenarios,
    desiredK0sVersion,
    controlPlaneVersion,
    desiredVmImage: desiredImage.name,
    desiredImage: desiredImage.reference,
    ready,
    zone: team.zone,
    createdAt,
    cpCount,
    endpointIp: `${subnet}.5`,
    nodes,
    upgrades,
    generation,
  };
}

function namespaces(names: string[], created: string): KubeObject[] {
  return names.map(name => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      creationTimestamp: created,
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}

function teamCatalogue(team: Team, created: string): KubeObject[] {
  const template = (name: string, version: string): KubeObject => ({
    apiVersion: apiVersionOf(TYPES.clusterTemplate),
    kind: 'ClusterTemplate',
    metadata: {
      name,
      namespace: team.namespace,
      creationTimestamp: created,
      generation: 1,
      labels: { 'k0rdent.mirantis.com/component': 'kcm' },
    },
    spec: {
      helm: { chartRef: { kind: 'HelmChart', name, namespace: 'kcm-system' } },
    },
    status: {
      valid: true,
      chartVersion: version,
      description: 'A KCM cluster vsphere-standalone-cp template',
      k8sVersion: 'v1.31.2',
      providers: [
        'infrastructure-vsphere',
        'bootstrap-k0sproject-k0smotron',
        'control-plane-k0sproject-k0smotron',
      ],
      chartRef: { kind: 'HelmChart', name, namespace: 'kcm-system' },
      observedGeneration: 1,
    },
  });
  return [
    template(CURRENT_TEMPLATE, '1.0.42'),
    template(NEXT_TEMPLATE, '1.0.43'),
    {
      apiVersion: apiVersionOf(TYPES.credential),
      kind: 'Credential',
      metadata: {
        name: 'vsphere-cluster-identity-cred',
        namespace: team.namespace,
        creationTimestamp: created,
        generation: 1,
      },
      spec: {
        description: 'vSphere credentials',
        identityRef: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
          kind: 'VSphereClusterIdentity',
          name: 'vsphere-cluster-identity',
        },
      },
      status: {
        ready: true,
        conditions: [
          condition(
            'CredentialReady',
            'True',
            'Succeeded',
            'Credential is ready',
            created,
          ),
        ],
      },
    },
  ];
}

function vmImageObject(
  namespace: string,
  image: ImageInfo,
  digestInRegistryImage: boolean,
  created: string,
): KubeObject {
  const pinned = image.digest !== undefined;
  return {
    apiVersion: apiVersionOf(TYPES.vmImage),
    kind: 'VMImage',
    metadata: {
      name: image.name,
      namespace,
      creationTimestamp: created,
      generation: 1,
      labels: {
        'app.kubernetes.io/managed-by': 'fleet-portal',
        'kairos.io/release': image.release.kairos,
        'kairos.io/software-version': sanitize(image.release.k0s),
      },
      annotations:
        pinned && !digestInRegistryImage
          ? { [IMAGE_REF_ANNOTATION]: image.reference }
          : {},
    },
    spec: {
      source: {
        registry: {
          image:
            pinned && digestInRegistryImage ? image.reference : image.tagRef,
          format: 'qcow2',
        },
      },
      distribution: { name: 'ubuntu', version: '24.04', family: 'linux' },
      metadata: {
        displayName: `Kairos ${image.release.kairos} Ubuntu 24.04 with k0s ${image.release.k0s}`,
        version: image.release.kairos,
        architecture: 'amd64',
        tags: { os: 'kairos', k0s: sanitize(image.release.k0s) },
      },
    },
    status: {
      phase: 'Ready',
      ready: true,
      format: 'qcow2',
      availableOn: ['vsphere-dc1'],
      observedGeneration: 1,
      conditions: [
        condition(
          'Ready',
          'True',
          'ImageReady',
          'Image is available on all providers',
          created,
        ),
      ],
    },
  };
}

function clusterDeployment(
  plan: ClusterPlan,
  at: (m: number) => string,
): KubeObject {
  const created = at(-plan.createdAt);
  const settled = at(-plan.createdAt + 35 * MINUTE);
  const workers = plan.nodes.length - plan.cpCount;
  const has = (s: ClusterScenario) => plan.scenarios.includes(s);
  const failedNode = plan.nodes.find(n => !n.ready);
  const readyCondition = plan.ready
    ? condition('Ready', 'True', 'Succeeded', 'Object is ready', settled)
    : condition(
        'Ready',
        'False',
        'Failed',
        `CAPIClusterSummary: 1 of ${plan.nodes.length} machines are not ready: machine ${failedNode?.name} (VirtualMachine phase Failed)`,
        at(-3 * HOUR),
      );
  const status: Record<string, unknown> = {
    observedGeneration: plan.generation,
    conditions: [
      condition(
        'CredentialReady',
        'True',
        'Succeeded',
        'Credential is ready',
        settled,
      ),
      condition(
        'TemplateReady',
        'True',
        'Succeeded',
        'Template is valid',
        settled,
      ),
      condition(
        'HelmChartReady',
        'True',
        'Succeeded',
        'Helm chart is valid',
        settled,
      ),
      condition(
        'HelmReleaseReady',
        'True',
        'Succeeded',
        'Helm install succeeded',
        settled,
      ),
      plan.ready
        ? condition(
            'CAPIClusterSummary',
            'True',
            'Succeeded',
            'Cluster is ready',
            settled,
          )
        : condition(
            'CAPIClusterSummary',
            'False',
            'Failed',
            `machine ${failedNode?.name}: NodeHealthy False`,
            at(-3 * HOUR),
          ),
      condition('ServicesInReadyState', 'True', 'Succeeded', '0/0', settled),
      readyCondition,
    ],
  };
  if (has('available-upgrades')) status.availableUpgrades = [NEXT_TEMPLATE];
  return {
    apiVersion: apiVersionOf(TYPES.clusterDeployment),
    kind: 'ClusterDeployment',
    metadata: {
      name: plan.name,
      namespace: plan.namespace,
      creationTimestamp: created,
      generation: plan.generation,
      labels: {
        'app.kubernetes.io/managed-by': 'fleet-portal',
        'fleetportal.io/template': 'k0s-cluster',
        'fleetportal.io/team': plan.team,
      },
      annotations: {
        [DESIRED_IMAGE_ANNOTATION]: plan.desiredVmImage,
        [OWNER_ANNOTATION]: plan.owner,
        'fleetportal.io/requester': `user:default/${plan.team}-lead`,
      },
      finalizers: ['k0rdent.mirantis.com/cluster-deployment'],
    },
    spec: {
      template: CURRENT_TEMPLATE,
      credential: 'vsphere-cluster-identity-cred',
      propagateCredentials: true,
      config: {
        controlPlaneNumber: plan.cpCount,
        workersNumber: workers,
        clusterLabels: {
          'fleetportal.io/team': plan.team,
          'fleetportal.io/cluster': plan.name,
        },
        clusterAnnotations: { [OWNER_ANNOTATION]: plan.owner },
        clusterIdentity: { name: 'vsphere-cluster-identity' },
        controlPlaneEndpointIP: plan.endpointIp,
        vsphere: {
          server: 'vcenter.dc1.fleet.example.internal',
          datacenter: 'DC1',
          datastore: 'vsanDatastore',
          resourcePool: `/DC1/host/compute-a/Resources/${plan.team}`,
          folder: `/DC1/vm/fleet/${plan.team}`,
          thumbprint:
            '3C:58:2B:61:7A:0E:91:D4:55:0F:AB:7E:12:C9:83:6D:4A:27:9B:E0',
        },
        controlPlane: {
          cpus: 4,
          memory: 8192,
          rootVolumeSize: 60,
          network: 'fleet-net',
          vmTemplate: `/DC1/vm/templates/${plan.desiredVmImage}`,
          ssh: {
            user: 'kairos',
            publicKey:
              'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFleetPortalSimulatorKey fleet-portal',
          },
        },
        worker: {
          cpus: 8,
          memory: 16384,
          rootVolumeSize: 120,
          network: 'fleet-net',
          vmTemplate: `/DC1/vm/templates/${plan.desiredVmImage}`,
          ssh: {
            user: 'kairos',
            publicKey:
              'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFleetPortalSimulatorKey fleet-portal',
          },
        },
        k0s: { version: plan.desiredK0sVersion, arch: 'amd64' },
      },
    },
    status,
  };
}

function k0sControlPlane(
  plan: ClusterPlan,
  at: (m: number) => string,
): KubeObject {
  const cpNodes = plan.nodes.filter(n => n.role === 'control-plane');
  const readyCount = cpNodes.filter(n => n.ready).length;
  const settled = at(-plan.createdAt + 30 * MINUTE);
  return {
    apiVersion: apiVersionOf(TYPES.k0sControlPlane),
    kind: 'K0sControlPlane',
    metadata: {
      name: `${plan.name}-cp`,
      namespace: plan.namespace,
      creationTimestamp: at(-plan.createdAt + 2 * MINUTE),
      generation: plan.generation,
      labels: { 'cluster.x-k8s.io/cluster-name': plan.name },
      ownerReferences: [
        {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'Cluster',
          name: plan.name,
          uid: stableUid('capi-cluster', plan.namespace, plan.name),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: plan.cpCount,
      version: plan.desiredK0sVersion,
      updateStrategy: 'InPlace',
      k0sConfigSpec: {
        args: ['--enable-worker', '--no-taints'],
        k0s: {
          apiVersion: 'k0s.k0sproject.io/v1beta1',
          kind: 'ClusterConfig',
          metadata: { name: 'k0s' },
          spec: {
            api: { extraArgs: { 'anonymous-auth': 'false' } },
            network: { provider: 'calico' },
          },
        },
      },
      machineTemplate: {
        infrastructureRef: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
          kind: 'VSphereMachineTemplate',
          name: `${plan.name}-cp-mt`,
          namespace: plan.namespace,
        },
      },
    },
    status: {
      version: plan.controlPlaneVersion,
      replicas: plan.cpCount,
      readyReplicas: readyCount,
      availableReplicas: readyCount,
      upToDateReplicas: plan.scenarios.includes('build-drift')
        ? 0
        : plan.cpCount,
      selector: `cluster.x-k8s.io/cluster-name=${plan.name}`,
      initialization: { controlPlaneInitialized: true },
      conditions: [condition('Available', 'True', 'Available', '', settled)],
    },
  };
}

function virtualMachine(
  plan: ClusterPlan,
  node: NodePlan,
  at: (m: number) => string,
): KubeObject {
  const created = at(-plan.createdAt + (5 + node.index) * MINUTE);
  const running = at(-plan.createdAt + (12 + node.index) * MINUTE);
  return {
    apiVersion: apiVersionOf(TYPES.virtualMachine),
    kind: 'VirtualMachine',
    metadata: {
      name: node.name,
      namespace: plan.namespace,
      creationTimestamp: created,
      generation: 1,
      labels: {
        [CLUSTER_LABEL]: plan.name,
        'fleetportal.io/pool':
          node.role === 'control-plane' ? 'control-plane' : 'workers',
        'app.kubernetes.io/managed-by': 'fleet-portal',
        'cluster.x-k8s.io/cluster-name': plan.name,
      },
    },
    spec: {
      providerRef: { name: 'vsphere-dc1' },
      classRef: {
        name:
          node.role === 'control-plane'
            ? 'kairos-cp-medium'
            : 'kairos-worker-large',
      },
      imageRef: { name: node.vmImage },
      powerState: 'On',
      networks: [
        {
          name: 'primary',
          networkRef: { name: 'fleet-net' },
          ipAddress: node.ip,
          prefix: 24,
        },
      ],
      disks: [
        {
          name: 'data',
          sizeGiB: node.role === 'control-plane' ? 60 : 120,
          type: 'thin',
        },
      ],
      userData: {
        cloudInit: { secretRef: { name: `${node.name}-cloud-config` } },
      },
      tags: ['fleet-portal', plan.team, plan.name],
    },
    status: node.vmFailed
      ? {
          phase: 'Failed',
          powerState: 'Off',
          observedGeneration: 1,
          id: `vm-${hashHex('vm', plan.name, node.name).slice(0, 6)}`,
          ips: [],
          message:
            'vSphere task PowerOnVM_Task failed: insufficient resources on host esx-07',
          conditions: [
            condition(
              'Ready',
              'False',
              'ProviderError',
              'PowerOnVM_Task failed: insufficient resources',
              at(-3 * HOUR),
            ),
          ],
        }
      : {
          phase: 'Running',
          powerState: 'On',
          observedGeneration: 1,
          id: `vm-${hashHex('vm', plan.name, node.name).slice(0, 6)}`,
          ips: [node.ip],
          conditions: [
            condition(
              'Ready',
              'True',
              'Running',
              'VirtualMachine is running',
              running,
            ),
          ],
        },
  };
}

function nodeObject(
  plan: ClusterPlan,
  node: NodePlan,
  seed: number,
  at: (m: number) => string,
): KubeObject {
  const created = at(-plan.createdAt + (14 + node.index) * MINUTE);
  const heartbeat = at(-1);
  const uuid = stableUid('node', seed, plan.name, node.name);
  const r = node.release;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    'node.k0sproject.io/role':
      node.role === 'control-plane' ? 'control-plane' : 'worker',
    [node.role === 'control-plane'
      ? 'node-role.kubernetes.io/control-plane'
      : 'node-role.kubernetes.io/worker']: '',
    'kairos.io/managed': 'true',
    'kairos.io/release': r.kairos,
    'kairos.io/flavor': 'ubuntu',
    'kairos.io/flavor-release': '24.04',
    'kairos.io/variant': 'standard',
    'kairos.io/model': 'generic',
    'kairos.io/arch': 'amd64',
    'kairos.io/software-version': sanitize(r.k0s),
    'kairos.io/software-version-prefix': 'k0s',
    'kairos.io/boot-state': 'active_boot',
    'kairos.io/trusted-boot': 'false',
    'kairos.io/fips': 'false',
  };
  const conditions = node.ready
    ? [
        [
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ],
        [
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
        ],
        [
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ],
        ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
      ].map(([type, status, reason, message]) => ({
        type,
        status,
        reason,
        message,
        lastHeartbeatTime: heartbeat,
        lastTransitionTime: at(-plan.createdAt + (16 + node.index) * MINUTE),
      }))
    : ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map(type => ({
        type,
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastHeartbeatTime: at(-3 * HOUR - 2),
        lastTransitionTime: at(-3 * HOUR),
      }));
  const memory = node.role === 'control-plane' ? '8147440Ki' : '16393208Ki';
  const cpu = node.role === 'control-plane' ? '4' : '8';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      creationTimestamp: created,
      labels,
      annotations: {
        'kairos.io/version': r.kairos,
        'kairos.io/name': `kairos-ubuntu-24.04-standard-amd64-generic-${r.kairos}-k0s-${r.k0s}`,
        'kairos.io/init-version': node.initRelease.kairos,
        [IMAGE_REF_ANNOTATION]: node.annotationRef,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${node.index}.0/24`,
      podCIDRs: [`10.244.${node.index}.0/24`],
      providerID: `vsphere://${uuid}`,
      ...(node.ready
        ? {}
        : {
            taints: [
              {
                key: 'node.kubernetes.io/unreachable',
                effect: 'NoSchedule',
                timeAdded: at(-3 * HOUR),
              },
              {
                key: 'node.kubernetes.io/unreachable',
                effect: 'NoExecute',
                timeAdded: at(-3 * HOUR + 1),
              },
            ],
          }),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: node.ip },
        { type: 'Hostname', address: node.name },
      ],
      capacity: { cpu, 'ephemeral-storage': '61255492Ki', memory, pods: '110' },
      allocatable: {
        cpu,
        'ephemeral-storage': '56453061334',
        memory,
        pods: '110',
      },
      conditions,
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: stableUid('boot', seed, plan.name, node.name, r.kairos),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-51-generic',
        kubeProxyVersion: node.kubeletVersion,
        kubeletVersion: node.kubeletVersion,
        machineID: hashHex('machine', seed, plan.name, node.name).slice(0, 32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
        systemUUID: uuid,
      },
    },
  };
}

const NODE_STATUS_MESSAGES = {
  Completed: 'Job completed successfully',
  Running: 'Upgrade job is running',
  Pending: 'Waiting for the previous node to finish',
} as const;

function nodeOpUpgrade(
  plan: ClusterPlan,
  upgrade: UpgradePlan,
  at: (m: number) => string,
): KubeObject {
  const nodeStatuses: Record<string, unknown> = {};
  for (const n of upgrade.nodes) {
    nodeStatuses[n.node] = {
      phase: n.phase,
      message: NODE_STATUS_MESSAGES[n.phase],
      lastUpdated: at(-n.at),
      jobName: `${upgrade.name}-${n.node}`.slice(0, 63).replace(/-+$/, ''),
      ...(n.phase === 'Completed' ? { rebootStatus: 'completed' } : {}),
    };
  }
  const last = Math.min(...upgrade.nodes.map(n => n.at));
  return {
    apiVersion: apiVersionOf(TYPES.nodeOpUpgrade),
    kind: 'NodeOpUpgrade',
    metadata: {
      name: upgrade.name,
      namespace: 'default',
      creationTimestamp: at(-upgrade.startedAt),
      generation: 1,
      labels: {
        [CLUSTER_LABEL]: plan.name,
        'app.kubernetes.io/managed-by': 'fleet-portal',
      },
    },
    spec: {
      image: upgrade.image,
      concurrency: 1,
      stopOnFailure: true,
      upgradeActive: true,
      upgradeRecovery: false,
      force: false,
      nodeSelector: { matchLabels: { 'kairos.io/managed': 'true' } },
    },
    status: {
      phase: upgrade.phase,
      message:
        upgrade.phase === 'Completed'
          ? 'Upgrade operation completed successfully'
          : 'Upgrade operation is running',
      nodeOpName: upgrade.name,
      lastUpdated: at(-last),
      nodeStatuses,
    },
  };
}

type RecordTemplate = (args: {
  cluster: string;
  zone: string;
  plan: ClusterPlan;
  i: number;
}) => {
  kind: string;
  suffix: string;
  spec: Record<string, unknown>;
};

const RECORD_TEMPLATES: RecordTemplate[] = [
  ({ cluster, plan }) => ({
    kind: 'ARecord',
    suffix: 'api',
    spec: {
      name: `api.${cluster}`,
      ipv4Addresses: [plan.endpointIp],
      ttl: 300,
    },
  }),
  ({ cluster, zone }) => ({
    kind: 'CNAMERecord',
    suffix: 'grafana',
    spec: {
      name: `grafana.${cluster}`,
      target: `ingress.${cluster}.${zone}.`,
      ttl: 300,
    },
  }),
  ({ cluster, plan }) => ({
    kind: 'TXTRecord',
    suffix: 'owner',
    spec: {
      name: `_owner.${cluster}`,
      text: [`owner=${plan.owner}`, `cluster=${cluster}`],
      ttl: 3600,
    },
  }),
  ({ cluster, plan }) => ({
    kind: 'ARecord',
    suffix: 'ingress',
    spec: {
      name: `ingress.${cluster}`,
      ipv4Addresses: (plan.nodes.filter(n => n.role === 'worker').length
        ? plan.nodes.filter(n => n.role === 'worker')
        : plan.nodes
      ).map(n => n.ip),
      ttl: 300,
    },
  }),
  ({ cluster, plan }) => ({
    kind: 'AAAARecord',
    suffix: 'api-v6',
    spec: {
      name: `api.${cluster}`,
      ipv6Addresses: [`fd00:40:${plan.index.toString(16)}::5`],
      ttl: 300,
    },
  }),
  ({ cluster, zone }) => ({
    kind: 'SRVRecord',
    suffix: 'etcd-srv',
    spec: {
      name: `_etcd-server-ssl._tcp.${cluster}`,
      priority: 0,
      weight: 10,
      port: 2380,
      target: `api.${cluster}.${zone}.`,
      ttl: 300,
    },
  }),
  ({ cluster, zone }) => ({
    kind: 'MXRecord',
    suffix: 'mx',
    spec: {
      name: cluster,
      priority: 10,
      mailServer: `mx1.${zone}.`,
      ttl: 3600,
    },
  }),
  ({ cluster, plan, i }) => ({
    kind: 'ARecord',
    suffix: `svc-${i}`,
    spec: {
      name: `svc-${i}.${cluster}`,
      ipv4Addresses: [plan.nodes[i % plan.nodes.length].ip],
      ttl: 300,
    },
  }),
];

function dnsRecordObjects(
  plan: ClusterPlan,
  count: number,
  at: (m: number) => string,
): KubeObject[] {
  const has = (s: ClusterScenario) => plan.scenarios.includes(s);
  // The record each DNS scenario breaks, counted from the last.
  const broken = new Map<number, ClusterScenario>();
  (
    [
      'dns-zone-not-found',
      'dns-reconcile-failed',
      'dns-stale-generation',
    ] as ClusterScenario[]
  )
    .filter(has)
    .forEach((s, k) => broken.set(Math.max(0, count - 1 - k), s));

  const out: KubeObject[] = [];
  for (let i = 0; i < count; i++) {
    const template = RECORD_TEMPLATES[Math.min(i, RECORD_TEMPLATES.length - 1)];
    const { kind, suffix, spec } = template({
      cluster: plan.name,
      zone: plan.zone,
      plan,
      i,
    });
    const problem = broken.get(i);
    const zone = problem === 'dns-zone-not-found' ? MISSING_ZONE : plan.zone;
    const generation = problem === 'dns-stale-generation' ? 3 : 1;
    const created = at(-plan.createdAt + 40 * MINUTE + i);
    const zoneRef = {
      apiVersion: apiVersionOf(TYPES.dnsZone),
      kind: 'DNSZone',
      name: zoneObjectName(plan.zone),
      namespace: plan.namespace,
      zoneName: plan.zone,
      lastReconciledAt: at(-10 * MINUTE),
    };
    const common = {
      publishedName: spec.name,
      recordHash: hashHex('record', JSON.stringify(spec)),
      ...(kind === 'ARecord'
        ? { addresses: (spec.ipv4Addresses as string[]).join(',') }
        : {}),
      ...(kind === 'AAAARecord'
        ? { addresses: (spec.ipv6Addresses as string[]).join(',') }
        : {}),
    };
    let status: Record<string, unknown>;
    if (problem === 'dns-zone-not-found') {
      status = {
        observedGeneration: generation,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'ZoneNotFound',
            message: `No DNSZone in namespace ${plan.namespace} selects this record (${ZONE_LABEL}=${MISSING_ZONE})`,
            lastTransitionTime: created,
          },
        ],
      };
    } else if (problem === 'dns-reconcile-failed') {
      status = {
        ...common,
        publishedName: null,
        observedGeneration: generation,
        zone: plan.zone,
        zoneRef,
        lastUpdated: null,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'ReconcileFailed',
            message:
              'dynamic update to bind9-primary-0.bindy-system:53 failed: REFUSED',
            lastTransitionTime: at(-2 * HOUR),
          },
        ],
      };
    } else {
      status = {
        ...common,
        observedGeneration:
          problem === 'dns-stale-generation' ? generation - 1 : generation,
        zone: plan.zone,
        zoneRef,
        lastUpdated:
          problem === 'dns-stale-generation'
            ? at(-3 * DAY)
            : at(-10 * MINUTE - i),
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'ReconcileSucceeded',
            message: `Record published to zone ${plan.zone}`,
            lastTransitionTime:
              problem === 'dns-stale-generation'
                ? at(-3 * DAY)
                : at(-plan.createdAt + 41 * MINUTE),
          },
        ],
      };
    }
    out.push({
      apiVersion: apiVersionOf(TYPES.aRecord),
      kind,
      metadata: {
        name: `${plan.name}-${suffix}`,
        namespace: plan.namespace,
        creationTimestamp: created,
        generation,
        labels: {
          [ZONE_LABEL]: zone,
          [CLUSTER_LABEL]: plan.name,
          'app.kubernetes.io/managed-by': 'fleet-portal',
        },
      },
      spec,
      status,
    });
  }
  return out;
}

function zoneObjectName(zone: string): string {
  return zone.replace(/\./g, '-');
}

function dnsZone(
  team: Team,
  records: KubeObject[],
  at: (m: number) => string,
): KubeObject {
  return {
    apiVersion: apiVersionOf(TYPES.dnsZone),
    kind: 'DNSZone',
    metadata: {
      name: zoneObjectName(team.zone),
      namespace: team.namespace,
      creationTimestamp: at(-300 * DAY),
      generation: 1,
      labels: {
        'app.kubernetes.io/managed-by': 'fleet-portal',
        'fleetportal.io/team': team.team,
      },
    },
    spec: {
      zoneName: team.zone,
      clusterRef: 'bind9-primary',
      ttl: 3600,
      soaRecord: {
        primaryNs: 'ns1.fleet.example.com.',
        adminEmail: 'hostmaster.fleet.example.com.',
        serial: 2026011501,
        refresh: 3600,
        retry: 600,
        expire: 604800,
        negativeTtl: 300,
      },
      nameServers: [
        { hostname: 'ns1.fleet.example.com.', ipv4Address: '10.96.0.53' },
        { hostname: 'ns2.fleet.example.com.', ipv4Address: '10.96.0.54' },
      ],
      recordsFrom: [{ selector: { matchLabels: { [ZONE_LABEL]: team.zone } } }],
    },
    status: {
      observedGeneration: 1,
      recordsCount: records.length,
      bind9InstancesCount: 2,
      bind9Instances: ['bind9-primary-0', 'bind9-secondary-0'].map(name => ({
        apiVersion: 'bindy.firestoned.io/v1beta1',
        kind: 'Bind9Instance',
        name,
        namespace: 'bindy-system',
        status: 'Configured',
        lastReconciledAt: at(-10 * MINUTE),
      })),
      records: records.map(r => {
        const synced = (r.status as any).lastUpdated
          ? (r.status as any).lastUpdated
          : null;
        return {
          apiVersion: r.apiVersion,
          kind: r.kind,
          name: r.metadata.name,
          namespace: r.metadata.namespace,
          recordName: (r.spec as any).name,
          lastReconciledAt: synced,
        };
      }),
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconcileSucceeded',
          message: `Zone ${team.zone} configured on 2 instances`,
          lastTransitionTime: at(-300 * DAY + 5),
        },
      ],
    },
  };
}
