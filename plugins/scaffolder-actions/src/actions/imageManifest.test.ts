/* eslint-disable jest/no-conditional-expect -- examples and generated inputs decide which optional fields exist */
import { InputError } from '@backstage/errors';
import {
  exampleInput,
  readObjects,
  runAction,
  snapshot,
  tempWorkspace,
} from '../__testUtils__/workspace';
import { upstreamErrors } from '../__testUtils__/sharedCrds';
import { createImageManifestAction } from './imageManifest';
import { imageManifestExamples } from './imageManifest.examples';

const action = createImageManifestAction();
let ws: ReturnType<typeof tempWorkspace>;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

describe('fleet:image:manifest', () => {
  it('documents examples', () => {
    expect(action.examples).toBe(imageManifestExamples);
  });

  it.each(imageManifestExamples.map(e => [e.description, e] as const))(
    'runs example: %s',
    async (_, example) => {
      const input = exampleInput(example);
      const outputs = await runAction(action, input, ws.path);
      const expected = [`images/${input.namespace}/${input.name}.yaml`];
      expect(outputs.files).toEqual(expected);
      expect(Object.keys(snapshot(ws.path)).sort()).toEqual(expected);
      const [image] = readObjects(ws.path, expected[0]);
      expect(upstreamErrors(image)).toEqual([]);
      const reference = (input.image as string).replace(/:[^/@]+@/, '@');
      const [repository] = reference.split('@');
      const tag =
        /:([^/@]+)@/.exec(input.image as string)?.[1] ?? input.version;
      expect(image).toMatchObject({
        apiVersion: 'infra.virtrigaud.io/v1beta1',
        kind: 'VMImage',
        metadata: {
          name: input.name,
          namespace: input.namespace,
          annotations: { 'fleetportal.io/image-ref': reference },
        },
        spec: {
          source: {
            registry: {
              image: `${repository}:${tag}`,
              format: input.format ?? 'qcow2',
            },
          },
        },
      });
      expect(reference).toMatch(/^[^@:]+[^@:]*@sha256:[0-9a-f]{64}$/);
      if (input.cluster)
        expect(image.metadata.labels['fleetportal.io/cluster']).toBe(
          input.cluster,
        );
      if (input.pullSecret)
        expect((image.spec as any).source.registry.pullSecretRef).toEqual({
          name: input.pullSecret,
        });
    },
  );

  const base = exampleInput(imageManifestExamples[0]);

  it('rejects a tag-only reference and explains how to get the digest', async () => {
    const error = await runAction(
      action,
      { ...base, image: 'quay.io/kairos/ubuntu:v3.2.1' },
      ws.path,
    ).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /^image: "quay.io\/kairos\/ubuntu:v3.2.1" is not pinned by digest/,
    );
    expect(error.message).toContain('crane digest');
    expect(snapshot(ws.path)).toEqual({});
  });

  it('rejects malformed digests', async () => {
    for (const image of [
      'quay.io/kairos/ubuntu@sha256:ABCDEF',
      `quay.io/kairos/ubuntu@sha512:${'a'.repeat(64)}`,
      `quay.io/kairos/ubuntu@sha256:${'A'.repeat(64)}`,
      `Quay.io/KAIROS/ubuntu@sha256:${'a'.repeat(64)}`,
    ]) {
      await expect(
        runAction(action, { ...base, image }, ws.path),
      ).rejects.toThrow(/^image: /);
    }
  });

  it('pulls by the tag given with the digest, else the version, and records the digest', async () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    await runAction(
      action,
      { ...base, image: `quay.io/kairos/ubuntu@${digest}`, version: 'v3.4.2' },
      ws.path,
    );
    const [image] = readObjects(
      ws.path,
      `images/${base.namespace}/${base.name}.yaml`,
    );
    expect((image.spec as any).source.registry.image).toBe(
      'quay.io/kairos/ubuntu:v3.4.2',
    );
    expect(image.metadata.annotations?.['fleetportal.io/image-ref']).toBe(
      `quay.io/kairos/ubuntu@${digest}`,
    );
    expect(upstreamErrors(image)).toEqual([]);
  });

  it('rejects what VirtRigaud cannot pull by repo:tag: no tag and no version, or a registry port', async () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    const { version: _v, ...noVersion } = base;
    const untagged = await runAction(
      action,
      { ...noVersion, image: `quay.io/kairos/ubuntu@${digest}` },
      ws.path,
    ).catch(e => e);
    expect(untagged).toBeInstanceOf(InputError);
    expect(untagged.message).toMatch(
      /^image: VirtRigaud's VMImage pulls by repo:tag/,
    );
    const ported = await runAction(
      action,
      {
        ...base,
        image: `registry.example.com:5000/kairos/ubuntu:v3@${digest}`,
      },
      ws.path,
    ).catch(e => e);
    expect(ported).toBeInstanceOf(InputError);
    expect(ported.message).toMatch(/no registry port/);
    expect(snapshot(ws.path)).toEqual({});
  });

  it('keeps one image name in two namespaces apart, and refuses other content under the same one', async () => {
    await runAction(action, base, ws.path);
    await runAction(action, { ...base, namespace: 'fleet-edge' }, ws.path);
    expect(Object.keys(snapshot(ws.path)).sort()).toEqual(
      [
        `images/${base.namespace}/${base.name}.yaml`,
        `images/fleet-edge/${base.name}.yaml`,
      ].sort(),
    );
    await expect(
      runAction(action, { ...base, displayName: 'Other' }, ws.path),
    ).rejects.toThrow(
      `image ${base.name} already exists in the GitOps repo with other content (images/${base.namespace}/${base.name}.yaml)`,
    );
  });
});
