import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import {
  exampleInput,
  runAction,
  snapshot,
  tempWorkspace,
} from '../__testUtils__/workspace';
import { createImageManifestAction } from './imageManifest';
import { imageManifestExamples } from './imageManifest.examples';
import { createVmManifestAction } from './vmManifest';
import { vmManifestExamples } from './vmManifest.examples';

const action = createVmManifestAction();
const { imageReference: _given, ...base } = exampleInput(
  vmManifestExamples[0],
) as any;
const IMAGE_FILE = 'images/fleet-vms/kairos-k0s-v3-2-1.yaml';
const ANNOTATION = 'metadata.annotations["fleetportal.io/image-ref"]';
const DIGEST = `sha256:${'ab'.repeat(32)}`;

let ws: ReturnType<typeof tempWorkspace>;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

/** Writes a VMImage by hand, as someone might have committed it outside the templates. */
function writeVmImage(
  registryImage: string,
  annotations?: Record<string, string>,
  path = IMAGE_FILE,
) {
  const image = {
    apiVersion: 'infra.virtrigaud.io/v1beta1',
    kind: 'VMImage',
    metadata: { name: base.image, namespace: base.namespace, annotations },
    spec: { source: { registry: { image: registryImage, format: 'qcow2' } } },
  };
  mkdirSync(dirname(join(ws.path, path)), { recursive: true });
  writeFileSync(join(ws.path, path), stringify(image));
}

/** The reference each cloud-config annotates its node with. */
function recordedReferences(manifests: Record<string, string>) {
  return Object.values(manifests).map(text => {
    const secret = parseAllDocuments(text)
      .map(doc => doc.toJS())
      .find(object => object.kind === 'Secret');
    return /fleetportal\.io\/image-ref=(\S+)/.exec(
      secret.stringData.userdata,
    )?.[1];
  });
}

describe('fleet:vm:manifest image reference', () => {
  it("reads the digest from the VMImage's annotation when none is given", async () => {
    const image = exampleInput(imageManifestExamples[1]);
    await runAction(
      createImageManifestAction(),
      { ...image, name: base.image, namespace: base.namespace },
      ws.path,
    );
    const outputs = await runAction(action, base, ws.path);
    const pinned = `registry.example.com/platform/kairos-edge@sha256:${'0123456789abcdef'.repeat(
      4,
    )}`;
    expect(outputs).toMatchObject({
      imageReference: pinned,
      imageReferenceSource: `${IMAGE_FILE} ${ANNOTATION}`,
    });
    expect(recordedReferences(outputs.manifests)).toEqual([
      pinned,
      pinned,
      pinned,
    ]);

    // The same checkout gives the same files and outputs.
    const again = tempWorkspace();
    try {
      await runAction(
        createImageManifestAction(),
        { ...image, name: base.image, namespace: base.namespace },
        again.path,
      );
      expect(await runAction(action, base, again.path)).toEqual(outputs);
    } finally {
      again.cleanup();
    }
  });

  it('takes a digest in registry.image, as the fleet backend does', async () => {
    writeVmImage(`quay.io/kairos/ubuntu:v3.2.1@${DIGEST}`);
    const outputs = await runAction(action, base, ws.path);
    expect(outputs).toMatchObject({
      imageReference: `quay.io/kairos/ubuntu@${DIGEST}`,
      imageReferenceSource: `${IMAGE_FILE} spec.source.registry.image`,
    });
  });

  it('refuses a VMImage that pins no digest, given a reference or not', async () => {
    writeVmImage('quay.io/kairos/ubuntu:v3.2.1');
    const before = snapshot(ws.path);
    const refusal =
      /^image: VMImage kairos-k0s-v3-2-1 \(images\/fleet-vms\/kairos-k0s-v3-2-1\.yaml\) pins no digest: spec\.source\.registry\.image has "quay\.io\/kairos\/ubuntu:v3\.2\.1" and metadata\.annotations\["fleetportal\.io\/image-ref"\] is not set\. .*register-kairos-image template/;
    await expect(runAction(action, base, ws.path)).rejects.toThrow(refusal);
    await expect(
      runAction(
        action,
        { ...base, imageReference: `quay.io/kairos/ubuntu@${DIGEST}` },
        ws.path,
      ),
    ).rejects.toThrow(refusal);
    expect(snapshot(ws.path)).toEqual(before);
  });

  it('refuses an annotation that is not a digest reference', async () => {
    writeVmImage('quay.io/kairos/ubuntu:v3.2.1', {
      'fleetportal.io/image-ref': 'quay.io/kairos/ubuntu:v3.2.1',
    });
    await expect(runAction(action, base, ws.path)).rejects.toThrow(
      `${ANNOTATION} has "quay.io/kairos/ubuntu:v3.2.1", not repo@sha256:<digest>`,
    );
  });

  it('refuses a VMImage missing from the repo, writing nothing', async () => {
    // A VMImage of that name in another namespace is not the one the VMs boot.
    writeVmImage(
      `quay.io/kairos/ubuntu:v3.2.1@${DIGEST}`,
      undefined,
      'images/fleet-edge/kairos-k0s-v3-2-1.yaml',
    );
    const before = snapshot(ws.path);
    await expect(runAction(action, base, ws.path)).rejects.toThrow(
      /^image: VMImage kairos-k0s-v3-2-1 is not in the GitOps repo \(looked for images\/fleet-vms\/kairos-k0s-v3-2-1\.yaml\).*register it by digest with the register-kairos-image template/,
    );
    expect(snapshot(ws.path)).toEqual(before);
  });

  it('accepts a given reference equal to the pin, with or without its tag', async () => {
    writeVmImage(`quay.io/kairos/ubuntu:v3.2.1`, {
      'fleetportal.io/image-ref': `quay.io/kairos/ubuntu@${DIGEST}`,
    });
    const outputs = await runAction(
      action,
      { ...base, imageReference: `quay.io/kairos/ubuntu:v3.2.1@${DIGEST}` },
      ws.path,
    );
    expect(outputs).toMatchObject({
      imageReference: `quay.io/kairos/ubuntu@${DIGEST}`,
      imageReferenceSource: `${IMAGE_FILE} ${ANNOTATION}`,
    });
  });

  it('refuses a file that is not YAML or holds no VMImage of that name', async () => {
    mkdirSync(join(ws.path, 'images/fleet-vms'), { recursive: true });
    writeFileSync(join(ws.path, IMAGE_FILE), 'kind: [VMImage\n');
    await expect(runAction(action, base, ws.path)).rejects.toThrow(
      /^image: images\/fleet-vms\/kairos-k0s-v3-2-1\.yaml in the GitOps repo is not valid YAML/,
    );
    writeFileSync(
      join(ws.path, IMAGE_FILE),
      stringify({ kind: 'VMImage', metadata: { name: 'other' } }),
    );
    await expect(runAction(action, base, ws.path)).rejects.toThrow(
      /^image: images\/fleet-vms\/kairos-k0s-v3-2-1\.yaml in the GitOps repo holds no VMImage named kairos-k0s-v3-2-1/,
    );
    expect(Object.keys(snapshot(ws.path))).toEqual([IMAGE_FILE]);
  });
});
