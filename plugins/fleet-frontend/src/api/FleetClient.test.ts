import { ResponseError } from '@backstage/errors';
import { clusterListResponse } from '../__fixtures__/clusterList';
import { driftedClusterDetail } from '../__fixtures__/clusterDetails';
import { historyEntries, stateAtMorning } from '../__fixtures__/history';
import { localRequests, mergedUpgrade } from '../__fixtures__/requests';
import { FleetClient } from './FleetClient';

const BASE_URL = 'http://backstage.test/api/fleet';

function jsonResponse(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    url: BASE_URL,
    headers: new Headers({ 'content-type': 'application/json' }),
    json: async () => JSON.parse(text),
    text: async () => text,
  } as unknown as Response;
}

function setup(respond: (url: string) => Response) {
  const fetch = jest.fn(async (input: RequestInfo | URL) =>
    respond(String(input)),
  );
  const getBaseUrl = jest.fn(async (_pluginId: string) => BASE_URL);
  const client = new FleetClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch, getBaseUrl };
}

describe('FleetClient', () => {
  it('lists clusters from the fleet plugin base URL', async () => {
    const { client, fetch, getBaseUrl } = setup(() =>
      jsonResponse(200, clusterListResponse),
    );
    await expect(client.listClusters()).resolves.toEqual(clusterListResponse);
    expect(getBaseUrl).toHaveBeenCalledWith('fleet');
    expect(fetch).toHaveBeenCalledWith(`${BASE_URL}/clusters`);
  });

  it('asks for one page of clusters with its filters, search and sort as query parameters', async () => {
    const { client, fetch } = setup(() =>
      jsonResponse(200, clusterListResponse),
    );
    await client.listClusterPage({
      q: 'edge fra',
      drift: true,
      health: 'not-ready',
      image: 'sha256:abc',
      sort: 'name',
      order: 'desc',
      limit: 25,
      offset: 50,
    });
    expect(fetch).toHaveBeenCalledWith(
      `${BASE_URL}/clusters?q=edge+fra&drift=true&health=not-ready&image=sha256%3Aabc&sort=name&order=desc&limit=25&offset=50`,
    );
    // Without any parameter the route would answer the whole list: an offset is always sent.
    await client.listClusterPage({ q: '' });
    expect(fetch).toHaveBeenLastCalledWith(`${BASE_URL}/clusters?offset=0`);
  });

  it('reads one cluster by management, namespace and name, escaping each part', async () => {
    const { client, fetch } = setup(() =>
      jsonResponse(200, driftedClusterDetail),
    );
    await expect(client.getCluster(driftedClusterDetail.ref)).resolves.toEqual(
      driftedClusterDetail,
    );
    expect(fetch).toHaveBeenCalledWith(
      `${BASE_URL}/clusters/demo/fleet-demo/edge-fra-01`,
    );

    await client.getCluster({
      management: 'a b',
      namespace: 'ns',
      name: 'x/y',
    });
    expect(fetch).toHaveBeenLastCalledWith(
      `${BASE_URL}/clusters/a%20b/ns/x%2Fy`,
    );
  });

  it('turns a 404 into a ResponseError carrying the server error', async () => {
    const { client } = setup(() =>
      jsonResponse(404, {
        error: {
          name: 'NotFoundError',
          message: 'no cluster demo/fleet-demo/gone',
        },
        request: { method: 'GET', url: '/clusters/demo/fleet-demo/gone' },
        response: { statusCode: 404 },
      }),
    );
    const error = await client
      .getCluster({ management: 'demo', namespace: 'fleet-demo', name: 'gone' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.name).toBe('NotFoundError');
    expect(error.cause.message).toBe('no cluster demo/fleet-demo/gone');
  });

  it('turns a 403 into a ResponseError with status 403', async () => {
    const { client } = setup(() =>
      jsonResponse(403, {
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        request: { method: 'GET', url: '/clusters' },
        response: { statusCode: 403 },
      }),
    );
    await expect(client.listClusters()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });

  it('shares one request between concurrent identical reads, then reads afresh', async () => {
    const { client, fetch } = setup(() =>
      jsonResponse(200, driftedClusterDetail),
    );
    const [a, b] = await Promise.all([
      client.getCluster(driftedClusterDetail.ref),
      client.getCluster(driftedClusterDetail.ref),
    ]);
    expect(a).toBe(b);
    expect(fetch).toHaveBeenCalledTimes(1);
    await client.getCluster(driftedClusterDetail.ref);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('reads the inventory', async () => {
    const inventory = { items: [] };
    const { client, fetch } = setup(() => jsonResponse(200, inventory));
    await expect(client.listInventory()).resolves.toEqual(inventory);
    expect(fetch).toHaveBeenCalledWith(`${BASE_URL}/inventory`);
  });

  it('reads history with only the filters given, kinds comma-separated', async () => {
    const { client, fetch } = setup(() =>
      jsonResponse(200, { items: historyEntries }),
    );
    await expect(client.getHistory(driftedClusterDetail.ref)).resolves.toEqual({
      items: historyEntries,
    });
    expect(fetch).toHaveBeenLastCalledWith(
      `${BASE_URL}/clusters/demo/fleet-demo/edge-fra-01/history`,
    );

    await client.getHistory(driftedClusterDetail.ref, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
      node: 'edge-fra-01-w-1',
      kinds: ['node-image', 'node-presence'],
      limit: 50,
    });
    const url = new URL(String(fetch.mock.calls[1][0]));
    expect(url.pathname).toBe(
      '/api/fleet/clusters/demo/fleet-demo/edge-fra-01/history',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
      node: 'edge-fra-01-w-1',
      kind: 'node-image,node-presence',
      limit: '50',
    });
  });

  it('reads the state at a time, and passes on 404 when nothing was recorded', async () => {
    const { client, fetch } = setup(url =>
      url.includes('2026-03-01T11')
        ? jsonResponse(200, stateAtMorning)
        : jsonResponse(404, {
            error: { name: 'NotFoundError', message: 'nothing is recorded' },
            request: { method: 'GET', url },
            response: { statusCode: 404 },
          }),
    );
    await expect(
      client.getStateAt(driftedClusterDetail.ref, '2026-03-01T11:00:00.000Z'),
    ).resolves.toEqual(stateAtMorning);
    expect(fetch).toHaveBeenLastCalledWith(
      `${BASE_URL}/clusters/demo/fleet-demo/edge-fra-01/state?at=2026-03-01T11%3A00%3A00.000Z`,
    );
    await expect(
      client.getStateAt(driftedClusterDetail.ref, '2020-01-01T00:00:00.000Z'),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lists requests for a cluster and merges one with a JSON POST', async () => {
    const { client, fetch } = setup(url =>
      jsonResponse(200, url.endsWith('/merge') ? mergedUpgrade : localRequests),
    );
    await expect(
      client.listRequests({ cluster: 'edge-fra-01' }),
    ).resolves.toEqual(localRequests);
    expect(fetch).toHaveBeenLastCalledWith(
      `${BASE_URL}/requests?cluster=edge-fra-01`,
    );
    await client.listRequests({ state: 'active', mine: true });
    expect(fetch).toHaveBeenLastCalledWith(
      `${BASE_URL}/requests?state=active&mine=true`,
    );
    await expect(
      client.mergeRequest('fleet/k0s-upgrade/1a2b3c4d5e'),
    ).resolves.toEqual(mergedUpgrade);
    expect(fetch).toHaveBeenLastCalledWith(`${BASE_URL}/requests/merge`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ branch: 'fleet/k0s-upgrade/1a2b3c4d5e' }),
    });
  });

  it('passes on the server message of a refused merge', async () => {
    const message =
      'branch fleet/x no longer merges cleanly into main: file the request again from the current main. Nothing was merged.';
    const { client } = setup(() =>
      jsonResponse(409, {
        error: { name: 'ConflictError', message },
        request: { method: 'POST', url: '/requests/merge' },
        response: { statusCode: 409 },
      }),
    );
    const error = await client.mergeRequest('fleet/x').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe(message);
  });

  it('reads the management clusters, and the ClusterTemplates and Credentials of one namespace, escaping each part', async () => {
    const { client, fetch } = setup(() => jsonResponse(200, { items: [] }));
    await client.listManagementClusters();
    await client.listNamespaces('mgmt');
    await client.listClusterTemplates('mgmt', 'team risk');
    await client.listCredentials('mgmt/eu', 'team-risk');
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      `${BASE_URL}/management`,
      `${BASE_URL}/management/mgmt/namespaces`,
      `${BASE_URL}/management/mgmt/namespaces/team%20risk/cluster-templates`,
      `${BASE_URL}/management/mgmt%2Feu/namespaces/team-risk/credentials`,
    ]);
  });

  it('passes on the 503 of a management cluster that cannot be read', async () => {
    const { client } = setup(() =>
      jsonResponse(503, {
        error: {
          name: 'ServiceUnavailableError',
          message: 'management cluster mgmt could not be read',
        },
        response: { statusCode: 503 },
      }),
    );
    const error = await client
      .listCredentials('mgmt', 'team-risk')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(503);
    expect(error.cause.message).toBe(
      'management cluster mgmt could not be read',
    );
  });
});
