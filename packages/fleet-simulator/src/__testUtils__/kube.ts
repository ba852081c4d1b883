import { KubeConfig } from '@kubernetes/client-node';
import type { FleetSimulator } from '../startFleetSimulator';

/** A KubeConfig for one simulated API server, built the way a backend would (token, inline CA). */
export function kubeConfigFor(
  server: string,
  token?: string,
  caData?: string,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'sim',
        server,
        caData,
        // client-node refuses plain http: unless TLS verification is "skipped".
        skipTLSVerify: server.startsWith('http:'),
      },
    ],
    users: [{ name: 'sim', token }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'sim' }],
    currentContext: 'sim',
  });
  return kc;
}

export function managementConfig(
  sim: FleetSimulator,
  token = sim.management.token,
): KubeConfig {
  return kubeConfigFor(sim.management.url, token, sim.management.caData);
}

export function dnsConfig(
  sim: FleetSimulator,
  token = sim.dns.token,
): KubeConfig {
  return kubeConfigFor(sim.dns.url, token, sim.dns.caData);
}

/** The error a promise rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
