import type { FleetSimulator } from '@internal/fleet-simulator';
import type { DnsOwnershipRule } from '@fleet-portal/plugin-fleet-common';
import type { GitRevisions } from '../gitops/GitRevisions';
import { FleetRefresher } from '../service/FleetRefresher';
import type { FleetReading } from '../service/FleetReading';
import type { FleetStore } from '../service/FleetStore';
import type { FleetChangeListener } from '../signals/publishFleetChanges';
import { recordingLogger } from './recordingLogger';
import { simulatorTargets } from './simulatorTargets';

/** A refresher reading the simulator's management (`mgmt`) and DNS (`dns`) clusters. */
export function simulatorRefresher(
  sim: FleetSimulator,
  store: FleetStore,
  options: {
    clusterTimeoutMs?: number;
    concurrency?: number;
    pageSize?: number;
    /** Overrides the simulator's tokens, e.g. to be refused. */
    token?: string;
    logger?: ReturnType<typeof recordingLogger>;
    reader?: FleetReading;
    /** The local GitOps repository live objects are compared with. */
    gitopsRepository?: string;
    /** Where Git is read instead (GitHub mode). */
    gitRevisions?: GitRevisions;
    dnsOwnership?: DnsOwnershipRule[];
    onChange?: FleetChangeListener;
  } = {},
): FleetRefresher {
  return new FleetRefresher({
    ...simulatorTargets(sim, options.token),
    store,
    logger: options.logger ?? recordingLogger(),
    clusterTimeoutMs: options.clusterTimeoutMs ?? 3_000,
    concurrency: options.concurrency ?? 4,
    pageSize: options.pageSize,
    reader: options.reader,
    gitopsRepository: options.gitopsRepository,
    gitRevisions: options.gitRevisions,
    dnsOwnership: options.dnsOwnership,
    onChange: options.onChange,
  });
}
