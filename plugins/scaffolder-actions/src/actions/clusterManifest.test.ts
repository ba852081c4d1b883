/* eslint-disable jest/no-conditional-expect -- examples and generated inputs decide which optional fields exist */
import { InputError } from '@backstage/errors';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  snapshot,
  exampleInput,
  readObjects,
  runAction,
  tempWorkspace,
  USER_REF,
} from '../__testUtils__/workspace';
import { upstreamErrors } from '../__testUtils__/sharedCrds';
import { createClusterManifestAction } from './clusterManifest';
import { clusterManifestExamples } from './clusterManifest.examples';

const action = createClusterManifestAction();
let ws: ReturnType<typeof tempWorkspace>;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

describe('fleet:cluster:manifest', () => {
  it('documents examples', () => {
    expect(action.examples).toBe(clusterManifestExamples);
    expect(clusterManifestExamples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(clusterManifestExamples.map(e => [e.description, e] as const))(
    'runs example: %s',
    async (_, example) => {
      const input = exampleInput(example);
      const name = input.name as string;
      const outputs = await runAction(action, input, ws.path);
      // Flux builds every manifest below clusters/: the request writes its own file only.
      const expectedFiles = [
        `clusters/${input.namespace}/${name}/clusterdeployment.yaml`,
      ];
      expect(outputs.files).toEqual(expectedFiles);
      expect(Object.keys(snapshot(ws.path)).sort()).toEqual(expectedFiles);
      expect(
        outputs.manifests[
          `clusters/${input.namespace}/${name}/clusterdeployment.yaml`
        ],
      ).toBe(
        snapshot(ws.path)[
          `clusters/${input.namespace}/${name}/clusterdeployment.yaml`
        ],
      );

      const [cd] = readObjects(
        ws.path,
        `clusters/${input.namespace}/${name}/clusterdeployment.yaml`,
      );
      expect(upstreamErrors(cd)).toEqual([]);
      expect(cd.kind).toBe('ClusterDeployment');
      expect(cd.metadata).toMatchObject({
        name,
        namespace: input.namespace,
        labels: {
          'app.kubernetes.io/managed-by': 'fleet-portal',
          'fleetportal.io/template': 'fleet-new-cluster',
          'fleetportal.io/requester': 'user-default-jane.doe',
        },
        annotations: { 'fleetportal.io/requester': USER_REF },
      });
      const spec = cd.spec as any;
      expect(spec.template).toBe(input.template);
      expect(spec.credential).toBe(input.credential);
      if (input.k0sVersion)
        expect(spec.config.k0s.version).toBe(input.k0sVersion);
      if (input.workersNumber !== undefined)
        expect(spec.config.workersNumber).toBe(input.workersNumber);
      if (input.vmImage)
        expect(cd.metadata.annotations!['fleetportal.io/vmimage']).toBe(
          input.vmImage,
        );
      if (input.owner)
        expect(cd.metadata.annotations!['fleetportal.io/owner']).toBe(
          input.owner,
        );
      for (const [key, value] of Object.entries(
        (input.provider ?? {}) as Record<string, unknown>,
      )) {
        expect(spec.config[key]).toEqual(value);
      }
    },
  );

  const base = exampleInput(clusterManifestExamples[0]);

  it('rejects an unknown chart, listing the supported ones', async () => {
    await expect(
      runAction(
        action,
        { ...base, template: 'gcp-standalone-cp-1-0-1' },
        ws.path,
      ),
    ).rejects.toThrow(
      /template: .*supported charts: adopted-cluster, aws-standalone-cp, openstack-standalone-cp, remote-cluster, vsphere-hosted-cp, vsphere-standalone-cp/,
    );
  });

  it('reports a chart values violation with the field path and the rule', async () => {
    const provider = { ...(base.provider as object), vsphere: { server: 42 } };
    const error = await runAction(action, { ...base, provider }, ws.path).catch(
      e => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /spec\.config\.vsphere\.server: must be string/,
    );
    const missing = exampleInput(clusterManifestExamples[1]);
    const { identityRef: _dropped, ...providerWithoutIdentity } =
      missing.provider as Record<string, unknown>;
    await expect(
      runAction(
        action,
        { ...missing, provider: providerWithoutIdentity },
        ws.path,
      ),
    ).rejects.toThrow(
      /spec\.config\.identityRef: must have required property 'identityRef'/,
    );
    expect(snapshot(ws.path)).toEqual({});
  });

  it('rejects values the chart does not have and provider keys that managed inputs own', async () => {
    const adopted = exampleInput(clusterManifestExamples[2]);
    await expect(
      runAction(action, { ...adopted, workersNumber: 2 }, ws.path),
    ).rejects.toThrow(
      'workersNumber: the adopted-cluster chart has no workersNumber value',
    );
    await expect(
      runAction(
        action,
        { ...base, provider: { k0s: { version: 'v1.31.2+k0s.0' } } },
        ws.path,
      ),
    ).rejects.toThrow('provider.k0s.version: is set by the k0sVersion input');
    await expect(
      runAction(action, { ...base, controlPlaneNumber: 2 }, ws.path),
    ).rejects.toThrow('controlPlaneNumber: must be odd');
  });

  it('refuses to overwrite an existing cluster but accepts an identical re-run', async () => {
    await runAction(action, base, ws.path);
    const before = snapshot(ws.path);
    const again = await runAction(action, base, ws.path);
    expect(again.files).toEqual([]);
    await expect(
      runAction(action, { ...base, workersNumber: 7 }, ws.path),
    ).rejects.toThrow('cluster prod-eu1 already exists in the GitOps repo');
    expect(snapshot(ws.path)).toEqual(before);
  });

  it('writes below targetPath and never outside the workspace', async () => {
    const outputs = await runAction(
      action,
      { ...base, targetPath: 'gitops' },
      ws.path,
    );
    expect(outputs.files).toContain(
      'clusters/kcm-system/prod-eu1/clusterdeployment.yaml',
    );
    expect(
      existsSync(
        join(
          ws.path,
          'gitops/clusters/kcm-system/prod-eu1/clusterdeployment.yaml',
        ),
      ),
    ).toBe(true);
    await expect(
      runAction(action, { ...base, targetPath: '../escape' }, ws.path),
    ).rejects.toThrow(/targetPath:/);
  });
});
