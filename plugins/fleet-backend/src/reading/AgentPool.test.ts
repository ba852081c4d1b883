import { KubeConfig } from '@kubernetes/client-node';
import { AgentPool } from './AgentPool';

function kubeConfig(server: string, token: string, caData = 'Q0E=') {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server, caData, skipTLSVerify: false }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kc;
}

describe('AgentPool', () => {
  it('shares one agent per API server and TLS identity, whatever the token', async () => {
    const pool = new AgentPool();
    const a = await pool.agentFor(
      kubeConfig('https://a.example.com:6443/x', 't1'),
    );
    const b = await pool.agentFor(
      kubeConfig('https://a.example.com:6443/y', 't2'),
    );
    const c = await pool.agentFor(
      kubeConfig('https://b.example.com:6443', 't1'),
    );
    const d = await pool.agentFor(
      kubeConfig('https://a.example.com:6443', 't1', 'T1RIRVI='),
    );
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
    expect(pool.size).toBe(3);
    pool.destroyAll();
  });

  it('leaves plain HTTP to client-node and sweeps agents nobody used lately', async () => {
    let now = 0;
    const pool = new AgentPool(() => now);
    expect(
      await pool.agentFor(kubeConfig('http://a.example.com', 't')),
    ).toBeUndefined();
    await pool.agentFor(kubeConfig('https://old.example.com', 't'));
    now = 1_000;
    await pool.agentFor(kubeConfig('https://new.example.com', 't'));
    pool.sweep(500);
    expect(pool.size).toBe(1);
    pool.destroyAll();
  });
});
