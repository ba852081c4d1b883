import { expect, test, type Page } from '@playwright/test';
import type {
  ClusterListResponse,
  ClusterSummary,
} from '@fleet-portal/plugin-fleet-common';
import {
  backendGet,
  clusterPagePath,
  signInAsGuest,
  waitForBackend,
} from './helpers';

const SCREENSHOTS = 'e2e-artifacts/screenshots';
/** The README shows these: the browser tests take them of the running demo. */
const README_SCREENSHOTS = 'docs/screenshots';

// Wide enough for the cluster page's two-column grid.
test.use({ viewport: { width: 1600, height: 1000 } });
let clusters: ClusterSummary[] = [];

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  // Wait until the demo fleet is read and its clusters are in the catalog.
  await waitForBackend(page, async token => {
    const list = await backendGet(page, token, '/api/fleet/clusters');
    if (!list.ok()) return false;
    clusters = ((await list.json()) as ClusterListResponse).items;
    const entities = await backendGet(
      page,
      token,
      '/api/catalog/entities/by-query?filter=spec.type=kubernetes-cluster&limit=1000',
    );
    return (
      clusters.length > 0 &&
      entities.ok() &&
      (await entities.json()).items.length === clusters.length
    );
  });
  await page.close();
});

async function openCluster(page: Page, cluster: ClusterSummary) {
  await signInAsGuest(page, clusterPagePath(cluster));
  await expect(
    page.getByRole('heading', { name: cluster.ref.name }).first(),
  ).toBeVisible();
}

test('a drifted demo cluster shows its drift badge, images and k0s versions', async ({
  page,
}) => {
  const drifted = clusters.find(c =>
    c.drift.some(f => f.type === 'node-image'),
  );
  expect(
    drifted,
    'the demo fleet has a cluster with a node on another image',
  ).toBeDefined();
  await openCluster(page, drifted!);
  await expect(page.getByTestId('fleet-drift-badge').first()).toBeVisible();
  await expect(
    page.getByText(drifted!.images[0].digest.slice(0, 15)).first(),
  ).toBeVisible();
  await expect(page.getByText(drifted!.k0s.desired!).first()).toBeVisible();
  await expect(
    page.getByTestId('cluster-overview-cards').first(),
  ).toBeVisible();
  await page.screenshot({
    path: `${README_SCREENSHOTS}/cluster-page.png`,
    fullPage: true,
  });
});

test('a cluster with unsynced DNS records lists them first', async ({
  page,
}) => {
  const unsynced = clusters.find(c => c.dns.synced < c.dns.total);
  expect(
    unsynced,
    'the demo fleet has a cluster with an unsynced record',
  ).toBeDefined();
  await openCluster(page, unsynced!);
  const rows = page.getByTestId('dns-record-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toHaveAttribute('data-synced', 'false');
  await expect(rows.last()).toHaveAttribute('data-synced', 'true');
  await expect(page.getByTestId('dns-sync-counts')).toContainText(
    `${unsynced!.dns.synced} / ${unsynced!.dns.total}`,
  );
  await page.screenshot({
    path: `${SCREENSHOTS}/cluster-dns.png`,
    fullPage: true,
  });
});

test('the fleet page lists every demo cluster and filters to drifted ones', async ({
  page,
}) => {
  await signInAsGuest(page, '/fleet');
  const links = page.getByTestId('fleet-cluster-link');
  await expect(links.first()).toBeVisible();
  await expect(links).toHaveCount(Math.min(clusters.length, 20));
  await page.screenshot({
    path: `${README_SCREENSHOTS}/fleet-page.png`,
    fullPage: true,
  });

  await page.getByLabel('Drift only').check();
  const drifted = clusters.filter(c => c.drift.length > 0);
  await expect(links).toHaveCount(drifted.length);
  for (const count of await page.getByTestId('fleet-drift-count').all()) {
    expect(Number(await count.getAttribute('data-count'))).toBeGreaterThan(0);
  }
  await page.screenshot({
    path: `${SCREENSHOTS}/fleet-page-drift.png`,
    fullPage: true,
  });
});
