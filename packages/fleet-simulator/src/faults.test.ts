import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import { managementConfig, rejectionOf } from './__testUtils__/kube';
import {
  startFleetSimulator,
  type FleetSimulator,
} from './startFleetSimulator';

const NOU = {
  group: 'operator.kairos.io',
  version: 'v1alpha1',
  plural: 'nodeopupgrades',
};

let sim: FleetSimulator;
let mgmt: KubeConfig;

function namespaceOf(cluster: string) {
  return sim.model.clusters.find(c => c.name === cluster)!.namespace;
}

async function secretText(cluster: string): Promise<string> {
  const secret = await mgmt.makeApiClient(CoreV1Api).readNamespacedSecret({
    name: `${cluster}-kubeconfig`,
    namespace: namespaceOf(cluster),
  });
  return Buffer.from(secret.data!.value, 'base64').toString('utf8');
}

async function nodesApi(cluster: string): Promise<CoreV1Api> {
  const kc = new KubeConfig();
  kc.loadFromString(await secretText(cluster));
  return kc.makeApiClient(CoreV1Api);
}

beforeAll(async () => {
  sim = await startFleetSimulator({
    slowMs: 400,
    faults: { 'trading-eu-1': 'down', 'risk-compute-1': 'forbidden' },
  });
  mgmt = managementConfig(sim);
});

afterAll(async () => {
  await sim.stop();
});

describe('faults', () => {
  it('down: the kubeconfig points to a closed port, so the connection is refused', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(await secretText('trading-eu-1'));
    const server = kc.getCurrentCluster()!.server;
    expect(server).not.toContain(sim.url);
    const error = await rejectionOf(
      (await nodesApi('trading-eu-1')).listNode(),
    );
    expect(error.code ?? error.errno).toBe('ECONNREFUSED');
  });

  it('down reached directly: the connection is dropped', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(
      (await secretText('trading-eu-1')).replace(
        /server: "[^"]+"/,
        `server: "${sim.url}/clusters/trading-eu-1"`,
      ),
    );
    const error = await rejectionOf(kc.makeApiClient(CoreV1Api).listNode());
    expect(String(error.message)).toMatch(/socket hang up|ECONNRESET/);
  });

  it('forbidden (set at start): 403 Status', async () => {
    const error = await rejectionOf(
      (await nodesApi('risk-compute-1')).listNode(),
    );
    expect(error.code).toBe(403);
    expect(JSON.parse(error.body)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
    });
  });

  it.each([
    ['unauthorized', 401],
    ['server-error', 500],
  ] as const)(
    '%s: %i, and back to normal when cleared',
    async (fault, code) => {
      const api = await nodesApi('tooling-1');
      sim.setFault('tooling-1', fault);
      try {
        expect((await rejectionOf(api.listNode())).code).toBe(code);
      } finally {
        sim.setFault('tooling-1', undefined);
      }
      expect((await api.listNode()).items).toHaveLength(3);
    },
  );

  it('server-error: an InternalError Status', async () => {
    const api = await nodesApi('tooling-1');
    sim.setFault('tooling-1', 'server-error');
    try {
      const error = await rejectionOf(api.listNode());
      expect(JSON.parse(error.body)).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'InternalError',
        code: 500,
      });
    } finally {
      sim.setFault('tooling-1', undefined);
    }
  });

  it('malformed: 200 with invalid JSON makes the client fail to parse', async () => {
    const api = await nodesApi('trading-us-1');
    sim.setFault('trading-us-1', 'malformed');
    try {
      const error = await rejectionOf(api.listNode());
      expect(error).toBeInstanceOf(Error);
      expect(String(error.message)).toMatch(/JSON|Unexpected|Unterminated/i);
    } finally {
      sim.setFault('trading-us-1', undefined);
    }
  });

  it('slow: answers after slowMs', async () => {
    const api = await nodesApi('risk-batch-1');
    sim.setFault('risk-batch-1', 'slow');
    try {
      const started = Date.now();
      await api.listNode();
      expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    } finally {
      sim.setFault('risk-batch-1', undefined);
    }
  });

  it('missing-fields: nodes come back without status or metadata fields', async () => {
    const api = await nodesApi('observability-1');
    sim.setFault('observability-1', 'missing-fields');
    try {
      const nodes = (await api.listNode()).items;
      expect(nodes).toHaveLength(3);
      expect(nodes[0].status).toBeUndefined();
      expect(nodes[1].metadata?.labels).toBeUndefined();
      expect(nodes[1].status?.nodeInfo).toBeUndefined();
      expect(nodes[2].status?.conditions).toBeUndefined();
      const one = await api.readNode({ name: nodes[0].metadata!.name! });
      expect(one.status).toBeUndefined();
    } finally {
      sim.setFault('observability-1', undefined);
    }
    expect((await api.listNode()).items.every(n => n.status?.nodeInfo)).toBe(
      true,
    );
  });

  it('paging-breaks: the first page is fine, the continue token answers 410 Expired', async () => {
    const api = await nodesApi('trading-apac-1');
    sim.setFault('trading-apac-1', 'paging-breaks');
    try {
      const first = await api.listNode({ limit: 2 });
      expect(first.items).toHaveLength(2);
      expect(first.metadata?._continue).toEqual(expect.any(String));
      const error = await rejectionOf(
        api.listNode({ limit: 2, _continue: first.metadata!._continue }),
      );
      expect(error.code).toBe(410);
      expect(JSON.parse(error.body)).toMatchObject({
        kind: 'Status',
        reason: 'Expired',
        code: 410,
      });
    } finally {
      sim.setFault('trading-apac-1', undefined);
    }
  });

  it('kubeconfig-exec: the Secret asks for an exec credential plugin', async () => {
    sim.setFault('risk-compute-2', 'kubeconfig-exec');
    const userOf = async () => {
      const kc = new KubeConfig();
      kc.loadFromString(await secretText('risk-compute-2'));
      return kc.getCurrentUser()!;
    };
    try {
      const user = await userOf();
      expect(user.token).toBeUndefined();
      expect(user.exec).toMatchObject({
        apiVersion: 'client.authentication.k8s.io/v1',
        command: expect.any(String),
      });
    } finally {
      sim.setFault('risk-compute-2', undefined);
    }
    expect((await userOf()).token).toEqual(expect.any(String));
  });

  it('kubeconfig-missing: there is no Secret, until the fault is cleared', async () => {
    sim.setFault('tooling-2', 'kubeconfig-missing');
    const error = await rejectionOf(secretText('tooling-2'));
    expect(error.code).toBe(404);
    sim.setFault('tooling-2', undefined);
    expect((await (await nodesApi('tooling-2')).listNode()).items).toHaveLength(
      3,
    );
  });

  it('only touches the faulty cluster and its kinds', async () => {
    sim.setFault('trading-eu-2', 'missing-fields');
    try {
      const kc = new KubeConfig();
      kc.loadFromString(await secretText('trading-eu-2'));
      const upgrades = await kc
        .makeApiClient(CustomObjectsApi)
        .listClusterCustomObject(NOU);
      expect(upgrades.items.every((u: any) => u.status === undefined)).toBe(
        true,
      );
      const healthy = await (await nodesApi('risk-batch-2')).listNode();
      expect(healthy.items.every(n => n.status)).toBe(true);
    } finally {
      sim.setFault('trading-eu-2', undefined);
    }
  });

  it('refuses unknown clusters and faults', () => {
    expect(() => sim.setFault('nope', 'down')).toThrow(/unknown cluster/);
    expect(() => sim.setFault('tooling-1', 'explode' as any)).toThrow(
      /unknown fault/,
    );
  });
});

describe('stop with a slow request in flight', () => {
  it('closes the connection instead of waiting', async () => {
    const local = await startFleetSimulator({
      clusters: 1,
      faults: { 'trading-eu-1': 'slow' },
    });
    const kc = managementConfig(local);
    const secret = await kc.makeApiClient(CoreV1Api).readNamespacedSecret({
      name: 'trading-eu-1-kubeconfig',
      namespace: 'team-trading',
    });
    const child = new KubeConfig();
    child.loadFromString(
      Buffer.from(secret.data!.value, 'base64').toString('utf8'),
    );
    const pending = rejectionOf(child.makeApiClient(CoreV1Api).listNode());
    await new Promise(resolve => setTimeout(resolve, 100));
    const started = Date.now();
    await local.stop();
    const error = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(String(error.message)).toMatch(/socket hang up|ECONNRESET|closed/i);
  });
});

describe('start-time faults', () => {
  it('are checked before the server starts', async () => {
    await expect(
      startFleetSimulator({ clusters: 2, faults: { 'tooling-9': 'down' } }),
    ).rejects.toThrow(/unknown cluster/);
    await expect(
      startFleetSimulator({
        clusters: 2,
        faults: { 'trading-eu-1': 'boom' as any },
      }),
    ).rejects.toThrow(/unknown fault/);
  });
});
