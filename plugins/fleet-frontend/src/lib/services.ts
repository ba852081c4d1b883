import {
  ClusterService,
  ServiceState,
  ServicesFilter,
} from '@fleet-portal/plugin-fleet-common';

/** Failed first, then the ones on their way, then deployed; unreported with the pending ones. */
const STATE_RANK: Record<ServiceState, number> = {
  Failed: 0,
  Provisioning: 1,
  Pending: 2,
  Deleting: 3,
  Deleted: 4,
  Deployed: 5,
};
const UNREPORTED_RANK = 2;

function rank(service: ClusterService): number {
  return service.state ? STATE_RANK[service.state.value] : UNREPORTED_RANK;
}

export interface ServicesView {
  /** False when the backend does not report services at all (it predates them). */
  reported: boolean;
  /** Failed first, then provisioning, pending, deleting, deployed; by namespace and name within each. */
  services: ClusterService[];
  deployed: number;
  total: number;
  failed: number;
  provisioning: number;
}

export function deriveServicesView(cluster: {
  services?: ClusterService[];
}): ServicesView {
  const all = cluster.services ?? [];
  const count = (state: ServiceState) =>
    all.filter(s => s.state?.value === state).length;
  return {
    reported: cluster.services !== undefined,
    services: [...all].sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    ),
    deployed: count('Deployed'),
    total: all.length,
    failed: count('Failed'),
    provisioning: count('Provisioning'),
  };
}

export {
  matchesServicesFilter,
  type ServicesFilter,
} from '@fleet-portal/plugin-fleet-common';

export const SERVICES_FILTER_LABELS: Record<ServicesFilter, string> = {
  failed: 'A service failed',
  provisioning: 'A service provisioning',
  'not-deployed': 'A service failed or provisioning',
};
