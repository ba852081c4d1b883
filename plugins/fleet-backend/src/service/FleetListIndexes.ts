import {
  indexFleet,
  type ClusterSummary,
  type FleetListIndex,
  type SourceStatus,
} from '@fleet-portal/plugin-fleet-common';

export interface ReadableFleet {
  index: FleetListIndex;
  sources: SourceStatus[];
}

/**
 * The clusters each read scope may see, indexed for filtering, sorting and paging, for one
 * version of the fleet store: every distinct page query costs a filter and a sort, not a
 * permission pass over the fleet and the table texts of every cluster.
 */
export class FleetListIndexes {
  private version = -1;
  private readonly fleets = new Map<string, Promise<ReadableFleet>>();

  constructor(private readonly maxEntries = 1_000) {}

  get(
    version: number,
    scopeKey: string,
    read: () => Promise<{ items: ClusterSummary[]; sources: SourceStatus[] }>,
  ): Promise<ReadableFleet> {
    if (version !== this.version) {
      this.fleets.clear();
      this.version = version;
    }
    let fleet = this.fleets.get(scopeKey);
    if (!fleet) {
      fleet = read().then(({ items, sources }) => ({
        index: indexFleet(items),
        sources,
      }));
      if (this.fleets.size >= this.maxEntries) this.fleets.clear();
      this.fleets.set(scopeKey, fleet);
      // A failed read is not kept: the next request tries again.
      fleet.catch(() => {
        if (this.fleets.get(scopeKey) === fleet) this.fleets.delete(scopeKey);
      });
    }
    return fleet;
  }
}
