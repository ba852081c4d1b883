import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

function step(name: string, input: Record<string, unknown>): string {
  return stringify({
    steps: [{ id: 'vms', action: 'fleet:vm:manifest', name, input }],
  });
}

const OPS_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPz3q9Dz2Wul2uEi9yWUgPlO1Q57dVM0vc5/mCLhJCcm ops@fleet';
const IMAGE =
  'quay.io/kairos/ubuntu@sha256:4f8e7d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6';

export const vmManifestExamples: TemplateExample[] = [
  {
    description:
      'A pool of three workers with static addresses 10.20.0.21-23; the imageReference given must be the one VMImage kairos-k0s-v3-2-1 pins, when the checkout holds it',
    example: step('Worker pool for prod-eu1', {
      cluster: 'prod-eu1',
      namespace: 'fleet-vms',
      name: 'prod-eu1-worker',
      count: 3,
      role: 'worker',
      provider: 'vsphere-prod',
      vmClass: 'medium',
      image: 'kairos-k0s-v3-2-1',
      imageReference: IMAGE,
      networks: [
        {
          name: 'primary',
          networkRef: 'prod-vlan20',
          address: '10.20.0.21/24',
          gateway: '10.20.0.1',
          dns: ['10.20.0.2'],
        },
      ],
      users: [
        { name: 'kairos', sshAuthorizedKeys: [OPS_KEY], groups: ['admin'] },
      ],
      joinTokenSecret: 'prod-eu1-join-tokens',
    }),
  },
  {
    description:
      'One extra controller using DHCP, booting the digest VMImage kairos-k0s-v3-2-1 pins (read from images/fleet-vms/kairos-k0s-v3-2-1.yaml of the checkout)',
    example: step('Controller for lab-os1', {
      cluster: 'lab-os1',
      namespace: 'fleet-vms',
      name: 'lab-os1-cp-4',
      role: 'controller',
      provider: 'libvirt-lab',
      vmClass: 'large',
      image: 'kairos-k0s-v3-2-1',
      networks: [{ name: 'primary' }],
      users: [{ name: 'kairos', sshAuthorizedKeys: [OPS_KEY] }],
      joinTokenSecret: 'lab-os1-join-tokens',
    }),
  },
];
