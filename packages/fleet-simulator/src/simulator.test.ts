import {
  CoreV1Api,
  makeInformer,
  CustomObjectsApi,
  KubeConfig,
  VersionApi,
  Watch,
} from '@kubernetes/client-node';
import {
  dnsConfig,
  kubeConfigFor,
  managementConfig,
  rejectionOf,
} from './__testUtils__/kube';
import {
  startFleetSimulator,
  type FleetSimulator,
} from './startFleetSimulator';

const CD = {
  group: 'k0rdent.mirantis.com',
  version: 'v1beta1',
  plural: 'clusterdeployments',
};
const VM = {
  group: 'infra.virtrigaud.io',
  version: 'v1beta1',
  plural: 'virtualmachines',
};
const VMIMAGE = {
  group: 'infra.virtrigaud.io',
  version: 'v1beta1',
  plural: 'vmimages',
};
const NOU = {
  group: 'operator.kairos.io',
  version: 'v1alpha1',
  plural: 'nodeopupgrades',
};
const BINDY = { group: 'bindy.firestoned.io', version: 'v1beta1' };

let sim: FleetSimulator;
let mgmt: KubeConfig;

/** The child kubeconfig exactly as a backend gets it: from the management cluster's Secret. */
async function childConfig(cluster: string): Promise<KubeConfig> {
  const namespace = sim.model.clusters.find(c => c.name === cluster)!.namespace;
  const secret = await mgmt
    .makeApiClient(CoreV1Api)
    .readNamespacedSecret({ name: `${cluster}-kubeconfig`, namespace });
  const kc = new KubeConfig();
  kc.loadFromString(Buffer.from(secret.data!.value, 'base64').toString('utf8'));
  return kc;
}

async function listAll<T>(
  page: (cont?: string) => Promise<{
    items: T[];
    metadata?: { _continue?: string; continue?: string };
  }>,
) {
  const items: T[] = [];
  const pages: number[] = [];
  let cont: string | undefined;
  do {
    const result = await page(cont);
    items.push(...result.items);
    pages.push(result.items.length);
    cont = result.metadata?._continue ?? result.metadata?.continue;
  } while (cont);
  return { items, pages };
}

beforeAll(async () => {
  sim = await startFleetSimulator({ seed: 3 });
  mgmt = managementConfig(sim);
});

afterAll(async () => {
  await sim.stop();
});

describe('management cluster through @kubernetes/client-node', () => {
  it('lists ClusterDeployments across namespaces, in one namespace, and by label', async () => {
    const api = mgmt.makeApiClient(CustomObjectsApi);
    const all = await api.listClusterCustomObject(CD);
    expect(all).toMatchObject({
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeploymentList',
    });
    expect(all.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(all.items).toHaveLength(12);
    for (const item of all.items)
      expect(item).toMatchObject({
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'ClusterDeployment',
      });

    const trading = await api.listNamespacedCustomObject({
      ...CD,
      namespace: 'team-trading',
    });
    expect(trading.items.map((i: any) => i.metadata.name).sort()).toEqual([
      'trading-apac-1',
      'trading-eu-1',
      'trading-eu-2',
      'trading-us-1',
    ]);

    const risk = await api.listClusterCustomObject({
      ...CD,
      labelSelector: 'fleetportal.io/team=risk',
    });
    expect(risk.items.map((i: any) => i.metadata.namespace)).toEqual([
      'team-risk',
      'team-risk',
      'team-risk',
      'team-risk',
    ]);
    const notRisk = await api.listClusterCustomObject({
      ...CD,
      labelSelector: 'fleetportal.io/team notin (risk),fleetportal.io/team',
    });
    expect(notRisk.items).toHaveLength(8);
  });

  it('filters VirtualMachines by cluster label (equality and set-based) and by field', async () => {
    const api = mgmt.makeApiClient(CustomObjectsApi);
    const one = await api.listClusterCustomObject({
      ...VM,
      labelSelector: 'fleetportal.io/cluster=tooling-1',
    });
    expect(one.items.map((i: any) => i.metadata.name)).toEqual([
      'tooling-1-cp-0',
      'tooling-1-worker-0',
      'tooling-1-worker-1',
    ]);
    const two = await api.listClusterCustomObject({
      ...VM,
      labelSelector: 'fleetportal.io/cluster in (tooling-1, tooling-2)',
    });
    expect(two.items).toHaveLength(6);
    const named = await api.listClusterCustomObject({
      ...VM,
      fieldSelector: 'metadata.name=tooling-2-worker-1',
    });
    expect(named.items.map((i: any) => i.metadata.name)).toEqual([
      'tooling-2-worker-1',
    ]);
    const bad = await rejectionOf(
      api.listClusterCustomObject({ ...VM, labelSelector: 'a in (' }),
    );
    expect(bad.code).toBe(400);
  });

  it('pages with limit and continue: every item exactly once', async () => {
    const api = mgmt.makeApiClient(CustomObjectsApi);
    const first = await api.listClusterCustomObject({ ...CD, limit: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.metadata.continue).toEqual(expect.any(String));
    expect(first.metadata.remainingItemCount).toBe(7);

    const { items, pages } = await listAll<any>(async cont => {
      const r = await api.listClusterCustomObject({
        ...VM,
        limit: 7,
        _continue: cont,
      });
      return { items: r.items, metadata: r.metadata };
    });
    expect(pages).toEqual([7, 7, 7, 7, 7, 1]);
    const keys = items.map(i => `${i.metadata.namespace}/${i.metadata.name}`);
    expect(new Set(keys).size).toBe(36);
    expect(keys).toEqual([...keys].sort());

    const selected = await listAll<any>(async cont => {
      const r = await api.listClusterCustomObject({
        ...VM,
        limit: 2,
        _continue: cont,
        labelSelector: 'fleetportal.io/pool=control-plane',
      });
      expect(r.metadata.remainingItemCount).toBeUndefined();
      return { items: r.items, metadata: r.metadata };
    });
    expect(selected.items).toHaveLength(12);
    expect(new Set(selected.items.map(i => i.metadata.name)).size).toBe(12);
  });

  it('gets one object, and answers 404 Status for what does not exist', async () => {
    const api = mgmt.makeApiClient(CustomObjectsApi);
    const cd = await api.getNamespacedCustomObject({
      ...CD,
      namespace: 'team-platform',
      name: 'tooling-1',
    });
    expect(cd).toMatchObject({
      kind: 'ClusterDeployment',
      metadata: { name: 'tooling-1', namespace: 'team-platform' },
    });

    const missing = await rejectionOf(
      api.getNamespacedCustomObject({
        ...CD,
        namespace: 'team-platform',
        name: 'nope',
      }),
    );
    expect(missing.code).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'clusterdeployments.k0rdent.mirantis.com "nope" not found',
    });

    const unknownKind = await rejectionOf(
      api.listClusterCustomObject({
        group: 'example.com',
        version: 'v1',
        plural: 'widgets',
      }),
    );
    expect(unknownKind.code).toBe(404);
    // A CRD the management cluster does not have.
    const notInstalled = await rejectionOf(api.listClusterCustomObject(NOU));
    expect(notInstalled.code).toBe(404);
  });

  it('serves the kubeconfig Secret and /version', async () => {
    const core = mgmt.makeApiClient(CoreV1Api);
    const secret = await core.readNamespacedSecret({
      name: 'tooling-1-kubeconfig',
      namespace: 'team-platform',
    });
    expect(secret.type).toBe('cluster.x-k8s.io/secret');
    const kubeconfig = Buffer.from(secret.data!.value, 'base64').toString(
      'utf8',
    );
    expect(kubeconfig).toContain(`server: "${sim.url}/clusters/tooling-1"`);
    expect(kubeconfig).not.toContain(sim.management.token);
    const version = await mgmt.makeApiClient(VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.31.2+k0s');
  });

  it('answers 401 without a token or with a wrong one', async () => {
    for (const kc of [
      kubeConfigFor(sim.management.url),
      kubeConfigFor(sim.management.url, 'wrong'),
    ]) {
      const error = await rejectionOf(
        kc.makeApiClient(CustomObjectsApi).listClusterCustomObject(CD),
      );
      expect(error.code).toBe(401);
    }
    // client-node drops 401 bodies; the Status is there all the same.
    const raw = await fetch(`${sim.management.url}/api/v1/namespaces`, {
      headers: { Authorization: 'Bearer wrong' },
    });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    const error = await rejectionOf(
      dnsConfig(sim, 'wrong')
        .makeApiClient(CustomObjectsApi)
        .listClusterCustomObject({ ...BINDY, plural: 'arecords' }),
    );
    expect(error.code).toBe(401);
  });
});

describe('child clusters', () => {
  it('reaches a child with the kubeconfig from its Secret', async () => {
    const kc = await childConfig('trading-eu-1');
    const nodes = await kc.makeApiClient(CoreV1Api).listNode();
    expect(nodes.items.map(n => n.metadata?.name)).toEqual([
      'trading-eu-1-cp-0',
      'trading-eu-1-worker-0',
      'trading-eu-1-worker-1',
    ]);
    const cp = nodes.items[0];
    expect(cp.metadata?.labels?.['node-role.kubernetes.io/control-plane']).toBe(
      '',
    );
    expect(cp.status?.nodeInfo?.kubeletVersion).toBe('v1.31.2+k0s');
    expect(cp.status?.conditions?.find(c => c.type === 'Ready')?.status).toBe(
      'True',
    );

    const workers = await kc
      .makeApiClient(CoreV1Api)
      .listNode({ labelSelector: '!node-role.kubernetes.io/control-plane' });
    expect(workers.items).toHaveLength(2);
    const paged = await listAll(async cont => {
      const r = await kc
        .makeApiClient(CoreV1Api)
        .listNode({ limit: 1, _continue: cont });
      return { items: r.items, metadata: r.metadata };
    });
    expect(paged.pages).toEqual([1, 1, 1]);
  });

  it('serves the built-in workload APIs on a child, empty, as the core Kubernetes plugin lists them', async () => {
    const kc = await childConfig('trading-eu-1');
    const token = kc.getCurrentUser()!.token!;
    for (const path of [
      '/api/v1/pods',
      '/api/v1/services',
      '/api/v1/configmaps',
      '/api/v1/limitranges',
      '/api/v1/resourcequotas',
      '/apis/apps/v1/deployments',
      '/apis/apps/v1/replicasets',
      '/apis/apps/v1/statefulsets',
      '/apis/apps/v1/daemonsets',
      '/apis/autoscaling/v2/horizontalpodautoscalers',
      '/apis/batch/v1/jobs',
      '/apis/batch/v1/cronjobs',
      '/apis/networking.k8s.io/v1/ingresses',
    ]) {
      const res = await fetch(
        `${
          sim.url
        }/clusters/trading-eu-1${path}?labelSelector=${encodeURIComponent(
          'backstage.io/kubernetes-id=payments',
        )}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect([path, res.status]).toEqual([path, 200]);
      const body = await res.json();
      expect(body.items).toEqual([]);
    }
  });

  it('requires the cluster’s own token', async () => {
    const other = await childConfig('risk-compute-1');
    const token = other.getCurrentUser()!.token!;
    const wrong = kubeConfigFor(`${sim.url}/clusters/trading-eu-1`, token);
    const error = await rejectionOf(wrong.makeApiClient(CoreV1Api).listNode());
    expect(error.code).toBe(401);
    expect(token).not.toBe(
      (await childConfig('trading-eu-1')).getCurrentUser()!.token,
    );
    const mgmtToken = await rejectionOf(
      kubeConfigFor(`${sim.url}/clusters/trading-eu-1`, sim.management.token)
        .makeApiClient(CoreV1Api)
        .listNode(),
    );
    expect(mgmtToken.code).toBe(401);
    const unknown = await rejectionOf(
      kubeConfigFor(`${sim.url}/clusters/no-such-cluster`, token)
        .makeApiClient(CoreV1Api)
        .listNode(),
    );
    expect(unknown.code).toBe(404);
  });

  it('serves NodeOpUpgrades where Kairos upgrades ran', async () => {
    const rollout = sim.model.clusters.find(c =>
      c.scenarios.includes('rollout-in-progress'),
    )!;
    const kc = await childConfig(rollout.name);
    const upgrades = await kc
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject(NOU);
    expect(upgrades.items).toHaveLength(1);
    const statuses = upgrades.items[0].status.nodeStatuses;
    expect(Object.values(statuses).map((s: any) => s.phase)).toEqual([
      'Completed',
      'Running',
      'Pending',
    ]);
    const healthy = sim.model.clusters.find(
      c => c.scenarios.length === 1 && c.scenarios[0] === 'healthy',
    )!;
    const none = await (await childConfig(healthy.name))
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject(NOU);
    expect(none.items).toEqual([]);
  });

  it('streams a watch: current objects, then changes; ends it when the cluster goes down', async () => {
    const kc = await childConfig('tooling-2');
    const events: Array<[string, string]> = [];
    let ended = false;
    await new Watch(kc).watch(
      '/api/v1/nodes',
      {},
      (type, object) => events.push([type, object.metadata.name]),
      () => {
        ended = true;
      },
    );
    await waitFor(() => events.length === 3);
    expect(events.map(e => e[0])).toEqual(['ADDED', 'ADDED', 'ADDED']);

    const store = sim.objects('tooling-2');
    const node = store.get({
      apiVersion: 'v1',
      kind: 'Node',
      name: 'tooling-2-worker-1',
    })!;
    node.metadata.labels = { ...node.metadata.labels, extra: 'yes' };
    store.upsert(node);
    await waitFor(() => events.length === 4);
    expect(events[3]).toEqual(['MODIFIED', 'tooling-2-worker-1']);
    store.delete({
      apiVersion: 'v1',
      kind: 'Node',
      name: 'tooling-2-worker-1',
    });
    await waitFor(() => events.length === 5);
    expect(events[4]).toEqual(['DELETED', 'tooling-2-worker-1']);
    store.upsert(node);
    expect(ended).toBe(false);
    sim.setFault('tooling-2', 'down');
    try {
      await waitFor(() => ended);
    } finally {
      sim.setFault('tooling-2', undefined);
    }
  });
});

describe('informers', () => {
  it('list then watch from the list resourceVersion: sees later changes once', async () => {
    const path =
      '/apis/k0rdent.mirantis.com/v1beta1/namespaces/team-risk/clusterdeployments';
    const api = mgmt.makeApiClient(CustomObjectsApi);
    const informer = makeInformer<any>(mgmt, path, () =>
      api.listNamespacedCustomObject({ ...CD, namespace: 'team-risk' }),
    );
    const added: string[] = [];
    informer.on('add', obj => added.push(obj.metadata.name));
    await informer.start();
    try {
      await waitFor(() => added.length === 4);
      const store = sim.objects('mgmt');
      const copy = store.get({
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'ClusterDeployment',
        namespace: 'team-risk',
        name: 'risk-batch-2',
      })!;
      copy.metadata = { name: 'risk-batch-7', namespace: 'team-risk' };
      store.upsert(copy);
      await waitFor(() => added.length === 5);
      expect(added.sort()).toEqual([
        'risk-batch-1',
        'risk-batch-2',
        'risk-batch-7',
        'risk-compute-1',
        'risk-compute-2',
      ]);
      store.delete({
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'ClusterDeployment',
        namespace: 'team-risk',
        name: 'risk-batch-7',
      });
      await waitFor(() => informer.list().length === 4);
    } finally {
      await informer.stop();
    }
  });

  it('answers a watch from a resourceVersion it no longer has with a 410 ERROR event', async () => {
    const events: Array<{ type: string; object: any }> = [];
    let ended = false;
    await new Watch(mgmt).watch(
      '/apis/k0rdent.mirantis.com/v1beta1/clusterdeployments',
      { resourceVersion: '5' },
      (type, object) => events.push({ type, object }),
      () => {
        ended = true;
      },
    );
    await waitFor(() => ended);
    expect(events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
        }),
      },
    ]);
  });
});

describe('DNS cluster', () => {
  it('lists bindy records by zone and cluster label with their status', async () => {
    const api = dnsConfig(sim).makeApiClient(CustomObjectsApi);
    const records = await api.listClusterCustomObject({
      ...BINDY,
      plural: 'arecords',
      labelSelector: 'fleetportal.io/cluster=trading-eu-1',
    });
    expect(records.items.length).toBeGreaterThan(0);
    for (const r of records.items) {
      expect(r.metadata.labels['bindy.firestoned.io/zone']).toEqual(
        expect.any(String),
      );
      expect(r.status.conditions[0].type).toBe('Ready');
    }
    const zones = await api.listNamespacedCustomObject({
      ...BINDY,
      plural: 'dnszones',
      namespace: 'team-trading',
    });
    expect(zones.items.map((z: any) => z.spec.zoneName)).toEqual([
      'trading.fleet.example.com',
    ]);
    const empty = await api.listClusterCustomObject({
      ...BINDY,
      plural: 'caarecords',
    });
    expect(empty.items).toEqual([]);
  });
});

describe('control from tests', () => {
  it('counts requests and adds latency', async () => {
    const api = mgmt.makeApiClient(CustomObjectsApi);
    sim.resetRequestCount();
    await api.listClusterCustomObject(CD);
    await api.listClusterCustomObject(VM);
    expect(sim.requestCount()).toBe(2);
    sim.setLatency(150);
    const started = Date.now();
    await api.listClusterCustomObject(CD);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    sim.setLatency(0);
  });

  it('serves what tests upsert and stops serving what they delete', async () => {
    const api = mgmt.makeApiClient(CustomObjectsApi);
    const store = sim.objects('mgmt');
    const copy = store.get({
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      namespace: 'team-risk',
      name: 'risk-batch-1',
    })!;
    copy.metadata = {
      name: 'risk-batch-9',
      namespace: 'team-risk',
      labels: copy.metadata.labels,
    };
    const stored = store.upsert(copy);
    expect(stored.metadata).toMatchObject({
      generation: 1,
      resourceVersion: store.resourceVersion(),
    });
    expect((await api.listClusterCustomObject(CD)).items).toHaveLength(13);
    (copy.spec as any).config.k0s.version = 'v1.31.3+k0s.0';
    expect(store.upsert(copy).metadata.generation).toBe(2);
    expect(
      store.delete({
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'ClusterDeployment',
        namespace: 'team-risk',
        name: 'risk-batch-9',
      }),
    ).toBe(true);
    expect((await api.listClusterCustomObject(CD)).items).toHaveLength(12);
    expect(() => sim.objects('nope')).toThrow(/unknown scope/);
  });

  it('setNodeImage moves a node to a new image every source agrees on', async () => {
    const cluster = sim.model.clusters.find(c =>
      c.scenarios.includes('completed-upgrade'),
    )!;
    const node = cluster.nodes[1].name;
    const reference = `quay.io/kairos/ubuntu@sha256:${'ab'.repeat(32)}`;
    sim.setNodeImage(cluster.name, node, reference);

    const api = mgmt.makeApiClient(CustomObjectsApi);
    const vm = await api.getNamespacedCustomObject({
      ...VM,
      namespace: cluster.namespace,
      name: node,
    });
    const image = await api.getNamespacedCustomObject({
      ...VMIMAGE,
      namespace: cluster.namespace,
      name: vm.spec.imageRef.name,
    });
    expect(image.metadata.annotations['fleetportal.io/image-ref']).toBe(
      reference,
    );
    expect(image.spec.source.registry.image).toMatch(/^[^@]+:[^@/]+$/);
    expect(vm.metadata.generation).toBe(2);

    const kc = await childConfig(cluster.name);
    const k8sNode = await kc.makeApiClient(CoreV1Api).readNode({ name: node });
    expect(k8sNode.metadata?.annotations?.['fleetportal.io/image-ref']).toBe(
      reference,
    );
    const upgrades = (
      await kc.makeApiClient(CustomObjectsApi).listClusterCustomObject(NOU)
    ).items;
    const newest = upgrades
      .map((u: any) => ({
        image: u.spec.image,
        status: u.status.nodeStatuses[node],
      }))
      .filter((u: any) => u.status)
      .sort((a: any, b: any) =>
        b.status.lastUpdated.localeCompare(a.status.lastUpdated),
      )[0];
    expect(newest).toMatchObject({
      image: reference,
      status: { phase: 'Completed' },
    });

    // The same reference again reuses the VMImage.
    sim.setNodeImage(cluster.name, cluster.nodes[2].name, reference);
    const vm2 = await api.getNamespacedCustomObject({
      ...VM,
      namespace: cluster.namespace,
      name: cluster.nodes[2].name,
    });
    expect(vm2.spec.imageRef.name).toBe(vm.spec.imageRef.name);
  });

  it('setNodeImage completes a running rollout for the node', async () => {
    const cluster = sim.model.clusters.find(c =>
      c.scenarios.includes('rollout-in-progress'),
    )!;
    const upgrade = sim
      .objects(cluster.name)
      .list({ kind: 'NodeOpUpgrade' })[0];
    sim.setNodeImage(
      cluster.name,
      cluster.nodes[1].name,
      (upgrade.spec as any).image,
    );
    const after = sim.objects(cluster.name).list({ kind: 'NodeOpUpgrade' });
    expect(after).toHaveLength(1);
    expect(
      (after[0].status as any).nodeStatuses[cluster.nodes[1].name].phase,
    ).toBe('Completed');
    expect(() => sim.setNodeImage(cluster.name, 'nope', 'x:y')).toThrow(
      /no node/,
    );
    expect(() => sim.setNodeImage('nope', 'nope', 'x:y')).toThrow(
      /unknown cluster/,
    );
  });
});

async function waitFor(
  condition: () => boolean,
  timeoutMs = 5000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

describe('stop', () => {
  it('ends open watches and closes every socket', async () => {
    const local = await startFleetSimulator({ clusters: 1 });
    const kc = kubeConfigFor(local.management.url, local.management.token);
    let done = false;
    await new Watch(kc).watch(
      '/apis/k0rdent.mirantis.com/v1beta1/clusterdeployments',
      {},
      () => {},
      () => {
        done = true;
      },
    );
    await local.stop();
    await waitFor(() => done);
    const error = await rejectionOf(
      kc.makeApiClient(CustomObjectsApi).listClusterCustomObject(CD),
    );
    expect(String(error.message ?? error)).toMatch(/ECONNREFUSED/);
    await local.stop();
  });
});
