import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { exampleInput } from '../__testUtils__/workspace';
import { canonicalJson } from '../gitops/canonicalJson';
import { commitTrailers } from '@fleet-portal/plugin-fleet-node';
import { createGitopsRequestAction, planGitopsRequest } from './gitopsRequest';
import { gitopsRequestExamples } from './gitopsRequest.examples';

const action = createGitopsRequestAction();
const TEMPLATE = {
  entityRef: 'template:default/new-cluster',
  entity: {
    metadata: {
      name: 'new-cluster',
      title: 'New k0rdent cluster',
      annotations: { 'fleetportal.io/template-version': '1.0.0' },
    },
  },
};
const USER = 'user:default/jane.doe';

async function run(
  input: Record<string, unknown>,
  secrets: Record<string, string> = {},
) {
  const ctx = createMockActionContext({
    input: input as any,
    templateInfo: TEMPLATE as any,
    user: { ref: USER },
    secrets,
  });
  await action.handler(ctx as any);
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls) as Record<
    string,
    any
  >;
}

describe('fleet:gitops:request', () => {
  it.each(gitopsRequestExamples.map(e => [e.description, e] as const))(
    'runs example: %s',
    async (_, example) => {
      const input = exampleInput(example);
      const out = await run(input);
      expect(out.branchName).toMatch(/^fleet\/new-cluster\/[0-9a-f]{10}$/);
      expect(out.title).toBe(`New k0rdent cluster: ${input.summary}`);
      expect(out.body).toContain(
        `Requested through Fleet Portal by \`${USER}\``,
      );
      expect(out.body).toContain(
        '`template:default/new-cluster` version `1.0.0`',
      );
      for (const file of input.files as string[])
        expect(out.body).toContain(`- \`${file}\``);
      expect(commitTrailers(out.commitMessage)).toEqual({
        'Requested-by': USER,
        Template: 'template:default/new-cluster',
        'Template-version': '1.0.0',
        Inputs: canonicalJson(out.inputs),
      });
    },
  );

  it('derives the same branch for the same request, whatever the key order, and another for other inputs', async () => {
    const a = await run({
      templateVersion: '1.0.0',
      inputs: { name: 'a', count: 2 },
    });
    const b = await run({
      templateVersion: '1.0.0',
      inputs: { count: 2, name: 'a' },
    });
    const c = await run({
      templateVersion: '1.0.0',
      inputs: { count: 3, name: 'a' },
    });
    expect(a.branchName).toBe(b.branchName);
    expect(c.branchName).not.toBe(a.branchName);
  });

  it('never records secret-looking inputs or the task secrets, unless declared public', async () => {
    const out = await run(
      {
        templateVersion: '1.0.0',
        inputs: {
          name: 'prod-eu1',
          githubToken: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
          nested: {
            adminPassword: 'hunter2',
            sshPrivateKey: 'PRIVATE',
            label: 'ok',
          },
          joinTokenSecret: 'prod-eu1-join-tokens',
          pasted: 'oops s3cr3t-value',
        },
        publicInputs: ['joinTokenSecret'],
        summary: 'prod-eu1 s3cr3t-value',
      },
      { backstageToken: 'eyJ.backstage.token', registry: 's3cr3t-value' },
    );
    const everything = JSON.stringify(out);
    for (const secret of [
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'hunter2',
      'PRIVATE',
      's3cr3t-value',
      'eyJ.backstage.token',
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(out.inputs).toEqual({
      name: 'prod-eu1',
      nested: { label: 'ok' },
      joinTokenSecret: 'prod-eu1-join-tokens',
      pasted: '[redacted]',
    });
    expect(out.title).toBe('New k0rdent cluster: [redacted]');
  });

  it('takes the version from the annotation, and rejects a literal that disagrees with it', () => {
    const context = {
      templateEntityRef: TEMPLATE.entityRef,
      templateMetadata: TEMPLATE.entity.metadata,
      userRef: USER,
    };
    expect(planGitopsRequest({ inputs: {} }, context).templateVersion).toBe(
      '1.0.0',
    );
    expect(() =>
      planGitopsRequest({ templateVersion: '2.0.0', inputs: {} }, context),
    ).toThrow(
      "templateVersion: 2.0.0 differs from the template's fleetportal.io/template-version annotation 1.0.0",
    );
    expect(() =>
      planGitopsRequest(
        { inputs: {} },
        { templateEntityRef: 'template:default/x' },
      ),
    ).toThrow(InputError);
  });

  it('uses the template metadata name in a dry run, where the ref is template:default/dry-run', () => {
    const plan = planGitopsRequest(
      { templateVersion: '1.0.0', inputs: { a: 1 } },
      {
        templateEntityRef: 'template:default/dry-run',
        templateMetadata: { name: 'scale-cluster' },
      },
    );
    expect(plan.branchName).toMatch(/^fleet\/scale-cluster\//);
    expect(plan.templateRef).toBe('template:default/scale-cluster');
    expect(plan.requestedBy).toBe('unknown');
  });
});
