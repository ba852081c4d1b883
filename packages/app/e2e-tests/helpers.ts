import { expect, type Page } from '@playwright/test';
import {
  clusterEntityRef,
  type ClusterSummary,
} from '@fleet-portal/plugin-fleet-common';

const BACKEND = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

/** Waits until the backend answers and has ingested what the tests look at. */
export async function waitForBackend(
  page: Page,
  until?: (token: string) => Promise<boolean>,
) {
  await expect
    .poll(
      async () => {
        try {
          const res = await page.request.get(
            `${BACKEND}/api/auth/guest/refresh`,
            {
              headers: { 'X-Requested-With': 'XMLHttpRequest' },
            },
          );
          if (!res.ok()) return false;
          const token: string = (await res.json()).backstageIdentity.token;
          return until ? await until(token) : true;
        } catch {
          return false;
        }
      },
      { timeout: 240_000, intervals: [2_000] },
    )
    .toBe(true);
}

export async function backendGet(page: Page, token: string, path: string) {
  return page.request.get(`${BACKEND}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

/** Signs in as guest on the sign-in page. */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }).first(),
  ).toBeVisible();
}

/** The catalog page of a cluster's entity, named as the backend's entity provider names it. */
export function clusterPagePath(cluster: Pick<ClusterSummary, 'ref'>): string {
  const entity = clusterEntityRef(cluster.ref);
  return `/catalog/${entity.namespace}/resource/${entity.name}`;
}
