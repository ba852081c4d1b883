import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

function step(name: string, input: Record<string, unknown>): string {
  return stringify({
    steps: [
      { id: 'publish', action: 'fleet:gitops:publish-local', name, input },
    ],
  });
}

export const gitopsPublishLocalExamples: TemplateExample[] = [
  {
    description: 'Commit the checkout to the branch the request step derived',
    example: step('Commit to a local branch', {
      branchName: '${{ steps.request.output.branchName }}',
      commitMessage: '${{ steps.request.output.commitMessage }}',
      targetPath: '${{ steps.checkout.output.targetPath }}',
      baseCommit: '${{ steps.checkout.output.commit }}',
    }),
  },
  {
    description: 'Literal values, e.g. when publishing a hand-written change',
    example: step('Commit to a local branch', {
      branchName: 'fleet/new-cluster/0123456789',
      commitMessage:
        'New k0rdent cluster: prod-eu1\n\nRequested-by: user:default/jane.doe\nTemplate: template:default/new-cluster\nTemplate-version: 1.0.0\nInputs: {"name":"prod-eu1"}\n',
    }),
  },
];
