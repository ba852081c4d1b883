// The fleet simulator's CLI as a separate process, serving HTTPS, with the CA and token files a
// backend's `fleet.managementClusters` / `fleet.dnsClusters` entries read.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { start, waitFor } from './processes.mjs';

export async function startSimulator(repo, dir, clusters) {
  const YAML = createRequire(join(repo, 'packages/backend/package.json'))(
    'yaml',
  );
  mkdirSync(dir, { recursive: true });
  const child = start(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/fleet-simulator/src/cli.ts',
      '--tls',
      '--clusters',
      String(clusters),
      '--out',
      dir,
    ],
    { cwd: repo },
  );
  const urls = await waitFor('the fleet simulator', 60_000, child, async () => {
    const found = Object.fromEntries(
      [...child.output.matchAll(/^(mgmt|dns): (\S+) \(kubeconfig /gm)].map(
        m => [m[1], m[2]],
      ),
    );
    return found.mgmt && found.dns
      ? { done: true, value: found }
      : { done: false, why: 'no URLs printed yet' };
  });
  const files = {};
  for (const name of ['mgmt', 'dns']) {
    const kubeconfig = YAML.parse(
      readFileSync(join(dir, `${name}.kubeconfig`), 'utf8'),
    );
    files[name] = {
      url: urls[name],
      ca: join(dir, `${name}-ca.crt`),
      token: join(dir, `${name}-token`),
    };
    writeFileSync(
      files[name].ca,
      Buffer.from(
        kubeconfig.clusters[0].cluster['certificate-authority-data'],
        'base64',
      ),
    );
    writeFileSync(files[name].token, kubeconfig.users[0].user.token, {
      mode: 0o600,
    });
  }
  return { child, mgmt: files.mgmt, dns: files.dns };
}
