import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

function step(name: string, input: Record<string, unknown>): string {
  return stringify({
    steps: [{ id: 'image', action: 'fleet:image:manifest', name, input }],
  });
}

export const imageManifestExamples: TemplateExample[] = [
  {
    description: 'Register a Kairos k0s image by digest',
    example: step('VMImage kairos-k0s-v3-2-1', {
      name: 'kairos-k0s-v3-2-1',
      namespace: 'fleet-vms',
      image:
        'quay.io/kairos/ubuntu@sha256:4f8e7d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6',
      version: 'v3.2.1',
      displayName: 'Kairos 3.2.1 (Ubuntu 24.04, k0s)',
    }),
  },
  {
    description:
      'A private-registry arm64 raw image for one cluster; the tag next to the digest is what VirtRigaud pulls, the digest is recorded',
    example: step('VMImage edge-arm-v3-2-1', {
      name: 'edge-arm-v3-2-1',
      namespace: 'fleet-vms',
      image:
        'registry.example.com/platform/kairos-edge:v3.2.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      format: 'raw',
      architecture: 'arm64',
      pullSecret: 'registry-example-pull',
      cluster: 'edge-1',
    }),
  },
];
