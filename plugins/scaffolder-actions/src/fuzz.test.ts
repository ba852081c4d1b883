/* eslint-disable jest/no-conditional-expect -- examples and generated inputs decide which optional fields exist */
import fc from 'fast-check';
import { InputError } from '@backstage/errors';
import { readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { RepoReader } from './gitops/changeSet';
import { ManifestPlan } from './gitops/manifestFiles';
import { requestInfo } from './manifests/metadata';
import { RequestInfo } from './manifests/types';
import {
  createClusterManifestAction,
  planClusterManifest,
} from './actions/clusterManifest';
import { clusterManifestExamples } from './actions/clusterManifest.examples';
import { createVmManifestAction, planVmManifest } from './actions/vmManifest';
import {
  createImageManifestAction,
  planImageManifest,
} from './actions/imageManifest';
import {
  createDnsManifestAction,
  planDnsManifest,
} from './actions/dnsManifest';
import { createClusterDay2Action } from './actions/clusterDay2';
import {
  exampleInput,
  runAction,
  snapshot,
  tempWorkspace,
  TEMPLATE_REF,
  USER_REF,
} from './__testUtils__/workspace';
import { upstreamErrors } from './__testUtils__/sharedCrds';

/**
 * Property-based fuzzing of every action (fixed seed, 10,000+ inputs per run): valid and hostile
 * inputs must end in schema-valid manifests holding exactly what the builder produced, or in an
 * InputError that names a field, with the workspace untouched.
 */

const SEED = 20240601;
const RUNS = { cluster: 2500, vm: 2500, image: 2000, dns: 2500, day2: 600 };

const HOSTILE_STRINGS = [
  'x\nevil: true',
  'x\n---\nkind: Secret',
  '&anchor',
  '*alias',
  'key: value',
  '# comment',
  '${FLEET_JOIN_TOKEN}',
  '$(reboot)',
  '`id`',
  '../../etc/passwd',
  'On',
  '',
  ' ',
  '\u0000',
  '\u2028',
  'é中😀',
  'a'.repeat(300),
  'A'.repeat(64),
  '10.0.0.01',
  '::ffff:10.0.0.01',
  'example.com.',
  'v1.31.2+k0s',
  'quay.io/kairos/ubuntu:v3.2.1',
  `quay.io/kairos/ubuntu@sha256:${'G'.repeat(64)}`,
];

const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ minLength: 250, maxLength: 400 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), {
    maxKeys: 3,
  }),
);

/** Mostly valid, sometimes hostile (many fields per input: keep each one's hostile share small). */
function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 24, arbitrary: valid },
    { weight: 1, arbitrary: hostile },
  );
}

/** An input object from field arbitraries, omitting undefined values. */
function inputOf(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record(fields)
    .map(obj =>
      Object.fromEntries(
        Object.entries(obj).filter(([, v]) => v !== undefined),
      ),
    );
}

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/);
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const digestRef = fc
  .tuple(
    fc.constantFrom(
      'quay.io/kairos/ubuntu',
      'registry.example.com:5000/a/b',
      'kairos',
      'ghcr.io/x/y_z',
    ),
    fc.option(fc.constantFrom(':v1', ':latest')),
    hex64,
  )
  .map(([repo, tag, hex]) => `${repo}${tag ?? ''}@sha256:${hex}`);
const k0sVersion = fc
  .tuple(
    fc.integer({ min: 1, max: 1 }),
    fc.integer({ min: 28, max: 34 }),
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([a, b, c, d]) => `v${a}.${b}.${c}+k0s.${d}`);
const ipv4 = fc.ipV4();
const ipv6 = fc.ipV6();
const fqdn = fc
  .tuple(
    label,
    fc.constantFrom('example.com', 'example.org.', 'Corp.Example.NET'),
  )
  .map(([a, b]) => `${a}.${b}`);
const sshKey = fc.constantFrom(
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPz3q9Dz2Wul2uEi9yWUgPlO1Q57dVM0vc5/mCLhJCcm ops@fleet',
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBB7ytT1GsVjuHe2QofIQH8JZv+KSq2AdkPodxYTbsDtoFeZnSeydzI2Xo4a+0fMLXVTZgME3h8Vyt7QsmmzBkAU= x',
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPz3q9Dz2Wul2uEi9yWUgPlO1Q57dVM0vc5/mCLhJCcm',
);

const vsphereProvider = exampleInput(clusterManifestExamples[0]).provider;
const openstackProvider = exampleInput(clusterManifestExamples[1]).provider;

const clusterInput = inputOf({
  name: field(label),
  namespace: field(label),
  template: field(
    fc.constantFrom(
      'vsphere-standalone-cp-1-0-42',
      'vsphere-hosted-cp-1-0-44',
      'openstack-standalone-cp-1-0-46',
      'aws-standalone-cp-1-0-43',
      'remote-cluster-1-0-38',
      'adopted-cluster-1-0-2',
      'gcp-standalone-cp-1-0-0',
    ),
  ),
  credential: field(label),
  controlPlaneNumber: optional(field(fc.integer({ min: 0, max: 16 }))),
  workersNumber: optional(field(fc.integer({ min: -1, max: 600 }))),
  k0sVersion: optional(field(k0sVersion)),
  clusterLabels: optional(
    field(
      fc.dictionary(label, fc.oneof(label, fc.constant('')), { maxKeys: 3 }),
    ),
  ),
  vmImage: optional(field(label)),
  owner: optional(
    field(
      fc.constantFrom('group:default/platform', 'user:ops/jane', 'platform'),
    ),
  ),
  provider: optional(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(vsphereProvider, openstackProvider, {}),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      {
        weight: 1,
        arbitrary: fc.dictionary(
          fc.constantFrom(...HOSTILE_STRINGS, 'vsphere', 'region', 'k0s'),
          hostile,
          { maxKeys: 3 },
        ),
      },
    ),
  ),
});

const network = inputOf({
  name: field(label),
  networkRef: optional(field(label)),
  address: optional(
    field(
      fc.oneof(
        fc
          .tuple(fc.integer({ min: 2, max: 200 }), fc.constantFrom(16, 24))
          .map(([host, p]) => `10.20.0.${host}/${p}`),
        fc
          .tuple(ipv4, fc.integer({ min: 0, max: 33 }))
          .map(([ip, p]) => `${ip}/${p}`),
      ),
    ),
  ),
  gateway: optional(field(ipv4)),
  dns: optional(field(fc.array(ipv4, { maxLength: 4 }))),
});
const vmInput = inputOf({
  cluster: field(label),
  namespace: field(label),
  name: field(label),
  count: optional(
    field(
      fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 0, max: 4 }) },
        fc.constantFrom(50, 51),
      ),
    ),
  ),
  role: field(fc.constantFrom('controller', 'worker')),
  provider: field(label),
  vmClass: field(label),
  image: field(label),
  // Absent: read from a VMImage the empty workspace lacks, so refused on image.
  imageReference: optional(field(digestRef)),
  networks: field(fc.array(network, { minLength: 1, maxLength: 2 })),
  users: field(
    fc.array(
      inputOf({
        name: field(fc.constantFrom('kairos', 'ops', '_svc', 'Root')),
        sshAuthorizedKeys: field(
          fc.array(field(sshKey), { minLength: 1, maxLength: 2 }),
        ),
        groups: optional(
          field(
            fc.array(fc.constantFrom('admin', 'wheel', 'bad group'), {
              maxLength: 2,
            }),
          ),
        ),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  ),
  joinTokenSecret: field(label),
});

const imageInput = inputOf({
  name: field(label),
  namespace: field(label),
  image: field(digestRef),
  format: optional(field(fc.constantFrom('qcow2', 'raw', 'vmdk', 'tar'))),
  architecture: optional(field(fc.constantFrom('amd64', 'arm64', 'riscv'))),
  version: optional(field(fc.constantFrom('v3.2.1', '3.2.1-rc.1', '-bad'))),
  displayName: optional(field(fc.string({ maxLength: 30 }))),
  pullSecret: optional(field(label)),
  cluster: optional(field(label)),
});

const record = fc.oneof(
  inputOf({
    type: field(fc.constant('A')),
    name: field(fc.constantFrom('@', 'www', '*.apps', '_x')),
    ttl: optional(field(fc.integer({ min: 0, max: 100000 }))),
    addresses: field(fc.array(ipv4, { maxLength: 2 })),
  }),
  inputOf({
    type: field(fc.constant('AAAA')),
    name: field(label),
    addresses: field(fc.array(ipv6, { maxLength: 2 })),
  }),
  inputOf({
    type: field(fc.constant('CNAME')),
    name: field(label),
    target: field(fqdn),
  }),
  inputOf({
    type: field(fc.constant('MX')),
    name: field(fc.constantFrom('@', 'mail')),
    priority: field(fc.integer({ min: -1, max: 70000 })),
    mailServer: field(fqdn),
  }),
  inputOf({
    type: field(fc.constant('TXT')),
    name: field(fc.constantFrom('@', '_dmarc')),
    text: field(fc.array(fc.string({ maxLength: 40 }), { maxLength: 2 })),
  }),
  inputOf({
    type: field(fc.constant('SRV')),
    name: field(fc.constantFrom('_sip._tcp', '_ldap._udp')),
    priority: field(fc.nat(65535)),
    weight: field(fc.nat(65535)),
    port: field(fc.nat(70000)),
    target: field(fqdn),
  }),
);
const dnsInput = inputOf({
  zone: field(
    fc.constantFrom('example.com', 'prod.example.org.', 'Example.NET'),
  ),
  namespace: field(label),
  cluster: field(label),
  soa: optional(
    field(
      inputOf({
        primaryNs: field(fqdn),
        adminEmail: field(
          fc.constantFrom('hostmaster@example.com', 'dns.example.com.'),
        ),
        serial: optional(field(fc.nat())),
      }),
    ),
  ),
  ttl: optional(field(fc.integer({ min: 0, max: 100000 }))),
  records: optional(field(fc.array(record, { maxLength: 4 }))),
});

const FIELD_ERROR =
  /^([A-Za-z_][\w-]*|\["(?:[^"\\]|\\.)*"\])(\[\d+\]|\["(?:[^"\\]|\\.)*"\]|\.[A-Za-z_][\w-]*)*: |^the [a-z-]+ chart's values schema rejects spec\.config: spec\.config/;

function memoryRepo(): RepoReader {
  return { read: () => undefined, listFiles: () => [] };
}

const request: RequestInfo = requestInfo(TEMPLATE_REF, USER_REF);

function listAll(root: string): string[] {
  return readdirSync(root, { recursive: true }) as string[];
}

async function checkRun(
  action: any,
  plan: (
    input: unknown,
    request: RequestInfo,
    open: () => RepoReader,
  ) => ManifestPlan,
  input: Record<string, unknown>,
  root: string,
): Promise<'ok' | 'rejected'> {
  let error: unknown;
  try {
    await runAction(action, input, root);
  } catch (e) {
    error = e;
  }
  if (error) {
    if (!(error instanceof InputError) || !FIELD_ERROR.test(error.message))
      throw error;
    expect(listAll(root)).toEqual([]);
    return 'rejected';
  }
  const planned = plan(input, request, memoryRepo);
  const files = snapshot(root);
  for (const file of planned.files) {
    const docs = parseAllDocuments(files[file.path]).map(doc => doc.toJS());
    expect(docs).toEqual(JSON.parse(JSON.stringify(file.objects)));
    for (const object of docs) expect(upstreamErrors(object)).toEqual([]);
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root);
  return 'ok';
}

describe('fuzz', () => {
  jest.setTimeout(120_000);
  let ws: ReturnType<typeof tempWorkspace>;
  beforeEach(() => {
    ws = tempWorkspace();
  });
  afterEach(() => ws.cleanup());

  const suites: Array<
    [string, any, any, fc.Arbitrary<Record<string, unknown>>, number]
  > = [
    [
      'fleet:cluster:manifest',
      createClusterManifestAction(),
      planClusterManifest,
      clusterInput,
      RUNS.cluster,
    ],
    [
      'fleet:vm:manifest',
      createVmManifestAction(),
      planVmManifest,
      vmInput,
      RUNS.vm,
    ],
    [
      'fleet:image:manifest',
      createImageManifestAction(),
      planImageManifest,
      imageInput,
      RUNS.image,
    ],
    [
      'fleet:dns:manifest',
      createDnsManifestAction(),
      planDnsManifest,
      dnsInput,
      RUNS.dns,
    ],
  ];

  it.each(suites)(
    '%s: valid manifests or a field InputError, never a partial write',
    async (_, action, plan, arbitrary, numRuns) => {
      const outcomes = { ok: 0, rejected: 0 };
      await fc.assert(
        fc.asyncProperty(arbitrary, async input => {
          outcomes[await checkRun(action, plan, input, ws.path)] += 1;
        }),
        { seed: SEED, numRuns },
      );
      // The generators must exercise both paths, or the property proves little.
      expect(outcomes.ok).toBeGreaterThan(numRuns / 20);
      expect(outcomes.rejected).toBeGreaterThan(numRuns / 20);
    },
  );

  it('fleet:cluster:day2: edits or a field InputError, workspace unchanged on error', async () => {
    const action = createClusterDay2Action();
    const seed = async () => {
      rmSync(ws.path, { recursive: true, force: true });
      mkdirSync(ws.path);
      await runAction(
        createClusterManifestAction(),
        exampleInput(clusterManifestExamples[0]),
        ws.path,
      );
    };
    await seed();
    const seeded = snapshot(ws.path);
    const cluster = field(
      fc.constantFrom('prod-eu1', 'prod-eu1', 'prod-eu1', 'other'),
    );
    const day2Input = fc.oneof(
      inputOf({
        cluster,
        operation: field(fc.constant('upgrade-k0s')),
        k0sVersion: field(k0sVersion),
      }),
      inputOf({
        cluster,
        operation: field(fc.constant('scale')),
        workersNumber: optional(field(fc.integer({ min: -1, max: 600 }))),
        controlPlaneNumber: optional(field(fc.integer({ min: 0, max: 16 }))),
      }),
      inputOf({
        cluster,
        operation: field(fc.constant('decommission')),
        k0sVersion: optional(hostile),
      }),
    );
    const outcomes = { ok: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(day2Input, async input => {
        try {
          await runAction(action, input, ws.path);
        } catch (error) {
          if (
            !(error instanceof InputError) ||
            !FIELD_ERROR.test(error.message)
          )
            throw error;
          expect(snapshot(ws.path)).toEqual(seeded);
          outcomes.rejected += 1;
          return;
        }
        outcomes.ok += 1;
        const after = snapshot(ws.path);
        const path = 'clusters/kcm-system/prod-eu1/clusterdeployment.yaml';
        if (after[path]) {
          const [object] = parseAllDocuments(after[path]).map(d => d.toJS());
          expect(upstreamErrors(object)).toEqual([]);
        }
        await seed();
      }),
      { seed: SEED, numRuns: RUNS.day2 },
    );
    expect(outcomes.ok).toBeGreaterThan(10);
    expect(outcomes.rejected).toBeGreaterThan(10);
  });

  it('writes nothing outside the workspace even for a hostile targetPath', async () => {
    const input = {
      ...exampleInput(clusterManifestExamples[0]),
      targetPath: '../../tmp',
    };
    await expect(
      runAction(createClusterManifestAction(), input, ws.path),
    ).rejects.toThrow(/^targetPath: /);
    writeFileSync(join(ws.path, 'marker'), 'x');
    expect(listAll(ws.path)).toEqual(['marker']);
  });
});
