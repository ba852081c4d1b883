import { KubeConfig } from '@kubernetes/client-node';
import {
  fleetClusterNames,
  generateFleet,
  MISSING_ZONE,
} from './generateFleet';
import type { FleetModel, KubeObject } from './types';

const byKind = (objects: KubeObject[], kind: string) =>
  objects.filter(o => o.kind === kind);
const withScenario = (model: FleetModel, scenario: string) =>
  model.clusters.filter(c => c.scenarios.includes(scenario as any));
const kubeconfigOf = (secret: KubeObject) => {
  const kc = new KubeConfig();
  kc.loadFromString(
    Buffer.from((secret as any).data.value, 'base64').toString('utf8'),
  );
  return kc;
};

describe('generateFleet', () => {
  it('is deterministic: same options, deep-equal objects, whatever the clock says', () => {
    const first = generateFleet({ seed: 5 });
    const now = jest
      .spyOn(Date, 'now')
      .mockReturnValue(Date.parse('2031-03-03T03:03:03Z'));
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.123);
    try {
      expect(generateFleet({ seed: 5 })).toEqual(first);
    } finally {
      now.mockRestore();
      random.mockRestore();
    }
    expect(JSON.stringify(generateFleet({ seed: 5 }))).toBe(
      JSON.stringify(first),
    );
  });

  it('changes with the seed', () => {
    const a = generateFleet({ seed: 1 });
    const b = generateFleet({ seed: 2 });
    expect(a.clusters.map(c => c.name)).toEqual(b.clusters.map(c => c.name));
    expect(a.images.map(i => i.digest)).not.toEqual(
      b.images.map(i => i.digest),
    );
  });

  it('dates everything from baseTime', () => {
    const model = generateFleet({ baseTime: '2030-06-01T12:00:00Z' });
    const times =
      JSON.stringify(model).match(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/g) ?? [];
    expect(times.length).toBeGreaterThan(100);
    for (const t of times)
      expect(Date.parse(JSON.parse(t))).toBeLessThanOrEqual(
        Date.parse('2030-06-01T12:00:00Z'),
      );
    expect(() => generateFleet({ baseTime: 'yesterday' })).toThrow(/baseTime/);
  });

  it('makes the demo fleet: 12 clusters of 3 nodes in 3 team namespaces', () => {
    const model = generateFleet();
    expect(model.clusters.map(c => c.name)).toEqual([
      'trading-eu-1',
      'risk-compute-1',
      'tooling-1',
      'trading-us-1',
      'risk-batch-1',
      'observability-1',
      'trading-apac-1',
      'risk-compute-2',
      'tooling-2',
      'trading-eu-2',
      'risk-batch-2',
      'observability-2',
    ]);
    expect(new Set(model.clusters.map(c => c.namespace))).toEqual(
      new Set(['team-trading', 'team-risk', 'team-platform']),
    );
    for (const cluster of model.clusters) {
      expect(cluster.nodes.map(n => n.role)).toEqual([
        'control-plane',
        'worker',
        'worker',
      ]);
      expect(
        model.children[cluster.name].filter(o => o.kind === 'Node'),
      ).toHaveLength(3);
    }
    expect(byKind(model.mgmt, 'ClusterDeployment')).toHaveLength(12);
    expect(byKind(model.mgmt, 'VirtualMachine')).toHaveLength(36);
    // Every fourth cluster from the fourth is controlled by k0smotron.
    expect(byKind(model.mgmt, 'K0sControlPlane')).toHaveLength(9);
    expect(byKind(model.mgmt, 'K0smotronControlPlane')).toHaveLength(3);
    expect(model.dns.filter(o => o.kind.endsWith('Record'))).toHaveLength(48);
    expect(byKind(model.dns, 'DNSZone')).toHaveLength(3);
  });

  it('mixes healthy clusters with every kind of drift and failure', () => {
    const model = generateFleet();
    const onDesired = model.clusters.filter(
      c =>
        c.desiredK0sVersion === 'v1.31.2+k0s.0' &&
        c.nodes.every(n => n.runningImage === c.desiredImage),
    );
    expect(onDesired.length).toBeGreaterThan(model.clusters.length / 2);
    for (const scenario of [
      'not-ready',
      'node-image-drift',
      'kubelet-drift',
      'build-drift',
      'rollout-in-progress',
      'unknown-digest',
      'completed-upgrade',
      'dash-spelling',
      'available-upgrades',
      'dns-zone-not-found',
      'dns-reconcile-failed',
      'dns-stale-generation',
    ]) {
      expect([scenario, withScenario(model, scenario).length > 0]).toEqual([
        scenario,
        true,
      ]);
    }
    expect(model.clusters.filter(c => !c.ready)).toHaveLength(1);

    const notReady = withScenario(model, 'not-ready')[0];
    const cd = model.mgmt.find(
      o => o.kind === 'ClusterDeployment' && o.metadata.name === notReady.name,
    )!;
    expect(
      (cd.status as any).conditions.find((c: any) => c.type === 'Ready'),
    ).toMatchObject({ status: 'False', reason: 'Failed' });

    const kubelet = withScenario(model, 'kubelet-drift')[0];
    expect(
      kubelet.nodes
        .filter(n => n.role === 'worker')
        .every(n => n.kubeletVersion === 'v1.31.1+k0s'),
    ).toBe(true);

    const build = withScenario(model, 'build-drift')[0];
    expect(build.desiredK0sVersion).toBe('v1.31.2+k0s.1');
    expect(build.controlPlaneVersion).toMatch(/^v1\.31\.2[+-]k0s\.0$/);

    const dash = withScenario(model, 'dash-spelling');
    expect(dash.every(c => /-k0s\.\d+$/.test(c.controlPlaneVersion))).toBe(
      true,
    );

    const drift = withScenario(model, 'node-image-drift')[0];
    expect(new Set(drift.nodes.map(n => n.runningImage)).size).toBe(2);
  });

  it('labels, annotates and links objects the way readers look them up', () => {
    const model = generateFleet();
    for (const cluster of model.clusters) {
      const cd = model.mgmt.find(
        o => o.kind === 'ClusterDeployment' && o.metadata.name === cluster.name,
      )!;
      expect(cd.metadata.annotations).toMatchObject({
        'fleetportal.io/vmimage': cluster.desiredVmImage,
        'fleetportal.io/owner': `group:default/${cluster.team}`,
      });
      const spec = cd.spec as any;
      expect(spec).toMatchObject({
        template: 'vsphere-standalone-cp-1-0-42',
        credential: 'vsphere-cluster-identity-cred',
      });
      expect(spec.config).toMatchObject({
        controlPlaneNumber: 1,
        workersNumber: 2,
        k0s: { version: cluster.desiredK0sVersion },
      });
      const cp = model.mgmt.find(
        o =>
          (o.kind === 'K0sControlPlane' ||
            o.kind === 'K0smotronControlPlane') &&
          o.metadata.labels?.['cluster.x-k8s.io/cluster-name'] === cluster.name,
      )!;
      expect((cp.status as any).version).toBe(cluster.controlPlaneVersion);
      const desired = model.mgmt.find(
        o =>
          o.kind === 'VMImage' &&
          o.metadata.namespace === cluster.namespace &&
          o.metadata.name === cluster.desiredVmImage,
      );
      expect(desired).toBeDefined();

      for (const node of cluster.nodes) {
        const vm = model.mgmt.find(
          o => o.kind === 'VirtualMachine' && o.metadata.name === node.name,
        )!;
        expect(vm.metadata.labels!['fleetportal.io/cluster']).toBe(
          cluster.name,
        );
        expect((vm.spec as any).imageRef.name).toBe(node.vmImage);
        const k8sNode = model.children[cluster.name].find(
          o => o.kind === 'Node' && o.metadata.name === node.name,
        )!;
        expect((k8sNode.status as any).nodeInfo.kubeletVersion).toMatch(
          /^v\d+\.\d+\.\d+\+k0s$/,
        );
        expect(k8sNode.metadata.labels).toMatchObject({
          'kairos.io/managed': 'true',
          'kairos.io/flavor': 'ubuntu',
        });
        expect(
          k8sNode.metadata.labels!['kairos.io/software-version'],
        ).not.toContain('+');
        expect(k8sNode.metadata.annotations!['kairos.io/version']).toMatch(
          /^v3\.5\.\d$/,
        );
        expect(
          k8sNode.metadata.annotations!['fleetportal.io/image-ref'],
        ).toMatch(/^quay\.io\/kairos\/ubuntu[@:]/);
      }
    }
    // Exactly one VMImage per namespace is tag-only.
    const images = byKind(model.mgmt, 'VMImage');
    // The digest pin is the fleetportal.io/image-ref annotation (registry.image holds repo:tag).
    const tagOnly = images.filter(
      i =>
        !i.metadata.annotations?.['fleetportal.io/image-ref']?.includes(
          '@sha256:',
        ),
    );
    expect(tagOnly).toHaveLength(3);
    expect(new Set(tagOnly.map(i => i.metadata.namespace)).size).toBe(3);
  });

  it('gives some clusters completed NodeOpUpgrades and one a rollout in progress', () => {
    const model = generateFleet();
    const upgrades = Object.values(model.children)
      .flat()
      .filter(o => o.kind === 'NodeOpUpgrade');
    const running = upgrades.filter(u => (u.status as any).phase === 'Running');
    expect(running).toHaveLength(1);
    const phases = Object.values((running[0].status as any).nodeStatuses).map(
      (s: any) => s.phase,
    );
    expect(phases).toEqual(['Completed', 'Running', 'Pending']);
    expect(
      upgrades.filter(u => (u.status as any).phase === 'Completed').length,
    ).toBeGreaterThan(0);
    for (const u of upgrades)
      expect((u.spec as any).image).toMatch(/@sha256:[a-f0-9]{64}$/);
  });

  it('writes bindy records with synced and unsynced status', () => {
    const model = generateFleet();
    const records = model.dns.filter(o => o.kind.endsWith('Record'));
    for (const r of records) {
      expect(r.metadata.labels).toMatchObject({
        'fleetportal.io/cluster': expect.any(String),
        'bindy.firestoned.io/zone': expect.any(String),
      });
    }
    const reasons = records.map(r => (r.status as any).conditions[0].reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'ReconcileSucceeded',
        'ZoneNotFound',
        'ReconcileFailed',
      ]),
    );
    const stale = records.filter(
      r => (r.status as any).observedGeneration < r.metadata.generation!,
    );
    expect(stale).toHaveLength(1);
    const orphan = records.find(
      r => (r.status as any).conditions[0].reason === 'ZoneNotFound',
    )!;
    expect(orphan.metadata.labels!['bindy.firestoned.io/zone']).toBe(
      MISSING_ZONE,
    );
    expect((orphan.status as any).zoneRef).toBeUndefined();
    const synced = records.find(
      r => (r.status as any).conditions[0].reason === 'ReconcileSucceeded',
    )!;
    expect((synced.status as any).zoneRef.zoneName).toBe(
      synced.metadata.labels!['bindy.firestoned.io/zone'],
    );
    expect(
      model.clusters.flatMap(c => c.dnsRecords).filter(r => !r.synced),
    ).toHaveLength(3);
  });

  it('writes a kubeconfig Secret per cluster, shaped by the kubeconfig faults', () => {
    const model = generateFleet({
      clusters: 4,
      faults: {
        'trading-eu-1': 'kubeconfig-missing',
        'risk-compute-1': 'kubeconfig-exec',
        'tooling-1': 'down',
      },
      access: {
        baseUrl: 'https://127.0.0.1:6443',
        closedBaseUrl: 'https://127.0.0.1:9',
        caData: 'Q0E=',
        tokens: {
          'trading-eu-1': 'a',
          'risk-compute-1': 'b',
          'tooling-1': 'c',
          'trading-us-1': 'd',
        },
      },
    });
    const secrets = byKind(model.mgmt, 'Secret');
    expect(secrets.map(s => s.metadata.name).sort()).toEqual([
      'risk-compute-1-kubeconfig',
      'tooling-1-kubeconfig',
      'trading-us-1-kubeconfig',
    ]);
    const healthy = kubeconfigOf(
      secrets.find(s => s.metadata.name === 'trading-us-1-kubeconfig')!,
    );
    expect(healthy.getCurrentCluster()).toMatchObject({
      server: 'https://127.0.0.1:6443/clusters/trading-us-1',
      caData: 'Q0E=',
      skipTLSVerify: false,
    });
    expect(healthy.getCurrentUser()).toMatchObject({ token: 'd' });
    expect(healthy.getCurrentUser()!.exec).toBeUndefined();
    expect(
      kubeconfigOf(
        secrets.find(s => s.metadata.name === 'tooling-1-kubeconfig')!,
      ).getCurrentCluster()!.server,
    ).toBe('https://127.0.0.1:9/clusters/tooling-1');
    const exec = kubeconfigOf(
      secrets.find(s => s.metadata.name === 'risk-compute-1-kubeconfig')!,
    );
    expect(exec.getCurrentUser()!.exec).toMatchObject({
      apiVersion: 'client.authentication.k8s.io/v1',
    });
    expect(exec.getCurrentUser()!.token).toBeUndefined();
  });

  it('honours the size knobs', () => {
    const model = generateFleet({
      clusters: 30,
      nodesPerCluster: 5,
      recordsPerCluster: 9,
    });
    expect(model.clusters).toHaveLength(30);
    expect(new Set(model.clusters.map(c => c.name)).size).toBe(30);
    expect(model.clusters[0].nodes.map(n => n.role)).toEqual([
      'control-plane',
      'control-plane',
      'control-plane',
      'worker',
      'worker',
    ]);
    expect(model.dns.filter(o => o.kind.endsWith('Record'))).toHaveLength(270);
    expect(
      new Set(
        model.dns.map(
          o => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`,
        ),
      ).size,
    ).toBe(model.dns.length);
    expect(generateFleet({ clusters: 0 }).clusters).toEqual([]);
    expect(
      generateFleet({ clusters: 2, recordsPerCluster: 0 }).dns.filter(o =>
        o.kind.endsWith('Record'),
      ),
    ).toEqual([]);
    expect(fleetClusterNames(5).map(n => n.name)).toEqual([
      'trading-eu-1',
      'risk-compute-1',
      'tooling-1',
      'trading-us-1',
      'risk-batch-1',
    ]);
  });
});
