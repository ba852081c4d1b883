import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

function step(name: string, input: Record<string, unknown>): string {
  return stringify({
    steps: [{ id: 'checkout', action: 'fleet:gitops:checkout', name, input }],
  });
}

export const gitopsCheckoutExamples: TemplateExample[] = [
  {
    description:
      'Check out the default branch into the workspace folder "gitops" (the default)',
    example: step('Check out the GitOps repository', {}),
  },
  {
    description:
      'Check out into another folder, e.g. to keep the template skeleton apart',
    example: step('Check out the GitOps repository', { targetPath: 'repo' }),
  },
];
