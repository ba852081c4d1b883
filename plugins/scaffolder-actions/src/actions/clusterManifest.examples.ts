import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

function step(name: string, input: Record<string, unknown>): string {
  return stringify({
    steps: [{ id: 'cluster', action: 'fleet:cluster:manifest', name, input }],
  });
}

export const clusterManifestExamples: TemplateExample[] = [
  {
    description:
      'A vSphere cluster with three control-plane and two worker nodes running a pinned Kairos image',
    example: step('ClusterDeployment for prod-eu1', {
      name: 'prod-eu1',
      namespace: 'kcm-system',
      template: 'vsphere-standalone-cp-1-0-42',
      credential: 'vsphere-prod-credential',
      controlPlaneNumber: 3,
      workersNumber: 2,
      k0sVersion: 'v1.31.2+k0s.0',
      clusterLabels: { env: 'prod', region: 'eu1' },
      vmImage: 'kairos-k0s-v3-2-1',
      owner: 'group:default/platform-team',
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
          vmTemplate: 'kairos-template',
          network: 'VM Network',
          cpus: 4,
          memory: 8192,
        },
        worker: {
          vmTemplate: 'kairos-template',
          network: 'VM Network',
          cpus: 8,
          memory: 16384,
        },
      },
    }),
  },
  {
    description:
      'An OpenStack cluster whose chart requires identityRef, clusterIdentity and worker/controlPlane flavors',
    example: step('ClusterDeployment for lab-os1', {
      name: 'lab-os1',
      namespace: 'kcm-system',
      template: 'openstack-standalone-cp-1-0-46',
      credential: 'openstack-lab-credential',
      controlPlaneNumber: 1,
      workersNumber: 3,
      k0sVersion: 'v1.32.1+k0s.0',
      provider: {
        clusterIdentity: { name: 'openstack-cloud-config' },
        identityRef: { cloudName: 'openstack', region: 'RegionOne' },
        controlPlane: {
          flavor: 'm1.large',
          image: { filter: { name: 'kairos-k0s' } },
        },
        worker: {
          flavor: 'm1.xlarge',
          image: { filter: { name: 'kairos-k0s' } },
        },
      },
    }),
  },
  {
    description:
      'Adopting an existing cluster: the adopted-cluster chart has no node counts or k0s values',
    example: step('ClusterDeployment adopting legacy-1', {
      name: 'legacy-1',
      namespace: 'kcm-system',
      template: 'adopted-cluster-1-0-2',
      credential: 'legacy-1-kubeconfig-credential',
      clusterLabels: { env: 'legacy' },
      owner: 'group:default/platform-team',
    }),
  },
];
