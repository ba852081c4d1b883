import type {
  GitopsRequestItem,
  RequestState,
} from '@fleet-portal/plugin-fleet-common';
import type { Knex } from 'knex';

export interface RequestFilter {
  /** Requests about this cluster (by name). */
  cluster?: string;
  /** Only the requests of this user entity ref. */
  requestedBy?: string;
  /** Only requests in one of these states. */
  states?: RequestState[];
}

/** The requests and their journeys, shared by every replica. */
export interface RequestStore {
  /** Newest first. */
  list(filter?: RequestFilter): Promise<GitopsRequestItem[]>;
  save(items: GitopsRequestItem[]): Promise<void>;
}

type RequestRow = {
  id: string;
  cluster_name: string | null;
  requested_by: string;
  state: string;
  committed_at: string;
  updated_at: string;
  item: string;
};

/** Requests in the plugin's database (SQLite or PostgreSQL, migrated with the fleet's tables). */
export class DatabaseRequestStore implements RequestStore {
  constructor(private readonly db: Knex) {}

  async list(filter: RequestFilter = {}): Promise<GitopsRequestItem[]> {
    let query = this.db<RequestRow>('fleet_requests').select('item');
    if (filter.requestedBy)
      query = query.where('requested_by', filter.requestedBy);
    if (filter.states) query = query.whereIn('state', filter.states);
    const rows = await query
      .orderBy('committed_at', 'desc')
      .orderBy('id', 'asc');
    const items: GitopsRequestItem[] = rows.map(row => JSON.parse(row.item));
    return filter.cluster
      ? items.filter(item => concernsCluster(item, filter.cluster!))
      : items;
  }

  async save(items: GitopsRequestItem[]): Promise<void> {
    if (items.length === 0) return;
    const now = new Date().toISOString();
    const rows: RequestRow[] = items.map(item => ({
      id: item.id,
      cluster_name: item.cluster ?? null,
      requested_by: item.requestedBy,
      state: item.journey.state,
      committed_at: item.committedAt,
      updated_at: now,
      item: JSON.stringify(item),
    }));
    await this.db.transaction(async tx => {
      for (const row of rows)
        await tx<RequestRow>('fleet_requests')
          .insert(row)
          .onConflict('id')
          .merge();
    });
  }
}

/** True when the request is about `cluster`: its cluster input, or files in the cluster's folders. */
export function concernsCluster(
  item: GitopsRequestItem,
  cluster: string,
): boolean {
  return (
    item.cluster === cluster ||
    item.files.some(
      file =>
        file.startsWith(`clusters/${cluster}/`) ||
        file.startsWith(`vms/${cluster}/`),
    )
  );
}
