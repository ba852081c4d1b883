import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { KubeObject } from '../manifests/types';

export const TEMPLATE_REF = 'template:default/fleet-new-cluster';
export const USER_REF = 'user:default/jane.doe';

export function tempWorkspace(): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'fleet-actions-'));
  return {
    path,
    cleanup: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Every file below the workspace with its text, keyed by `/`-separated relative path. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out[relative(root, full).split(sep).join('/')] = readFileSync(
          full,
          'utf8',
        );
    }
  };
  walk(root);
  return out;
}

export function readObjects(root: string, path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(join(root, path), 'utf8')).map(doc => {
    if (doc.errors.length > 0) throw doc.errors[0];
    return doc.toJS() as KubeObject;
  });
}

/** The `input` of the single step of a documented example. */
export function exampleInput(example: {
  example: string;
}): Record<string, unknown> {
  const parsed = parse(example.example);
  return parsed.steps[0].input;
}

export async function runAction(
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
  workspacePath: string,
) {
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath,
    templateInfo: { entityRef: TEMPLATE_REF } as any,
    user: { ref: USER_REF },
  });
  await action.handler(ctx as any);
  const outputs: Record<string, unknown> = {};
  for (const [name, value] of (ctx.output as jest.Mock).mock.calls)
    outputs[name] = value;
  return outputs as {
    files: string[];
    manifests: Record<string, string>;
    deleted: string[];
  };
}
