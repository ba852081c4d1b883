import { X509Certificate } from 'node:crypto';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import {
  kubeConfigFor,
  managementConfig,
  rejectionOf,
} from './__testUtils__/kube';
import {
  startFleetSimulator,
  type FleetSimulator,
} from './startFleetSimulator';

let sim: FleetSimulator;

beforeAll(async () => {
  sim = await startFleetSimulator({
    tls: true,
    clusters: 3,
    managementToken: 'mgmt-token-for-tls-test',
  });
});

afterAll(async () => {
  await sim.stop();
});

describe('TLS', () => {
  it('serves https with a CA the caller is given', () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.management).toMatchObject({
      url: `${sim.url}/mgmt`,
      token: 'mgmt-token-for-tls-test',
    });
    const pem = Buffer.from(sim.management.caData!, 'base64').toString('utf8');
    const ca = new X509Certificate(pem);
    expect(ca.ca).toBe(true);
    expect(sim.dns.caData).toBe(sim.management.caData);
  });

  it('is trusted by client-node with the CA, for the management cluster and through child kubeconfigs', async () => {
    const mgmt = managementConfig(sim);
    const list = await mgmt
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject({
        group: 'k0rdent.mirantis.com',
        version: 'v1beta1',
        plural: 'clusterdeployments',
      });
    expect(list.items).toHaveLength(3);

    const secret = await mgmt.makeApiClient(CoreV1Api).readNamespacedSecret({
      name: 'tooling-1-kubeconfig',
      namespace: 'team-platform',
    });
    const text = Buffer.from(secret.data!.value, 'base64').toString('utf8');
    expect(text).toContain(
      `certificate-authority-data: "${sim.management.caData}"`,
    );
    expect(text).not.toContain('insecure-skip-tls-verify');
    const child = new KubeConfig();
    child.loadFromString(text);
    expect(child.getCurrentCluster()).toMatchObject({
      server: `${sim.url}/clusters/tooling-1`,
      caData: sim.management.caData,
    });
    const nodes = await child.makeApiClient(CoreV1Api).listNode();
    expect(nodes.items).toHaveLength(3);
  });

  it('is refused without the CA', async () => {
    const untrusted = kubeConfigFor(sim.management.url, sim.management.token);
    const error = await rejectionOf(
      untrusted.makeApiClient(CoreV1Api).listNamespace(),
    );
    expect(String(error.message ?? error)).toMatch(
      /self[- ]signed|unable to (get|verify)|certificate/i,
    );
  });
});
