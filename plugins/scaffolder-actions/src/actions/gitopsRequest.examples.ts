import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

function step(name: string, input: Record<string, unknown>): string {
  return stringify({
    steps: [{ id: 'request', action: 'fleet:gitops:request', name, input }],
  });
}

export const gitopsRequestExamples: TemplateExample[] = [
  {
    description:
      'Describe a new cluster request; the PR body lists the files the manifest step wrote',
    example: step('Describe the request', {
      templateVersion: '1.0.0',
      inputs: {
        name: 'prod-eu1',
        namespace: 'kcm-system',
        template: 'vsphere-standalone-cp-1-0-42',
        workersNumber: 3,
      },
      summary: 'prod-eu1',
      files: ['clusters/kcm-system/prod-eu1/clusterdeployment.yaml'],
    }),
  },
  {
    description:
      'A VM pool whose joinTokenSecret names a Secret (safe to record) while apiToken is dropped',
    example: step('Describe the request', {
      templateVersion: '1.0.0',
      inputs: {
        cluster: 'prod-eu1',
        name: 'prod-eu1-worker',
        count: 3,
        joinTokenSecret: 'prod-eu1-join-tokens',
        apiToken: 'ghp_example',
      },
      publicInputs: ['joinTokenSecret'],
      summary: '3 workers for prod-eu1',
      files: ['vms/fleet-vms/prod-eu1/prod-eu1-worker-1.yaml'],
    }),
  },
];
