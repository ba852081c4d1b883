import type { FleetSimulator } from '@internal/fleet-simulator';
import { parse } from 'yaml';

/** Every credential the simulated fleet hands out: the management token and each child's token. */
export function simulatorSecrets(sim: FleetSimulator): string[] {
  const secrets = [sim.management.token, sim.dns.token];
  for (const secret of sim.objects('mgmt').list({ kind: 'Secret' })) {
    const value = (secret as any).data?.value;
    if (typeof value !== 'string') continue;
    const kubeconfig = parse(Buffer.from(value, 'base64').toString('utf8'));
    for (const user of kubeconfig?.users ?? []) {
      for (const key of ['token', 'client-key-data']) {
        if (typeof user.user?.[key] === 'string') secrets.push(user.user[key]);
      }
    }
  }
  return secrets.filter(s => s.length >= 8);
}
