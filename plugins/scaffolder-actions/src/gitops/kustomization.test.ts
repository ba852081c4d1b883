/* eslint-disable jest/no-conditional-expect -- examples and generated inputs decide which optional fields exist */
import { parse } from 'yaml';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import {
  exampleInput,
  runAction,
  snapshot,
  tempWorkspace,
} from '../__testUtils__/workspace';
import { createClusterManifestAction } from '../actions/clusterManifest';
import { clusterManifestExamples } from '../actions/clusterManifest.examples';
import { createImageManifestAction } from '../actions/imageManifest';
import { imageManifestExamples } from '../actions/imageManifest.examples';
import { createVmManifestAction } from '../actions/vmManifest';
import { vmManifestExamples } from '../actions/vmManifest.examples';
import { createDnsManifestAction } from '../actions/dnsManifest';
import { dnsManifestExamples } from '../actions/dnsManifest.examples';
import { createClusterDay2Action } from '../actions/clusterDay2';
import {
  addKustomizationResources,
  removeKustomizationResource,
} from './kustomization';
import { kustomizationChain } from './layout';

/** Every file reachable from the root kustomization, following folder entries. */
function reachable(files: Record<string, string>): Set<string> {
  const seen = new Set<string>();
  const visit = (folder: string) => {
    const path = folder ? `${folder}/kustomization.yaml` : 'kustomization.yaml';
    const text = files[path];
    expect(text).toBeDefined();
    seen.add(path);
    const k = parse(text);
    expect(k.apiVersion).toBe('kustomize.config.k8s.io/v1beta1');
    expect(k.kind).toBe('Kustomization');
    const resources: string[] = k.resources ?? [];
    expect(resources).toEqual([...resources].sort());
    expect(new Set(resources).size).toBe(resources.length);
    for (const entry of resources) {
      const target = folder ? `${folder}/${entry}` : entry;
      if (files[target] !== undefined) seen.add(target);
      else visit(target);
    }
  };
  visit('');
  return seen;
}

describe('kustomization consistency', () => {
  it('every file written by every example is reachable from the root kustomization', async () => {
    const ws = tempWorkspace();
    try {
      const runs: Array<[any, Array<{ example: string }>]> = [
        [createClusterManifestAction(), clusterManifestExamples],
        [createImageManifestAction(), imageManifestExamples],
        [createVmManifestAction(), vmManifestExamples],
        [createDnsManifestAction(), dnsManifestExamples],
      ];
      for (const [action, examples] of runs) {
        for (const example of examples)
          await runAction(action, exampleInput(example), ws.path);
      }
      await runAction(
        createClusterDay2Action(),
        { cluster: 'legacy-1', operation: 'decommission' },
        ws.path,
      );
      const files = snapshot(ws.path);
      const managed = Object.keys(files).filter(p =>
        /^(clusters|vms|images|dns)\//.test(p),
      );
      expect(managed.length).toBeGreaterThan(20);
      const seen = reachable(files);
      expect(managed.filter(p => !seen.has(p))).toEqual([]);
      expect(existsSync(join(ws.path, 'clusters/legacy-1'))).toBe(false);
    } finally {
      ws.cleanup();
    }
  });

  it('edits an existing kustomization minimally, keeping comments and unsorted entries', () => {
    const text = [
      '# managed by hand too',
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '  - b',
      '  - d # keep me',
      'namePrefix: x-',
      '',
    ].join('\n');
    const added = addKustomizationResources(text, 'k.yaml', [
      'c',
      'a',
      'b',
      'c',
    ]);
    expect(added).toBe(text.replace('  - b\n', '  - a\n  - b\n  - c\n'));
    expect(addKustomizationResources(added, 'k.yaml', ['a'])).toBe(added);
    expect(removeKustomizationResource(added, 'k.yaml', 'c')).toBe(
      text.replace('  - b\n', '  - a\n  - b\n'),
    );
    expect(() =>
      addKustomizationResources('resources: [', 'k.yaml', ['a']),
    ).toThrow(/k.yaml in the GitOps repo is not a valid kustomization/);
  });

  it('chains a file up to the root', () => {
    expect(kustomizationChain('dns/example.com/zone.yaml')).toEqual([
      { folder: 'dns/example.com', entry: 'zone.yaml' },
      { folder: 'dns', entry: 'example.com' },
      { folder: '', entry: 'dns' },
    ]);
  });
});
