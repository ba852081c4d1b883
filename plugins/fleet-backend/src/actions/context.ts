import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { ClusterReadAccess } from '../permissions/ClusterReadAccess';
import type { FleetStore } from '../service/FleetStore';
import type { GitopsRequests } from '../gitops/GitopsRequests';

/** What the fleet actions read, and with which permissions. */
export interface FleetActionsOptions {
  actionsRegistry: ActionsRegistryService;
  /** What `fleet.cluster.read` covers for the credentials each call carries. */
  access: ClusterReadAccess;
  store: Pick<FleetStore, 'listClusters' | 'getCluster' | 'listHistory'>;
  requests: Pick<GitopsRequests, 'list'>;
}

/** Every fleet action only reads, and gives the same answer when nothing changed in between. */
export const READ_ONLY = {
  readOnly: true,
  idempotent: true,
  destructive: false,
} as const;
