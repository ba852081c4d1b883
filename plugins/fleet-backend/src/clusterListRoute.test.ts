import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { ALICE, PAT, startActionFleet } from './__testUtils__/actionFleet';
import { createRouter } from './router';

/** The fleet of three clusters (two trading, one risk); `x-user: alice` reads trading's only. */
async function startApp() {
  const fleet = await startActionFleet();
  const router = await createRouter({
    httpAuth: {
      credentials: async (req: express.Request) =>
        req.header('x-user') === 'alice' ? ALICE : PAT,
    } as any,
    permissions: {
      authorizeConditional: fleet.authorizeConditional,
    } as unknown as PermissionsService,
    store: fleet.store,
  });
  // Backstage's own error handling, which turns an InputError into a 400 naming it.
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  const app = express().use('/api/fleet', router).use(middleware.error());
  return { app, ...fleet };
}

const names = (body: any) => body.items.map((c: any) => c.ref.name);

describe('GET /clusters with a list query', () => {
  let app: express.Express;
  let destroy: () => Promise<void>;
  beforeAll(async () => {
    const started = await startApp();
    app = started.app;
    destroy = () => started.db.destroy();
  });
  afterAll(() => destroy());

  it('answers the whole list as before when no parameter is given', async () => {
    const res = await request(app).get('/api/fleet/clusters');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'sources']);
    expect(res.body.items).toHaveLength(3);
  });

  it('answers one sorted page with the match total and fleet-wide counts', async () => {
    const res = await request(app).get(
      '/api/fleet/clusters?sort=name&order=desc&limit=2&offset=0',
    );
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['trading-us', 'trading-eu']);
    expect(res.body).toMatchObject({
      total: 3,
      offset: 0,
      limit: 2,
      counts: { clusters: 3 },
    });
    expect(res.body.sources).toHaveLength(1);
    expect(res.body.filterValues.k0sVersions).toContain('v1.32.1+k0s.0');

    const next = await request(app).get(
      '/api/fleet/clusters?sort=name&order=desc&limit=2&offset=2',
    );
    expect(names(next.body)).toEqual(['risk-batch']);
  });

  it('filters as the fleet page does, and totals the matches only', async () => {
    const res = await request(app).get(
      '/api/fleet/clusters?health=not-ready&limit=25',
    );
    expect(names(res.body)).toEqual(['risk-batch']);
    expect(res.body.total).toBe(1);
    expect(res.body.counts.clusters).toBe(3);
    const searched = await request(app).get('/api/fleet/clusters?q=TRADING-');
    expect(names(searched.body).sort()).toEqual(['trading-eu', 'trading-us']);
  });

  it('filters by the read scope before filtering, counting and paging', async () => {
    const res = await request(app)
      .get('/api/fleet/clusters?limit=1&sort=name')
      .set('x-user', 'alice');
    expect(names(res.body)).toEqual(['trading-eu']);
    expect(res.body).toMatchObject({ total: 2, counts: { clusters: 2 } });
    expect(res.body.sources[0].kustomizations).toBeUndefined();
    const hidden = await request(app)
      .get('/api/fleet/clusters?health=not-ready&limit=25')
      .set('x-user', 'alice');
    expect(hidden.body).toMatchObject({ items: [], total: 0 });
  });

  it('never answers one query or caller with the body of another', async () => {
    const query = '/api/fleet/clusters?sort=name&limit=1';
    const pat = await request(app).get(query);
    const alice = await request(app).get(query).set('x-user', 'alice');
    expect(names(pat.body)).toEqual(['risk-batch']);
    expect(names(alice.body)).toEqual(['trading-eu']);
    expect(pat.headers.etag).not.toEqual(alice.headers.etag);
    const other = await request(app).get(`${query}&offset=1`);
    expect(names(other.body)).toEqual(['trading-eu']);
    // The same parameters in another order are the same query.
    const reordered = await request(app).get(
      '/api/fleet/clusters?limit=1&sort=name',
    );
    expect(reordered.headers.etag).toEqual(pat.headers.etag);
  });

  it.each([
    ['limit=0', 'limit: must be 1 to 500'],
    ['limit=501', 'limit: must be 1 to 500'],
    ['limit=ten', 'limit: must be a whole number'],
    ['limit=2.5', 'limit: must be a whole number'],
    ['offset=-1', 'offset: must be 0 or more'],
    ['sort=owner', 'sort: must be one of name, management, health'],
    ['order=up', 'order: must be asc or desc'],
    ['health=sick', 'health: must be one of ready, not-ready'],
    ['services=all', 'services: must be one of failed, provisioning'],
    ['drift=yes', 'drift: must be true or false'],
    ['page=2', 'page: unknown query parameter; known: q, drift'],
    ['limit=1&limit=2', 'limit: must be given once'],
  ])('answers 400 for %s', async (query, message) => {
    const res = await request(app).get(`/api/fleet/clusters?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });
});
