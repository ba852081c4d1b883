import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type {
  ClusterDetail,
  ClusterListResponse,
} from '@fleet-portal/plugin-fleet-common';
import {
  backendGet,
  clusterPagePath,
  signInAsGuest,
  waitForBackend,
} from './helpers';

/** The demo's local GitOps repository (app-config.yaml `fleet.gitops.localRepository`). */
const REPO = path.resolve(__dirname, '../../../.fleet-portal/gitops-repo');
const IMAGE_REF = 'fleetportal.io/image-ref';

const git = (...args: string[]) =>
  execFileSync(
    'git',
    [
      '-c',
      'user.name=Browser Test',
      '-c',
      'user.email=e2e@example.com',
      ...args,
    ],
    { cwd: REPO, encoding: 'utf8' },
  );

/** The VMImages filed for a namespace: name → the reference they pin (read as text, one per file). */
function vmImages(namespace: string): Map<string, string> {
  const dir = path.join(REPO, 'images', namespace);
  const images = new Map<string, string>();
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const name = /^kind: VMImage$[\s\S]*?^ {2}name: (\S+)$/m.exec(text)?.[1];
    const ref = new RegExp(
      `^ +${IMAGE_REF.replace(/[./]/g, '\\$&')}: (\\S+)$`,
      'm',
    ).exec(text)?.[1];
    if (name && ref) images.set(name, ref);
  }
  return images;
}

const digestOf = (node: ClusterDetail['nodeStatuses'][number]) =>
  'digest' in node.image ? node.image.digest : undefined;

test('a cluster page follows a node booting another image, without a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  let token = '';
  let details: ClusterDetail[] = [];
  await waitForBackend(page, async t => {
    token = t;
    const res = await backendGet(page, t, '/api/fleet/clusters');
    if (!res.ok()) return false;
    const list = (await res.json()) as ClusterListResponse;
    details = await Promise.all(
      list.items.map(async c =>
        (await backendGet(page, t, `/api/fleet/clusters/${c.id}`)).json(),
      ),
    );
    return details.length > 0;
  });

  // A node whose VM Git files with a pinned image, and another image of its namespace.
  const booted = new Set(
    details.flatMap(c => c.nodeStatuses.map(n => n.image.reference)),
  );
  const candidates = details.flatMap(cluster =>
    cluster.nodeStatuses.flatMap(node => {
      const vm = node.virtualMachine;
      const current = digestOf(node);
      if (!vm || !current) return [];
      const file = path.join(
        REPO,
        'vms',
        vm.namespace,
        cluster.ref.name,
        `${vm.name}.yaml`,
      );
      if (!fs.existsSync(file)) return [];
      // Another image some node of the fleet boots now: one the simulated VirtRigaud boots.
      const other = [...vmImages(vm.namespace)].find(
        ([, ref]) => !ref.endsWith(current) && booted.has(ref),
      );
      return other ? [{ cluster, node, file, image: other }] : [];
    }),
  );
  expect(
    candidates.length,
    'a demo node can boot another image',
  ).toBeGreaterThan(0);
  const { cluster, node, file, image } = candidates[0];
  const [imageName, reference] = image;
  const digest = reference.slice(reference.lastIndexOf('@') + 1);

  // The page hears of changes once it has subscribed to the fleet's signal channel.
  const subscribed = new Promise<void>(resolve => {
    page.on('websocket', ws => {
      if (!ws.url().includes('/api/signals')) return;
      ws.on('framesent', frame => {
        if (String(frame.payload).includes('fleet:changes')) resolve();
      });
    });
  });
  await signInAsGuest(page, clusterPagePath(cluster));
  const row = page.getByTestId('node-row').filter({ hasText: node.name });
  await expect(row).toContainText(digestOf(node)!.slice(0, 15));
  await expect(page.getByTestId('fleet-live').first()).toHaveAttribute(
    'data-live',
    'true',
  );
  await subscribed;
  // Marks this page load: a reload would lose it.
  await page.evaluate(() => ((window as any).fleetLiveTest = 'same page'));

  // Someone pushes to main: the simulated Flux applies it, the VM reboots into the new image.
  const manifest = fs.readFileSync(file, 'utf8');
  const edited = manifest.replace(
    /^( {2}imageRef:\n {4}name: ).*$/m,
    (_, key) => `${key}${imageName}`,
  );
  expect(edited, 'the VM manifest names its VMImage').not.toBe(manifest);
  fs.writeFileSync(file, edited);
  git('commit', '-q', '-am', `browser test: ${node.name} boots ${imageName}`);
  const pushedAt = Date.now();

  await expect(row).toContainText(digest.slice(0, 15), { timeout: 60_000 });
  const latency = `the nodes card showed the new image ${
    Date.now() - pushedAt
  } ms after the commit`;
  test.info().annotations.push({ type: 'latency', description: latency });
  expect(await page.evaluate(() => (window as any).fleetLiveTest)).toBe(
    'same page',
  );
  await expect(page.getByTestId('fleet-last-change').first()).toHaveText(
    /^\d\d:\d\d:\d\d$/,
  );
  const after = (await (
    await backendGet(page, token, `/api/fleet/clusters/${cluster.id}`)
  ).json()) as ClusterDetail;
  const moved = after.nodeStatuses.find(n => n.name === node.name);
  expect(moved && digestOf(moved)).toBe(digest);
});
