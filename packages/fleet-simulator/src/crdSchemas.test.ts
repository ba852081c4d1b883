import {
  describeErrors,
  loadChartValidator,
  loadCrdValidators,
} from './upstreamCrds';
import { generateFleet } from './generateFleet';
import type { FleetModel, KubeObject } from './types';

const validators = loadCrdValidators(true);
const vsphereValues = loadChartValidator('vsphere-standalone-cp');

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DIGEST_REF = /^[a-z0-9.\-/:]+@sha256:[a-f0-9]{64}$/;

function allObjects(model: FleetModel): KubeObject[] {
  return [...model.mgmt, ...model.dns, ...Object.values(model.children).flat()];
}

/** Everything the upstream CRD schemas (closed: unknown fields would be pruned) say about the objects. */
function schemaErrors(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  for (const object of objects) {
    if (!object.apiVersion.includes('/')) continue; // core kinds: no CRD
    const validate = validators.validator(object.apiVersion, object.kind);
    if (!validate) {
      problems.push(`${object.apiVersion} ${object.kind}: no CRD snapshot`);
      continue;
    }
    if (!validate(object))
      problems.push(...describeErrors(object, validate.errors));
  }
  return problems;
}

function metadataErrors(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  for (const o of objects) {
    const where = `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (!DNS_SUBDOMAIN.test(o.metadata.name) || o.metadata.name.length > 253)
      problems.push(`${where}: bad name`);
    if (
      o.metadata.namespace !== undefined &&
      !DNS_LABEL.test(o.metadata.namespace)
    )
      problems.push(`${where}: bad namespace`);
    for (const [key, value] of Object.entries(o.metadata.labels ?? {})) {
      if (!LABEL_KEY.test(key)) problems.push(`${where}: bad label key ${key}`);
      if (!LABEL_VALUE.test(value))
        problems.push(`${where}: bad label value ${key}=${value}`);
    }
    for (const value of Object.values(o.metadata.annotations ?? {})) {
      if (typeof value !== 'string')
        problems.push(`${where}: annotation values must be strings`);
    }
  }
  return problems;
}

describe('generated objects against the upstream CRD schemas', () => {
  const variants: Array<[string, Parameters<typeof generateFleet>[0]]> = [
    ['the default fleet', {}],
    [
      'big clusters with every record kind',
      { clusters: 7, nodesPerCluster: 6, recordsPerCluster: 9, seed: 42 },
    ],
    [
      'brownfield clusters beside portal-made ones',
      {
        clusters: 12,
        nodesPerCluster: 4,
        brownfieldClusters: 3,
        regionalClusters: 2,
        seed: 3,
      },
    ],
    [
      'small clusters with kubeconfig faults',
      {
        clusters: 13,
        nodesPerCluster: 1,
        recordsPerCluster: 1,
        seed: 7,
        faults: {
          'trading-eu-1': 'kubeconfig-exec',
          'risk-compute-1': 'kubeconfig-missing',
          'tooling-1': 'down',
        },
      },
    ],
  ];

  it('has a CRD snapshot for every custom kind the simulator serves', () => {
    expect(validators.kinds()).toEqual(
      expect.arrayContaining(
        [
          'k0rdent.mirantis.com/v1beta1|ClusterDeployment',
          'k0rdent.mirantis.com/v1beta1|ClusterTemplate',
          'k0rdent.mirantis.com/v1beta1|Credential',
          'controlplane.cluster.x-k8s.io/v1beta2|K0sControlPlane',
          'controlplane.cluster.x-k8s.io/v1beta2|K0smotronControlPlane',
          'infra.virtrigaud.io/v1beta1|VirtualMachine',
          'infra.virtrigaud.io/v1beta1|VMImage',
          'operator.kairos.io/v1alpha1|NodeOpUpgrade',
          'bindy.firestoned.io/v1beta1|DNSZone',
        ].concat(
          [
            'ARecord',
            'AAAARecord',
            'CNAMERecord',
            'MXRecord',
            'TXTRecord',
            'SRVRecord',
          ].map(k => `bindy.firestoned.io/v1beta1|${k}`),
        ),
      ),
    );
  });

  it.each(variants)(
    '%s: only digests in registry.image (digestInRegistryImage: true) break the schemas',
    (_name, options) => {
      const model = generateFleet(options);
      const errors = schemaErrors(allObjects(model));
      // VirtRigaud's pattern admits repo:tag only; with digestInRegistryImage the simulator serves
      // what a cluster with a patched CRD holds (see FleetGeneratorOptions.digestInRegistryImage).
      const deviation =
        /^VMImage \S+ \/spec\/source\/registry\/image: must match pattern/;
      expect(errors.filter(e => !deviation.test(e))).toEqual([]);
      const pinned = model.mgmt.filter(
        o =>
          o.kind === 'VMImage' &&
          DIGEST_REF.test((o.spec as any).source.registry.image),
      );
      expect(errors.filter(e => deviation.test(e))).toHaveLength(pinned.length);
      expect(metadataErrors(allObjects(model))).toEqual([]);
    },
  );

  it('serves objects an unpatched VirtRigaud accepts by default', () => {
    const model = generateFleet();
    expect(schemaErrors(allObjects(model))).toEqual([]);
    const images = model.mgmt.filter(o => o.kind === 'VMImage');
    const annotated = images.filter(
      i => i.metadata.annotations?.['fleetportal.io/image-ref'],
    );
    expect(annotated.length).toBeGreaterThan(0);
    for (const image of annotated) {
      expect(image.metadata.annotations!['fleetportal.io/image-ref']).toMatch(
        DIGEST_REF,
      );
      expect((image.spec as any).source.registry.image).toMatch(
        /^quay\.io\/kairos\/ubuntu:/,
      );
    }
  });

  it.each(variants)(
    "%s: every ClusterDeployment's spec.config satisfies the chart's values schema",
    (_name, options) => {
      const model = generateFleet(options);
      const deployments = model.mgmt.filter(
        o => o.kind === 'ClusterDeployment',
      );
      expect(deployments.length).toBeGreaterThan(0);
      for (const cd of deployments) {
        expect((cd.spec as any).template).toMatch(
          /^vsphere-standalone-cp-\d+-\d+-\d+$/,
        );
        const ok = vsphereValues((cd.spec as any).config);
        expect(ok ? [] : vsphereValues.errors).toEqual([]);
      }
    },
  );

  it('catches what a real API server would prune (the closed schemas are not vacuous)', () => {
    const model = generateFleet({ clusters: 1 });
    const cd = structuredClone(
      model.mgmt.find(o => o.kind === 'ClusterDeployment')!,
    );
    (cd.spec as any).k0sVersion = 'v1.31.2+k0s.0';
    (cd.status as any).services[0].state = 'Exploded';
    (cd.status as any).conditions[0].reason = 'not a reason!';
    expect(schemaErrors([cd])).toEqual([
      expect.stringContaining(
        '/spec/k0sVersion: must NOT have additional properties',
      ),
      expect.stringContaining(
        '/status/conditions/0/reason: must match pattern',
      ),
      expect.stringContaining(
        '/status/services/0/state: must be equal to one of the allowed values',
      ),
    ]);
  });

  it('checks K0smotronControlPlanes against the k0smotron CRD', () => {
    const model = generateFleet({ clusters: 4 });
    const kcp = structuredClone(
      model.mgmt.find(o => o.kind === 'K0smotronControlPlane')!,
    );
    expect(schemaErrors([kcp])).toEqual([]);
    (kcp.spec as any).service.type = 'Ingress';
    (kcp.status as any).k0sVersion = 'v1.31.2+k0s.0';
    expect(schemaErrors([kcp])).toEqual([
      expect.stringContaining('/spec/service/type: must be equal to one of'),
      expect.stringContaining(
        '/status/k0sVersion: must NOT have additional properties',
      ),
    ]);
  });
});
