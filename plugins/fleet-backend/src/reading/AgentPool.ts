import type { KubeConfig } from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
import https from 'node:https';

const IDLE_LIMIT_MS = 10 * 60_000;

/**
 * Keep-alive HTTPS agents, one per API server and TLS identity, kept across refreshes.
 *
 * `@kubernetes/client-node` builds a new agent — a new TLS handshake and certificate context —
 * for every request; reading 500 clusters that way spends most of its CPU on handshakes. The
 * reader swaps in a pooled agent built from the same kubeconfig TLS settings, so a cluster's
 * connection is reused by its next requests and next refreshes. Credentials other than client
 * certificates travel in headers and are not part of the pool's key.
 */
export class AgentPool {
  private readonly agents = new Map<
    string,
    { agent: https.Agent; lastUsed: number }
  >();

  constructor(private readonly now: () => number = Date.now) {}

  async agentFor(kubeConfig: KubeConfig): Promise<https.Agent | undefined> {
    const cluster = kubeConfig.getCurrentCluster();
    // Proxies and plain HTTP keep client-node's own agent.
    if (!cluster || cluster.proxyUrl || !cluster.server.startsWith('https:'))
      return undefined;
    const options: https.RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(options);
    const tls = {
      ca: options.ca,
      cert: options.cert,
      key: options.key,
      pfx: options.pfx,
      passphrase: options.passphrase,
      servername: cluster.tlsServerName,
      rejectUnauthorized: !cluster.skipTLSVerify,
    };
    const key = createHash('sha256')
      .update(JSON.stringify([new URL(cluster.server).origin, tls]))
      .digest('hex');
    let entry = this.agents.get(key);
    if (!entry) {
      entry = {
        agent: new https.Agent({ ...tls, keepAlive: true, maxSockets: 16 }),
        lastUsed: 0,
      };
      this.agents.set(key, entry);
    }
    entry.lastUsed = this.now();
    return entry.agent;
  }

  /** Closes agents no refresh has used for a while (clusters that left the fleet). */
  sweep(idleLimitMs = IDLE_LIMIT_MS): void {
    const cutoff = this.now() - idleLimitMs;
    for (const [key, entry] of this.agents) {
      if (entry.lastUsed < cutoff) {
        entry.agent.destroy();
        this.agents.delete(key);
      }
    }
  }

  get size(): number {
    return this.agents.size;
  }

  destroyAll(): void {
    for (const entry of this.agents.values()) entry.agent.destroy();
    this.agents.clear();
  }
}
