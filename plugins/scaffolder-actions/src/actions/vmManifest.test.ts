/* eslint-disable jest/no-conditional-expect -- examples and generated inputs decide which optional fields exist */
import { parse } from 'yaml';
import { createImageManifestAction } from './imageManifest';
import { imageManifestExamples } from './imageManifest.examples';
import {
  exampleInput,
  readObjects,
  runAction,
  snapshot,
  tempWorkspace,
} from '../__testUtils__/workspace';
import { upstreamErrors } from '../__testUtils__/sharedCrds';
import { createVmManifestAction, vmNames } from './vmManifest';
import { vmManifestExamples } from './vmManifest.examples';

const action = createVmManifestAction();
const registered = exampleInput(imageManifestExamples[0]) as any;
let ws: ReturnType<typeof tempWorkspace>;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

describe('fleet:vm:manifest', () => {
  it('documents examples', () => {
    expect(action.examples).toBe(vmManifestExamples);
  });

  it.each(vmManifestExamples.map(e => [e.description, e] as const))(
    'runs example: %s',
    async (_, example) => {
      const input = exampleInput(example) as any;
      // The examples boot the VMImage the image action's first example registers.
      await runAction(createImageManifestAction(), registered, ws.path);
      const imageFile = `images/${registered.namespace}/${registered.name}.yaml`;
      expect(imageFile).toBe(`images/${input.namespace}/${input.image}.yaml`);
      const outputs = await runAction(action, input, ws.path);
      const names = vmNames({ pool: input.name, count: input.count });
      const expected = names
        .map(name => `vms/${input.namespace}/${input.cluster}/${name}.yaml`)
        .sort();
      expect(outputs.files).toEqual(expected);
      expect(Object.keys(snapshot(ws.path)).sort()).toEqual(
        [imageFile, ...expected].sort(),
      );
      expect(outputs).toMatchObject({
        imageReference: registered.image,
        imageReferenceSource: `${imageFile} metadata.annotations["fleetportal.io/image-ref"]`,
      });

      names.forEach((name, index) => {
        const [vm, secret] = readObjects(
          ws.path,
          `vms/${input.namespace}/${input.cluster}/${name}.yaml`,
        );
        expect(upstreamErrors(vm)).toEqual([]);
        expect(upstreamErrors(secret)).toEqual([]);
        const labels = {
          'fleetportal.io/cluster': input.cluster,
          'fleetportal.io/pool': input.name,
        };
        expect(vm.metadata.labels).toMatchObject(labels);
        expect(secret.metadata.labels).toMatchObject(labels);
        const spec = vm.spec as any;
        expect(spec).toMatchObject({
          providerRef: { name: input.provider },
          classRef: { name: input.vmClass },
          imageRef: { name: input.image },
          powerState: 'On',
          userData: {
            cloudInit: { secretRef: { name: `${name}-cloud-config` } },
          },
        });
        expect(secret.metadata.name).toBe(`${name}-cloud-config`);
        const address = input.networks[0].address as string | undefined;
        if (address) {
          const [ip, prefix] = address.split('/');
          const parts = ip.split('.').map(Number);
          expect(spec.networks[0].ipAddress).toBe(
            [...parts.slice(0, 3), parts[3] + index].join('.'),
          );
          expect(spec.networks[0].prefix).toBe(Number(prefix));
        }

        const userdata = (secret as any).stringData.userdata as string;
        expect(userdata.startsWith('#cloud-config\n')).toBe(true);
        const cloudConfig = parse(userdata);
        expect(cloudConfig.hostname).toBe(name);
        expect(cloudConfig.users[0]).toEqual({
          name: input.users[0].name,
          ssh_authorized_keys: input.users[0].sshAuthorizedKeys,
          groups: input.users[0].groups ?? [],
        });
        const roleKey = input.role === 'controller' ? 'k0s' : 'k0s-worker';
        expect(cloudConfig[roleKey]).toEqual({
          enabled: true,
          args: ['--token-file /etc/k0s/token'],
        });
        expect(
          cloudConfig[input.role === 'controller' ? 'k0s-worker' : 'k0s'],
        ).toBeUndefined();
        const files = cloudConfig.stages.initramfs.flatMap(
          (stage: any) => stage.files,
        );
        const tokenFile = files.find((f: any) => f.path === '/etc/k0s/token');
        const variable = `FLEET_JOIN_TOKEN_${input.cluster}_${input.role}`
          .toUpperCase()
          .replace(/-/g, '_');
        expect(tokenFile.content).toBe(`\${${variable}}`);
        expect(
          secret.metadata.annotations!['fleetportal.io/join-token-from'],
        ).toBe(`${input.joinTokenSecret}/${variable}`);
        const unit = files.find((f: any) =>
          f.path.endsWith('fleetportal-image-ref.service'),
        );
        expect(unit.content).toContain(
          `annotate --overwrite node ${name} fleetportal.io/image-ref=${registered.image}`,
        );
      });
    },
  );

  const base = exampleInput(vmManifestExamples[0]) as any;

  it('never writes a token: the only $ in the output is the substitution variable', async () => {
    const outputs = await runAction(action, base, ws.path);
    for (const text of Object.values(outputs.manifests)) {
      expect(
        text.replace(/\$\{FLEET_JOIN_TOKEN_[A-Z0-9_]+\}/g, ''),
      ).not.toContain('$');
    }
  });

  it('rejects an imageReference that differs from the registered VMImage', async () => {
    const image = exampleInput(imageManifestExamples[1]);
    await runAction(
      createImageManifestAction(),
      { ...image, name: base.image },
      ws.path,
    );
    const before = snapshot(ws.path);
    await expect(runAction(action, base, ws.path)).rejects.toThrow(
      /^imageReference: must be the reference VMImage kairos-k0s-v3-2-1 pins: quay\.io\/kairos\/ubuntu@sha256:4f8e\w+ was given, images\/fleet-vms\/kairos-k0s-v3-2-1\.yaml metadata\.annotations\["fleetportal\.io\/image-ref"\] has registry\.example\.com\/platform\/kairos-edge@sha256:0123\w+; leave imageReference out/,
    );
    expect(snapshot(ws.path)).toEqual(before);
  });

  it('compares with the VMImage of the VM namespace only', async () => {
    const image = exampleInput(imageManifestExamples[1]);
    await runAction(
      createImageManifestAction(),
      { ...image, name: base.image, namespace: 'fleet-edge' },
      ws.path,
    );
    const outputs = await runAction(action, base, ws.path);
    expect(outputs.files.length).toBeGreaterThan(0);
    // No VMImage of that name in fleet-vms: the given reference is taken, and said to be.
    expect(outputs).toMatchObject({
      imageReference: base.imageReference,
      imageReferenceSource: 'input imageReference',
    });
  });

  it('rejects pool addresses running out of the subnet, bad keys and bad names', async () => {
    const networks = [{ ...base.networks[0], address: '10.20.0.253/24' }];
    await expect(
      runAction(action, { ...base, networks }, ws.path),
    ).rejects.toThrow(
      /^networks\[0\]\.address: the 3 consecutive address\(es\) from 10.20.0.253 must be host addresses inside 10.20.0.0\/24/,
    );
    const users = [
      {
        name: 'kairos',
        sshAuthorizedKeys: [
          'ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQCfgjYXRoFPM3dRJ9A= x',
        ],
      },
    ];
    await expect(
      runAction(action, { ...base, users }, ws.path),
    ).rejects.toThrow(/^users\[0\]\.sshAuthorizedKeys\[0\]: /);
    await expect(
      runAction(action, { ...base, name: 'Worker' }, ws.path),
    ).rejects.toThrow(/^name: must be an RFC 1123 label/);
    await expect(
      runAction(action, { ...base, role: 'master' }, ws.path),
    ).rejects.toThrow('role: must be one of controller, worker');
    expect(snapshot(ws.path)).toEqual({});
  });
});
