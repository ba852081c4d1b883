import { expect, test } from '@playwright/test';
import { backendGet, signInAsGuest, waitForBackend } from './helpers';

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  // The catalog reads templates at startup; wait until they are there.
  await waitForBackend(page, async token => {
    const res = await backendGet(
      page,
      token,
      '/api/catalog/entities/by-query?filter=kind=template&limit=50',
    );
    return res.ok() && (await res.json()).items.length >= 8;
  });
  await page.close();
});

test('guest sign-in opens the fleet page, with Fleet Portal in the sidebar', async ({
  page,
}) => {
  await signInAsGuest(page);
  await expect(page).toHaveURL(/\/fleet$/);
  await expect(page.getByTestId('fleet-cluster-link').first()).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Fleet Portal' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Fleet', exact: true }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Create', exact: true }).first(),
  ).toBeVisible();
});

test('the catalog lists the Fleet Portal templates', async ({ page }) => {
  await signInAsGuest(page, '/catalog?filters%5Bkind%5D=template');
  await expect(
    page.getByRole('link', { name: /New k0rdent cluster/i }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /DNS records/i }).first(),
  ).toBeVisible();
});

test('the Create page offers the templates', async ({ page }) => {
  await signInAsGuest(page, '/create');
  await expect(page.getByText(/New k0rdent cluster/i).first()).toBeVisible();
  await expect(
    page.getByText(/Register a Kairos image/i).first(),
  ).toBeVisible();
  await expect(page.getByText(/Upgrade k0s/i).first()).toBeVisible();
});
