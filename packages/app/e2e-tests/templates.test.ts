import { expect, test } from '@playwright/test';
import { signInAsGuest } from './helpers';

test('registering a Kairos image in the Create page ends with its branch and commit shown', async ({
  page,
}) => {
  const name = `e2e-image-${Date.now().toString(36)}`;
  const digest = `sha256:${'e2'.repeat(32)}`;
  await signInAsGuest(page, '/create/templates/default/register-kairos-image');

  await page.getByLabel('Name', { exact: false }).first().fill(name);
  await page
    .getByLabel('OCI reference pinned by digest', { exact: false })
    .fill(`registry.example.com/kairos/rhel9-k0s@${digest}`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('button', { name: 'Review' })
    .or(page.getByRole('button', { name: 'Next' }))
    .first()
    .click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(
    page.getByText(/Branch\s+fleet\/register-kairos-image\//).first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByText(new RegExp(`images/[a-z0-9-]+/${name}\\.yaml`)).first(),
  ).toBeVisible();
  await expect(page.getByText(/Commit:\s+[0-9a-f]{40}/).first()).toBeVisible();
  await page.screenshot({
    path: 'e2e-artifacts/screenshots/template-finished.png',
    fullPage: true,
  });
});
