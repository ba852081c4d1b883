/** Realistic form values per template, as a user would enter them. */
export const IMAGE_REFERENCE =
  'quay.io/kairos/ubuntu@sha256:4f8e7d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6';
const OPS_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPz3q9Dz2Wul2uEi9yWUgPlO1Q57dVM0vc5/mCLhJCcm ops@fleet';

export const TEMPLATE_VALUES: Record<string, Record<string, unknown>> = {
  'new-cluster': {
    name: 'prod-eu1',
    namespace: 'kcm-system',
    owner: 'group:default/platform-team',
    environment: 'prod',
    template: 'vsphere-standalone-cp-1-0-42',
    credential: 'vsphere-prod-credential',
    controlPlaneNumber: 3,
    workersNumber: 2,
    k0sVersion: 'v1.32.8+k0s.0',
    vmImage: 'kairos-k0s-v3-2-1',
    provider: {
      controlPlaneEndpointIP: '10.20.0.10',
      clusterIdentity: { name: 'vsphere-prod-identity' },
      vsphere: {
        server: 'vcenter.example.com',
        datacenter: 'DC1',
        datastore: 'ds-prod',
        resourcePool: '/DC1/host/prod/Resources',
        folder: '/DC1/vm/fleet',
        thumbprint: 'AA:BB:CC:DD',
      },
      controlPlane: {
        vmTemplate: 'kairos-k0s-template',
        network: 'VM Network',
        cpus: 4,
        memory: 8192,
      },
      worker: {
        vmTemplate: 'kairos-k0s-template',
        network: 'VM Network',
        cpus: 8,
        memory: 16384,
      },
    },
  },
  'register-kairos-image': {
    name: 'kairos-k0s-v3-2-1',
    namespace: 'fleet-vms',
    image: IMAGE_REFERENCE,
    version: 'v3.2.1',
    displayName: 'Kairos 3.2.1 (Ubuntu 24.04, k0s)',
    format: 'qcow2',
    architecture: 'amd64',
  },
  'new-kairos-vm': {
    cluster: 'prod-eu1',
    namespace: 'fleet-vms',
    name: 'prod-eu1-worker',
    count: 3,
    role: 'worker',
    provider: 'vsphere-prod',
    vmClass: 'medium',
    // The image reference is read from this VMImage, registered by register-kairos-image.
    image: 'kairos-k0s-v3-2-1',
    networkRef: 'prod-vlan20',
    address: '10.20.0.21/24',
    gateway: '10.20.0.1',
    dns: ['10.20.0.2'],
    sshAuthorizedKeys: [OPS_KEY],
  },
  'dns-zone': {
    zone: 'prod-eu1.example.com',
    namespace: 'dns-system',
    cluster: 'prod-eu1',
    clusterRef: 'bind9-primary',
    primaryNs: 'ns1.example.com',
    adminEmail: 'hostmaster@example.com',
    ttl: 3600,
    records: [{ type: 'A', name: 'api', addresses: ['10.20.0.10'], ttl: 300 }],
  },
  'dns-records': {
    zone: 'prod-eu1.example.com',
    namespace: 'dns-system',
    cluster: 'prod-eu1',
    records: [
      {
        type: 'CNAME',
        name: 'console',
        target: 'ingress.prod-eu1.example.com',
      },
      { type: 'TXT', name: '_fleet', text: ['owner=platform-team'] },
    ],
  },
  'k0s-upgrade': {
    cluster: 'prod-eu1',
    namespace: 'kcm-system',
    k0sVersion: 'v1.33.4+k0s.0',
  },
  'upgrade-cluster-template': {
    cluster: 'prod-eu1',
    namespace: 'kcm-system',
    template: 'vsphere-standalone-cp-1-0-43',
  },
  'scale-cluster': {
    cluster: 'prod-eu1',
    namespace: 'kcm-system',
    management: 'mgmt',
    workersNumber: 5,
  },
  'decommission-cluster': {
    cluster: 'prod-eu1',
    namespace: 'kcm-system',
    confirm: true,
  },
};

/** Creation templates in an order where each one's prerequisites are merged before it runs. */
export const CREATION_ORDER = [
  'new-cluster',
  'register-kairos-image',
  'new-kairos-vm',
  'dns-zone',
  'dns-records',
];
export const DAY2_TEMPLATES = [
  'k0s-upgrade',
  'upgrade-cluster-template',
  'scale-cluster',
  'decommission-cluster',
];

/** Paths each template is expected to change, given the creation templates before it are merged. */
export const EXPECTED_FILES: Record<string, string[]> = {
  'new-cluster': ['clusters/kcm-system/prod-eu1/clusterdeployment.yaml'],
  'register-kairos-image': ['images/fleet-vms/kairos-k0s-v3-2-1.yaml'],
  'new-kairos-vm': [
    'vms/fleet-vms/prod-eu1/prod-eu1-worker-1.yaml',
    'vms/fleet-vms/prod-eu1/prod-eu1-worker-2.yaml',
    'vms/fleet-vms/prod-eu1/prod-eu1-worker-3.yaml',
  ],
  'dns-zone': [
    'dns/prod-eu1.example.com/arecord-api-prod-eu1-example-com.yaml',
    'dns/prod-eu1.example.com/zone.yaml',
  ],
  'dns-records': [
    'dns/prod-eu1.example.com/cnamerecord-console-prod-eu1-example-com.yaml',
    'dns/prod-eu1.example.com/txtrecord-fleet-prod-eu1-example-com.yaml',
  ],
  'k0s-upgrade': ['clusters/kcm-system/prod-eu1/clusterdeployment.yaml'],
  'upgrade-cluster-template': [
    'clusters/kcm-system/prod-eu1/clusterdeployment.yaml',
  ],
  'scale-cluster': ['clusters/kcm-system/prod-eu1/clusterdeployment.yaml'],
  'decommission-cluster': [
    'clusters/kcm-system/prod-eu1/clusterdeployment.yaml',
    'vms/fleet-vms/prod-eu1/prod-eu1-worker-1.yaml',
    'vms/fleet-vms/prod-eu1/prod-eu1-worker-2.yaml',
    'vms/fleet-vms/prod-eu1/prod-eu1-worker-3.yaml',
  ],
};
