import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import {
  clusterEntityRef,
  type ClusterSummary,
} from '@fleet-portal/plugin-fleet-common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  startKubernetesBackendProcess,
  type KubernetesBackendProcess,
} from './__testUtils__/kubernetesBackendProcess';
import { simulatorFleetConfig } from './__testUtils__/simulatorFleetConfig';

jest.setTimeout(120_000);

const CLUSTERS = 4;
/** The sign-in provider whose id token the browser forwards for `oidc` clusters. */
const TOKEN_PROVIDER = 'fleet-idp';
/** The signed-in user's id token: every simulated child cluster trusts its issuer. */
const ID_TOKEN = 'id-token-of-the-signed-in-user';
/** A Component whose Kubernetes tab shows the Kairos nodes of every cluster. */
const COMPONENT = 'component:default/kairos-nodes';
const NODES = { group: '', apiVersion: 'v1', plural: 'nodes' };

/** What this test reads of a catalog entity or a Kubernetes object. */
interface Entity {
  metadata: { name: string; annotations?: Record<string, string> };
}

/** What the backend process printed last, for failure messages. */
let backendLog = () => '';

/** Polls until `read` gives a value; fails with what it saw last once the deadline passes. */
async function waitFor<T>(
  what: string,
  read: () => Promise<{ value?: T; seen: string }>,
  deadlineMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let seen = 'nothing';
  while (Date.now() < deadline) {
    const result = await read();
    if (result.value !== undefined) return result.value;
    seen = result.seen;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(
    `timed out after ${deadlineMs} ms waiting for ${what}; last saw ${seen}\nbackend log:\n${backendLog()}`,
  );
}

/** The bearer tokens in the simulator's `<cluster>-kubeconfig` Secrets. */
function childTokens(sim: FleetSimulator): string[] {
  return sim
    .objects('mgmt')
    .list({ kind: 'Secret' })
    .map(s => (s as { data?: { value?: string } }).data?.value)
    .filter((v): v is string => !!v)
    .map(v => /token: "([^"]+)"/.exec(Buffer.from(v, 'base64').toString()))
    .filter((m): m is RegExpExecArray => !!m)
    .map(m => m[1]);
}

describe('the core Kubernetes plugin with the catalog cluster locator', () => {
  let sim: FleetSimulator;
  let root: string;
  let backend: KubernetesBackendProcess;
  let server: string;

  beforeAll(async () => {
    sim = await startFleetSimulator({
      clusters: CLUSTERS,
      tls: true,
      oidcIdToken: ID_TOKEN,
    });
    root = mkdtempSync(join(tmpdir(), 'fleet-k8s-locator-'));
    const component = join(root, 'component.yaml');
    writeFileSync(
      component,
      JSON.stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'kairos-nodes',
          annotations: {
            'backstage.io/kubernetes-label-selector': 'kairos.io/managed=true',
          },
        },
        spec: { type: 'service', lifecycle: 'production', owner: 'platform' },
      }),
    );
    // Catalog, fleet plugin, its catalog module and the Kubernetes plugin (see the helper for
    // why in a process of its own).
    backend = await startKubernetesBackendProcess({
      catalog: {
        rules: [{ allow: ['Component', 'Resource'] }],
        locations: [{ type: 'file', target: component }],
      },
      fleet: {
        ...simulatorFleetConfig(sim),
        catalog: {
          frequency: { seconds: 2 },
          defaultOwner: 'group:default/platform',
          kubernetes: {
            authProvider: 'oidc',
            oidcTokenProvider: TOKEN_PROVIDER,
          },
        },
      },
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          // The simulator listens on loopback, which the locator refuses by default.
          { type: 'catalog', dangerouslyAllowClusterUrls: ['127.0.0.1'] },
        ],
      },
    });
    server = backend.baseUrl;
    backendLog = backend.logTail;
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('lists the fleet clusters and reads their child API servers from the annotations', async () => {
    const fleet = await waitFor<ClusterSummary[]>(
      `${CLUSTERS} clusters in the fleet API`,
      async () => {
        const res = await request(server).get('/api/fleet/clusters');
        const items: ClusterSummary[] = res.body?.items ?? [];
        const reachable = items.filter(c => c.apiServer);
        return {
          value: reachable.length === CLUSTERS ? items : undefined,
          seen: `${res.status}, ${reachable.length}/${items.length} with an API server`,
        };
      },
    );
    const expected = fleet.map(c => clusterEntityRef(c.ref).name).sort();

    const entities = await waitFor<Entity[]>(
      'the catalog to hold every cluster with the locator annotations',
      async () => {
        const res = await request(server).get(
          '/api/catalog/entities?filter=kind=resource,spec.type=kubernetes-cluster',
        );
        const items: Entity[] = Array.isArray(res.body) ? res.body : [];
        const located = items.filter(
          e => e.metadata.annotations?.['kubernetes.io/auth-provider'],
        );
        return {
          value: located.length === CLUSTERS ? located : undefined,
          seen: `${res.status}, ${located.length}/${
            items.length
          } annotated: ${items.map(e => e.metadata.name).join(', ')}`,
        };
      },
    );
    expect(entities.map(e => e.metadata.name).sort()).toEqual(expected);
    for (const entity of entities)
      expect(entity.metadata.annotations).toMatchObject({
        'kubernetes.io/api-server': expect.stringMatching(/^https:\/\//),
        'kubernetes.io/api-server-certificate-authority': sim.management.caData,
        'kubernetes.io/auth-provider': 'oidc',
        'kubernetes.io/oidc-token-provider': TOKEN_PROVIDER,
      });
    // No credential in the catalog: neither a kubeconfig's token nor the management cluster's.
    const secrets = [...childTokens(sim), sim.management.token];
    expect(secrets.length).toBeGreaterThan(CLUSTERS);
    const catalogText = JSON.stringify(entities);
    for (const secret of secrets) expect(catalogText).not.toContain(secret);

    // The Kubernetes plugin locates exactly those clusters, each with its auth provider.
    const clusters = await request(server).get('/api/kubernetes/clusters');
    expect(clusters.status).toBe(200);
    expect(
      clusters.body.items.map((c: { name: string }) => c.name).sort(),
    ).toEqual(expected);
    for (const cluster of clusters.body.items)
      expect(cluster).toMatchObject({
        authProvider: 'oidc',
        oidcTokenProvider: TOKEN_PROVIDER,
      });
    for (const secret of secrets)
      expect(JSON.stringify(clusters.body)).not.toContain(secret);

    // The entity page's request, with the user's id token as the browser sends it: every
    // cluster is reached at its annotated URL, over TLS checked with its annotated CA.
    const nodesQuery = (idToken: string) =>
      request(server)
        .post('/api/kubernetes/resources/custom/query')
        .send({
          entityRef: COMPONENT,
          auth: { oidc: { [TOKEN_PROVIDER]: idToken } },
          customResources: [NODES],
        });
    const answer = await waitFor(`${COMPONENT} in the catalog`, async () => {
      const res = await nodesQuery(ID_TOKEN);
      return {
        value: res.status === 200 ? res.body : undefined,
        seen: `${res.status} ${JSON.stringify(res.body)}`,
      };
    });
    const byName = new Map(
      fleet.map(c => [clusterEntityRef(c.ref).name, c.ref.name]),
    );
    expect(
      answer.items
        .map((i: { cluster: { name: string } }) => i.cluster.name)
        .sort(),
    ).toEqual(expected);
    for (const item of answer.items) {
      expect(item.errors).toEqual([]);
      const child = byName.get(item.cluster.name)!;
      const served = sim
        .objects(child)
        .list({ kind: 'Node', labelSelector: 'kairos.io/managed=true' })
        .map(n => n.metadata.name)
        .sort();
      expect(served.length).toBeGreaterThan(0);
      const [nodes] = item.resources;
      expect(nodes.type).toBe('customresources');
      expect(
        nodes.resources.map((n: Entity) => n.metadata.name).sort(),
      ).toEqual(served);
    }

    // A token the clusters do not trust: each cluster itself answers 401.
    const refused = await nodesQuery('not-a-token-any-cluster-trusts');
    expect(refused.status).toBe(200);
    expect(refused.body.items).toHaveLength(CLUSTERS);
    for (const item of refused.body.items)
      expect(item.errors).toEqual([
        {
          errorType: 'UNAUTHORIZED_ERROR',
          statusCode: 401,
          // Its own API server: the simulator serves each child under /clusters/<name>.
          resourcePath: `/clusters/${byName.get(
            item.cluster.name,
          )}/api/v1/nodes`,
        },
      ]);
  });
});
