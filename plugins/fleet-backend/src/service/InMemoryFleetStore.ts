import {
  clusterId,
  type ClusterDetail,
  type ClusterInventoryItem,
  type ClusterRef,
  type ClusterSummary,
  type SourceStatus,
} from '@internal/plugin-fleet-common';
import { toInventoryItem, toSummary } from '../derive/deriveCluster';
import type { FleetStore } from './FleetStore';

/** A single-process store; summaries are computed once per refresh, not per request. */
export class InMemoryFleetStore implements FleetStore {
  private readonly byManagement = new Map<string, Map<string, ClusterDetail>>();
  private readonly summaries = new Map<string, ClusterSummary[]>();
  private readonly sources = new Map<string, SourceStatus>();

  async listClusters(): Promise<ClusterSummary[]> {
    return [...this.summaries.keys()].sort().flatMap(id => this.summaries.get(id)!);
  }

  async getCluster(ref: ClusterRef): Promise<ClusterDetail | undefined> {
    return this.byManagement.get(ref.management)?.get(clusterId(ref));
  }

  async listClusterDetails(managementId: string): Promise<ClusterDetail[]> {
    return [...(this.byManagement.get(managementId)?.values() ?? [])];
  }

  async listInventory(): Promise<ClusterInventoryItem[]> {
    return [...this.byManagement.keys()]
      .sort()
      .flatMap(id => [...this.byManagement.get(id)!.values()].map(toInventoryItem));
  }

  async listSources(): Promise<SourceStatus[]> {
    return [...this.sources.values()].sort((a, b) => a.scope.localeCompare(b.scope) || a.id.localeCompare(b.id));
  }

  async saveManagementSnapshot(managementId: string, clusters: ClusterDetail[], source: SourceStatus): Promise<void> {
    const sorted = [...clusters].sort((a, b) => a.id.localeCompare(b.id));
    this.byManagement.set(managementId, new Map(sorted.map(c => [c.id, c])));
    this.summaries.set(managementId, sorted.map(toSummary));
    this.sources.set(`management:${managementId}`, source);
  }

  async saveSourceStatus(source: SourceStatus): Promise<void> {
    this.sources.set(`${source.scope}:${source.id}`, source);
  }
}
