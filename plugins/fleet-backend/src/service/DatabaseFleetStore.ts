import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  clusterId,
  type ClusterDetail,
  type ClusterInventoryItem,
  type ClusterRef,
  type ClusterSummary,
  type HistoryEntry,
  type HistoryKind,
  type SourceStatus,
} from '@fleet-portal/plugin-fleet-common';
import type { Knex } from 'knex';
import { toInventoryItem, toSummary } from '../derive/deriveCluster';
import { clusterFacts, diffFacts, type Fact } from '../history/clusterFacts';
import { detailChanged } from '../signals/detailContent';
import type { FleetStore, HistoryQuery } from './FleetStore';

const MIGRATIONS = resolvePackagePath(
  '@fleet-portal/plugin-fleet-backend',
  'migrations',
);
const SAVE_BATCH = 10;

const yieldToEventLoop = () =>
  new Promise<void>(resolve => setImmediate(resolve));

export async function migrateFleetDatabase(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    directory: MIGRATIONS,
    tableName: 'fleet_knex_migrations',
  });
}

type HistoryRow = {
  cluster_id: string;
  kind: HistoryKind;
  subject: string;
  value: string | null;
  previous: string | null;
  source: string | null;
  observed_at: string;
};

function toRow(entry: HistoryEntry): HistoryRow {
  return {
    cluster_id: entry.clusterId,
    kind: entry.kind,
    subject: entry.subject,
    value: entry.value ?? null,
    previous: entry.previous ?? null,
    source: entry.source ? JSON.stringify(entry.source) : null,
    observed_at: entry.observedAt,
  };
}

function fromRow(row: HistoryRow): HistoryEntry {
  return {
    clusterId: row.cluster_id,
    kind: row.kind,
    subject: row.subject,
    value: row.value ?? undefined,
    previous: row.previous ?? undefined,
    source: row.source ? JSON.parse(row.source) : undefined,
    observedAt: row.observed_at,
  };
}

/**
 * The fleet in the plugin's database, shared by every replica: the refreshing replica writes a
 * management cluster's snapshot and the changes it saw in one transaction; every replica serves
 * reads from memory and reloads only when the shared version counter moved.
 */
export class DatabaseFleetStore implements FleetStore {
  private cache?: {
    version: number;
    summaries: ClusterSummary[];
    sources: SourceStatus[];
  };
  private versionRead?: { at: number; version: Promise<number> };

  private constructor(
    private readonly db: Knex,
    private readonly versionCheckMs: number,
  ) {}

  /**
   * @param options.versionCheckMs how long a read of the shared version counter is trusted:
   *   other replicas' writes show up here at most this late (default 250 ms); this replica's
   *   own writes show up at once.
   */
  static async create(
    db: Knex,
    options: { skipMigrations?: boolean; versionCheckMs?: number } = {},
  ): Promise<DatabaseFleetStore> {
    if (!options.skipMigrations) await migrateFleetDatabase(db);
    return new DatabaseFleetStore(db, options.versionCheckMs ?? 250);
  }

  async version(): Promise<number> {
    const now = Date.now();
    if (!this.versionRead || now - this.versionRead.at >= this.versionCheckMs) {
      const version = this.db('fleet_meta')
        .where({ id: 1 })
        .first('version')
        .then(row => Number(row?.version ?? 0));
      this.versionRead = { at: now, version };
      version.catch(() => {
        this.versionRead = undefined;
      });
    }
    return this.versionRead.version;
  }

  private forgetVersion() {
    this.versionRead = undefined;
  }

  private async load() {
    const version = await this.version();
    if (this.cache?.version === version) return this.cache;
    const [clusters, sources] = await Promise.all([
      this.db('fleet_clusters').select('id', 'summary').orderBy('id'),
      this.db('fleet_sources').select('status').orderBy('key'),
    ]);
    this.cache = {
      version,
      summaries: clusters.map(row => JSON.parse(row.summary)),
      sources: sources.map(row => JSON.parse(row.status)),
    };
    return this.cache;
  }

  async listClusters(): Promise<ClusterSummary[]> {
    return (await this.load()).summaries;
  }

  async listSources(): Promise<SourceStatus[]> {
    return (await this.load()).sources;
  }

  async getCluster(ref: ClusterRef): Promise<ClusterDetail | undefined> {
    const text = await this.getClusterJson(ref);
    return text === undefined ? undefined : (JSON.parse(text) as ClusterDetail);
  }

  async getClusterJson(ref: ClusterRef): Promise<string | undefined> {
    const row = await this.db('fleet_clusters')
      .where({ id: clusterId(ref) })
      .first('detail');
    return row ? String(row.detail) : undefined;
  }

  async listClusterDetailJson(managementId: string): Promise<string[]> {
    const rows = await this.db('fleet_clusters')
      .where({ management: managementId })
      .select('detail');
    return rows.map(row => String(row.detail));
  }

  async listInventory(): Promise<ClusterInventoryItem[]> {
    const rows = await this.db('fleet_clusters').select('detail').orderBy('id');
    return rows.map(row => toInventoryItem(JSON.parse(row.detail)));
  }

  async saveManagementSnapshot(
    managementId: string,
    clusters: ClusterDetail[],
    source: SourceStatus,
  ): Promise<string[]> {
    return this.saveClusters(managementId, clusters, source, undefined);
  }

  async saveClusterChanges(
    managementId: string,
    clusters: ClusterDetail[],
    removed: string[],
    source: SourceStatus,
  ): Promise<string[]> {
    return this.saveClusters(managementId, clusters, source, removed);
  }

  /** @param removed the clusters gone; undefined: every stored cluster not in `clusters`. */
  private async saveClusters(
    managementId: string,
    clusters: ClusterDetail[],
    source: SourceStatus,
    removed: string[] | undefined,
  ): Promise<string[]> {
    const at =
      source.lastSuccessAt ?? source.failure?.at ?? new Date().toISOString();
    const changed: string[] = [];
    await this.db.transaction(async trx => {
      let query = trx('fleet_clusters').where({ management: managementId });
      if (removed)
        query = query.whereIn('id', [...clusters.map(c => c.id), ...removed]);
      const existing: Array<{
        id: string;
        facts: string | null;
        detail: string;
      }> = await query.select('id', 'facts', 'detail');
      const before = new Map(existing.map(row => [row.id, row.facts]));
      const storedDetail = new Map(
        existing.map(row => [row.id, String(row.detail)]),
      );
      const previousFacts = (id: string) =>
        this.storedFacts(trx, id, before.get(id));
      // Work through the fleet in batches and yield in between: serialising 500 clusters in one
      // go would hold the event loop, and with it every API request, for a noticeable time.
      for (let i = 0; i < clusters.length; i += SAVE_BATCH) {
        const batch = clusters.slice(i, i + SAVE_BATCH);
        const history: HistoryEntry[] = [];
        const rows = [];
        for (const detail of batch) {
          const previous = before.has(detail.id)
            ? await previousFacts(detail.id)
            : undefined;
          before.delete(detail.id);
          const facts = clusterFacts(detail);
          const detailJson = JSON.stringify(detail);
          if (detailChanged(storedDetail.get(detail.id), detailJson))
            changed.push(detail.id);
          history.push(
            ...diffFacts(
              detail.id,
              previous,
              facts,
              detail.read.lastAttemptAt ?? at,
            ),
          );
          rows.push({
            id: detail.id,
            management: managementId,
            summary: JSON.stringify(toSummary(detail)),
            detail: detailJson,
            facts: JSON.stringify(facts.map(f => [f.kind, f.subject, f.value])),
            updated_at: at,
          });
        }
        await trx('fleet_clusters').insert(rows).onConflict('id').merge();
        if (history.length > 0)
          await trx.batchInsert('fleet_history', history.map(toRow), 200);
        await yieldToEventLoop();
      }
      if (before.size > 0) {
        const gone: HistoryEntry[] = [];
        for (const id of before.keys()) {
          changed.push(id);
          gone.push(...diffFacts(id, await previousFacts(id), [], at));
        }
        await trx('fleet_clusters')
          .whereIn('id', [...before.keys()])
          .delete();
        if (gone.length > 0)
          await trx.batchInsert('fleet_history', gone.map(toRow), 200);
      }
      await this.upsertSource(trx, source);
      await trx('fleet_meta').where({ id: 1 }).increment('version', 1);
    });
    this.forgetVersion();
    return changed;
  }

  /** The facts stored with a cluster; from its detail for rows older than the facts column. */
  private async storedFacts(
    trx: Knex.Transaction,
    id: string,
    stored: string | null | undefined,
  ): Promise<Fact[]> {
    if (stored) {
      return (JSON.parse(stored) as Array<[HistoryKind, string, string]>).map(
        ([kind, subject, value]) => ({ kind, subject, value }),
      );
    }
    const row = await trx('fleet_clusters').where({ id }).first('detail');
    return row ? clusterFacts(JSON.parse(row.detail)) : [];
  }

  async saveSourceStatus(source: SourceStatus): Promise<void> {
    await this.db.transaction(async trx => {
      await this.upsertSource(trx, source);
      await trx('fleet_meta').where({ id: 1 }).increment('version', 1);
    });
    this.forgetVersion();
  }

  private async upsertSource(trx: Knex.Transaction, source: SourceStatus) {
    await trx('fleet_sources')
      .insert({
        key: `${source.scope}:${source.id}`,
        status: JSON.stringify(source),
      })
      .onConflict('key')
      .merge();
  }

  async listHistory(query: HistoryQuery): Promise<HistoryEntry[]> {
    let q = this.db<HistoryRow>('fleet_history').where({
      cluster_id: query.clusterId,
    });
    if (query.from) q = q.where('observed_at', '>=', query.from);
    if (query.to) q = q.where('observed_at', '<=', query.to);
    if (query.node)
      q = q
        .whereIn('kind', ['node-image', 'node-version', 'node-presence'])
        .where({ subject: query.node });
    if (query.kinds?.length) q = q.whereIn('kind', query.kinds);
    const rows = await q
      .orderBy([
        { column: 'observed_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(query.limit ?? 1000);
    return rows.map(fromRow);
  }

  async pruneHistory(before: string): Promise<number> {
    // Keep, per subject, the newest entry at or before the cutoff: it is the baseline that
    // "state at T" needs for any T after the cutoff.
    const superseded = await this.db('fleet_history as h')
      .where('h.observed_at', '<', before)
      .whereExists(function newer() {
        this.select(1)
          .from('fleet_history as n')
          .whereRaw(
            'n.cluster_id = h.cluster_id and n.kind = h.kind and n.subject = h.subject',
          )
          .whereRaw('n.observed_at > h.observed_at')
          .where('n.observed_at', '<=', before);
      })
      .select('h.id');
    const ids = superseded.map(r => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      await this.db('fleet_history')
        .whereIn('id', ids.slice(i, i + 500))
        .delete();
    }
    const gone = await this.db('fleet_history')
      .where('observed_at', '<', before)
      .whereNull('value')
      .delete();
    return ids.length + gone;
  }
}
