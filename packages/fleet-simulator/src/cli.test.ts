import { parseArgs } from './cli';

describe('cli', () => {
  it('parses the knobs', () => {
    expect(
      parseArgs([
        '--clusters',
        '30',
        '--nodes',
        '5',
        '--records',
        '2',
        '--seed',
        '9',
        '--latency',
        '20',
        '--tls',
        '--port',
        '7443',
        '--fault',
        'tooling-1=down',
        '--fault',
        'risk-batch-1=slow',
        '--out',
        '/tmp/x',
      ]),
    ).toEqual({
      clusters: 30,
      nodesPerCluster: 5,
      recordsPerCluster: 2,
      seed: 9,
      latencyMs: 20,
      tls: true,
      port: 7443,
      out: '/tmp/x',
      faults: { 'tooling-1': 'down', 'risk-batch-1': 'slow' },
    });
  });

  it('refuses what it does not know', () => {
    expect(() => parseArgs(['--fault', 'tooling-1=explode'])).toThrow(
      /CLUSTER=FAULT/,
    );
    expect(() => parseArgs(['--clusters'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--clusters', 'many'])).toThrow(/needs a number/);
    expect(() => parseArgs(['--verbose'])).toThrow(/unknown argument/);
  });

  it('takes a GitOps repository with its Flux interval and step time', () => {
    expect(
      parseArgs([
        '--gitops',
        '/tmp/fleet-repo',
        '--flux-interval',
        '500',
        '--step',
        '250',
      ]),
    ).toEqual({
      gitops: { dir: '/tmp/fleet-repo', pollMs: 500, stepMs: 250 },
    });
    expect(() => parseArgs(['--step', '250'])).toThrow(/goes with --gitops/);
  });
});
