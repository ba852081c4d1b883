import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

function step(name: string, input: Record<string, unknown>): string {
  return stringify({
    steps: [{ id: 'day2', action: 'fleet:cluster:day2', name, input }],
  });
}

export const clusterDay2Examples: TemplateExample[] = [
  {
    description: 'Upgrade k0s by one minor version',
    example: step('Upgrade prod-eu1', {
      cluster: 'prod-eu1',
      operation: 'upgrade-k0s',
      k0sVersion: 'v1.32.1+k0s.0',
    }),
  },
  {
    description: 'Scale workers to five and the control plane to five',
    example: step('Scale prod-eu1', {
      cluster: 'prod-eu1',
      operation: 'scale',
      workersNumber: 5,
      controlPlaneNumber: 5,
    }),
  },
  {
    description: 'Remove the cluster and its VMs from the GitOps repo',
    example: step('Decommission prod-eu1', {
      cluster: 'prod-eu1',
      operation: 'decommission',
    }),
  },
  {
    description:
      'Move the cluster to a ClusterTemplate its status.availableUpgrades offers (checked through the fleet backend)',
    example: step('Upgrade prod-eu1 to the next template', {
      cluster: 'prod-eu1',
      operation: 'upgrade-template',
      template: 'vsphere-standalone-cp-1-0-43',
    }),
  },
];
