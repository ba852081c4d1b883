import { expect, test } from '@playwright/test';
import type {
  ClusterDetail,
  ClusterListResponse,
  ClusterSummary,
  GitopsRequestListResponse,
  HistoryResponse,
} from '@fleet-portal/plugin-fleet-common';
import {
  backendGet,
  clusterPagePath,
  signInAsGuest,
  waitForBackend,
} from './helpers';

const SCREENSHOTS = 'e2e-artifacts/screenshots';

/** The next minor release: the one upgrade the k0s rules allow from any version. */
function nextMinor(version: string): string {
  const [, major, minor] = /^v(\d+)\.(\d+)\./.exec(version)!;
  return `v${major}.${Number(minor) + 1}.0+k0s.0`;
}

test('the GitOps loop: a drifted cluster is upgraded by a request, merged, converges node by node, and the request ends reconciled', async ({
  page,
}) => {
  test.setTimeout(180_000);
  let token = '';
  let clusters: ClusterSummary[] = [];
  await waitForBackend(page, async t => {
    token = t;
    const res = await backendGet(page, t, '/api/fleet/clusters');
    clusters = res.ok()
      ? ((await res.json()) as ClusterListResponse).items
      : [];
    return clusters.length > 0;
  });
  // A cluster in k0s drift, else (once earlier runs upgraded those) one in any drift.
  const candidates = clusters.filter(
    c => c.health !== 'not-ready' && c.drift.length > 0,
  );
  const drifted =
    candidates.find(c =>
      c.drift.some(f => f.type === 'k0s-version' || f.type === 'k0s-build'),
    ) ?? candidates[0];
  expect(drifted, 'the demo fleet has a drifted cluster').toBeDefined();
  const cluster = drifted!;
  const target = nextMinor(cluster.k0s.desired!);
  const kubelet = target.replace(/\.\d+$/, '');

  // The cluster page's k0s card links to the upgrade template, pre-filled.
  await signInAsGuest(page, clusterPagePath(cluster));
  await page.getByRole('link', { name: 'Upgrade k0s' }).first().click();
  await expect(page.getByText(/Upgrade k0s/).first()).toBeVisible();
  const version = page.getByLabel('Target k0s version', { exact: false });
  await version.fill(target);
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(target).first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByText(/Branch\s+fleet\/k0s-upgrade\//).first(),
  ).toBeVisible({ timeout: 60_000 });
  const branch = /fleet\/k0s-upgrade\/[0-9a-f]+/.exec(
    (await page
      .getByText(/Branch\s+fleet\/k0s-upgrade\//)
      .first()
      .textContent()) ?? '',
  )?.[0];
  expect(branch, "the task's output names the request's branch").toBeDefined();

  // Local mode: the request is merged from the portal.
  await page.getByRole('link', { name: 'Review and merge' }).first().click();
  const merge = page.getByRole('button', {
    name: /^Merge fleet\/k0s-upgrade\//,
  });
  await expect(merge.first()).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/request-to-merge.png`,
    fullPage: true,
  });
  await merge.first().click();
  await expect(page.getByText(/Merged as [0-9a-f]{7}/).first()).toBeVisible();

  // Flux applies the merge, the control plane and then each node move to the new version; the
  // cards show it once the backend has read the fleet again.
  await expect
    .poll(
      async () => {
        const res = await backendGet(
          page,
          token,
          `/api/fleet/clusters/${cluster.id}`,
        );
        const detail = (await res.json()) as ClusterDetail;
        return [
          detail.k0s.desired,
          detail.k0s.running.join(','),
          detail.k0s.exactBuild,
        ];
      },
      { timeout: 90_000, intervals: [1_000] },
    )
    .toEqual([target, kubelet, target]);

  // The request's journey ends reconciled, with every step it took, in the API and on the card.
  await expect
    .poll(
      async () => {
        const res = await backendGet(
          page,
          token,
          `/api/fleet/requests?cluster=${cluster.ref.name}&state=all`,
        );
        const list = (await res.json()) as GitopsRequestListResponse;
        const request = list.items.find(r => r.branch === branch);
        return request?.journey.steps.map(step => step.state).join(' → ');
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe('opened → merged → applied → reconciled');
  await page.goto(clusterPagePath(cluster));
  const requestRow = page
    .getByTestId('fleet-request-row')
    .filter({ hasText: branch! });
  await expect(requestRow.getByTestId('fleet-request-state')).toHaveText(
    'reconciled',
  );
  await expect(page.getByTestId('gitops-status')).toContainText(
    'Flux fleet-clusters applied main@',
  );
  await expect(page.getByTestId('gitops-status')).toHaveAttribute(
    'data-tone',
    'ok',
  );
  await expect(page.getByTestId('k0s-running-row')).toHaveCount(1);
  await expect(page.getByTestId('k0s-running-row').first()).toContainText(
    kubelet,
  );

  // The history lists each node's version change.
  const history = (await (
    await backendGet(
      page,
      token,
      `/api/fleet/clusters/${cluster.id}/history?kind=node-version`,
    )
  ).json()) as HistoryResponse;
  const upgraded = new Set(
    history.items.filter(e => e.value === kubelet).map(e => e.subject),
  );
  expect(upgraded.size).toBe(cluster.nodes.total);
  for (const node of upgraded)
    await expect(page.getByText(node).first()).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/cluster-converged.png`,
    fullPage: true,
  });
});
