import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderKubeconfig } from './kubeconfig';
import { startFleetSimulator } from './startFleetSimulator';
import {
  FLEET_FAULTS,
  type FleetFault,
  type FleetSimulatorOptions,
} from './types';

const USAGE = `fleet-simulator [options]
  --clusters N          child clusters (default 12)
  --nodes N             nodes per cluster (default 3)
  --records N           DNS records per cluster (default 4)
  --seed N              generator seed (default 1)
  --latency MS          latency added to every request (default 0)
  --tls                 serve HTTPS with a generated CA
  --host H --port P     where to listen (default 127.0.0.1, a free port)
  --fault NAME=FAULT    e.g. --fault tooling-1=down (repeatable)
  --out DIR             where to write mgmt.kubeconfig and dns.kubeconfig (default <tmp>/fleet-simulator)
  --gitops DIR          run the fleet from the local Git repository DIR (created holding the demo
                        fleet), applied by a simulated Flux, converged by simulated controllers
  --flux-interval MS    how often the simulated Flux looks at the branch (default 2000)
  --step MS             how long each controller step takes (default 1500)`;

/** Parses CLI arguments into simulator options. */
export function parseArgs(
  argv: string[],
): FleetSimulatorOptions & { out?: string; help?: boolean } {
  const options: FleetSimulatorOptions & { out?: string; help?: boolean } = {};
  const faults: Record<string, FleetFault> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const num = () => {
      const n = Number(value());
      if (!Number.isFinite(n)) throw new Error(`${arg} needs a number`);
      return n;
    };
    switch (arg) {
      case '--clusters':
        options.clusters = num();
        break;
      case '--nodes':
        options.nodesPerCluster = num();
        break;
      case '--records':
        options.recordsPerCluster = num();
        break;
      case '--seed':
        options.seed = num();
        break;
      case '--latency':
        options.latencyMs = num();
        break;
      case '--port':
        options.port = num();
        break;
      case '--host':
        options.host = value();
        break;
      case '--tls':
        options.tls = true;
        break;
      case '--out':
        options.out = value();
        break;
      case '--gitops':
        options.gitops = { ...options.gitops, dir: resolve(value()) };
        break;
      case '--flux-interval':
      case '--step': {
        const ms = num();
        if (!options.gitops)
          throw new Error(`${arg} goes with --gitops DIR, given before it`);
        if (arg === '--step') options.gitops.stepMs = ms;
        else options.gitops.pollMs = ms;
        break;
      }
      case '--fault': {
        const [cluster, fault] = value().split('=');
        if (!cluster || !FLEET_FAULTS.includes(fault as FleetFault)) {
          throw new Error(
            `--fault needs CLUSTER=FAULT with FAULT one of ${FLEET_FAULTS.join(
              ', ',
            )}`,
          );
        }
        faults[cluster] = fault as FleetFault;
        break;
      }
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  if (Object.keys(faults).length) options.faults = faults;
  return options;
}

/**
 * Starts the simulator until SIGINT/SIGTERM and writes kubeconfigs for the management and DNS
 * clusters (mode 0600). Prints URLs and file paths, never tokens.
 */
export async function main(
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  const { out, help, ...options } = parseArgs(argv);
  if (help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startFleetSimulator(options);
  const dir = out ?? join(tmpdir(), 'fleet-simulator');
  mkdirSync(dir, { recursive: true });
  for (const [name, target] of [
    ['mgmt', sim.management],
    ['dns', sim.dns],
  ] as const) {
    const file = join(dir, `${name}.kubeconfig`);
    writeFileSync(
      file,
      renderKubeconfig({
        cluster: name,
        server: target.url,
        caData: target.caData,
        token: target.token,
      }),
      { mode: 0o600 },
    );
    process.stdout.write(`${name}: ${target.url} (kubeconfig ${file})\n`);
  }
  process.stdout.write(
    `${sim.clusterNames().length} child clusters under ${
      sim.url
    }/clusters/<name>\n`,
  );
  if (sim.gitops)
    process.stdout.write(
      `GitOps repository ${sim.gitops.repository}: merge into ${sim.gitops.defaultBranch} to change the fleet\n`,
    );
  const shutdown = () => {
    sim.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
