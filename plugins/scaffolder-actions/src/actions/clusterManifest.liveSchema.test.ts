import { mockServices } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  exampleInput,
  snapshot,
  tempWorkspace,
} from '../__testUtils__/workspace';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startFakeFleetHttp } from '../__testUtils__/fakeFleetHttp';
import { TEMPLATE_REF, USER_REF } from '../__testUtils__/workspace';
import { createClusterManifestAction } from './clusterManifest';
import { clusterManifestExamples } from './clusterManifest.examples';

/** The bundled vSphere schema, made stricter as an organisation's own chart may be. */
const bundled = JSON.parse(
  readFileSync(
    resolvePackagePath(
      '@fleet-portal/plugin-scaffolder-backend-module-fleet',
      'schemas/template-values/vsphere-standalone-cp.json',
    ),
    'utf8',
  ),
);
const liveSchema = {
  ...bundled,
  properties: {
    ...bundled.properties,
    controlPlaneNumber: { type: 'integer', minimum: 3 },
  },
};

/** The fleet backend's form routes, as the fleet plugin answers them (see formsRouter.ts). */
function fleetBackend() {
  const base = '/api/fleet/management';
  return startFakeFleetHttp(url => {
    if (url === base) return { status: 200, body: { items: [{ id: 'mgmt' }] } };
    if (
      url ===
      `${base}/mgmt/namespaces/kcm-system/cluster-templates/vsphere-standalone-cp-1-0-42/schema`
    ) {
      return {
        status: 200,
        body: {
          management: 'mgmt',
          namespace: 'kcm-system',
          template: 'vsphere-standalone-cp-1-0-42',
          source: 'kcm-system/schema-ct-vsphere-standalone-cp-1-0-42',
          schema: liveSchema,
        },
      };
    }
    return {
      status: 404,
      body: {
        error: {
          name: 'NotFoundError',
          message:
            'ClusterTemplate kcm-system/vsphere-standalone-cp-1-0-43 has no values schema (status.schemaConfigMapName is not set: its chart ships none)',
        },
      },
    };
  });
}

const vsphereExample = exampleInput(clusterManifestExamples[0]);

async function run(
  fleetUrl: string,
  input: Record<string, unknown>,
  workspacePath: string,
  isDryRun = false,
) {
  const action = createClusterManifestAction({
    fleet: {
      discovery: { getBaseUrl: async () => `${fleetUrl}/api/fleet` },
      auth: mockServices.auth(),
      timeoutMs: 2_000,
    },
  });
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath,
    templateInfo: { entityRef: TEMPLATE_REF } as any,
    user: { ref: USER_REF },
    isDryRun,
  });
  const logs: string[] = [];
  ctx.logger.info = ((message: string) => {
    logs.push(message);
    return ctx.logger;
  }) as any;
  await action.handler(ctx as any);
  const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  return { outputs, logs };
}

describe('fleet:cluster:manifest against the live values schema', () => {
  let fleet: Awaited<ReturnType<typeof fleetBackend>>;
  let ws: ReturnType<typeof tempWorkspace>;
  beforeAll(async () => {
    fleet = await fleetBackend();
  });
  afterAll(() => fleet.stop());
  beforeEach(() => {
    ws = tempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it.each([false, true])(
    'refuses a config the live schema rejects, naming the field, and writes nothing (dry run: %s)',
    async isDryRun => {
      const input = { ...vsphereExample, controlPlaneNumber: 1 };
      await expect(run(fleet.url, input, ws.path, isDryRun)).rejects.toThrow(
        'the live values schema of ClusterTemplate kcm-system/vsphere-standalone-cp-1-0-42 on mgmt (ConfigMap kcm-system/schema-ct-vsphere-standalone-cp-1-0-42) rejects config: config.controlPlaneNumber: must be >= 3',
      );
      expect(snapshot(ws.path)).toEqual({});
      expect(fleet.seen).toContain(
        '/api/fleet/management/mgmt/namespaces/kcm-system/cluster-templates/vsphere-standalone-cp-1-0-42/schema with token',
      );
    },
  );

  it('writes a config the live schema accepts and says which schema it used', async () => {
    const { outputs, logs } = await run(fleet.url, vsphereExample, ws.path);
    expect(outputs.files).toEqual([
      'clusters/kcm-system/prod-eu1/clusterdeployment.yaml',
    ]);
    expect(outputs.valuesSchema).toBe(
      'spec.config checked against the live values schema of ClusterTemplate kcm-system/vsphere-standalone-cp-1-0-42 on mgmt (ConfigMap kcm-system/schema-ct-vsphere-standalone-cp-1-0-42)',
    );
    expect(logs).toContain(outputs.valuesSchema);
  });

  it('falls back to the bundled schema when the template has no schema ConfigMap, and says so', async () => {
    const input = {
      ...vsphereExample,
      template: 'vsphere-standalone-cp-1-0-43',
      controlPlaneNumber: 1,
      management: 'mgmt',
    };
    const { outputs } = await run(fleet.url, input, ws.path);
    expect(outputs.files).toEqual([
      'clusters/kcm-system/prod-eu1/clusterdeployment.yaml',
    ]);
    expect(outputs.valuesSchema).toMatch(
      /^spec.config checked against the bundled chart values schema: no live values schema for ClusterTemplate kcm-system\/vsphere-standalone-cp-1-0-43: HTTP 404: .*has no values schema/,
    );
  });

  it('falls back to the bundled schema when the fleet cannot be reached, and the bundled schema still names the field', async () => {
    const closed = await fleetBackend();
    await closed.stop();
    const { outputs } = await run(closed.url, vsphereExample, ws.path);
    expect(outputs.valuesSchema).toMatch(
      /bundled chart values schema: .*the fleet backend could not be reached/,
    );

    await expect(
      run(
        closed.url,
        {
          ...vsphereExample,
          name: 'prod-eu2',
          provider: {
            ...(vsphereExample.provider as object),
            controlPlaneEndpointIP: 7,
          },
        },
        ws.path,
      ),
    ).rejects.toThrow(/spec\.config\.controlPlaneEndpointIP: must be string/);
  });
});
