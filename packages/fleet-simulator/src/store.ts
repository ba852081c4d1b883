import { isDeepStrictEqual } from 'node:util';
import { stableUid } from './random';
import { matchesLabels, parseLabelSelector } from './selectors';
import type {
  KubeObject,
  KubeObjectRef,
  KubeObjectStore,
  WatchEventType,
} from './types';

export interface StoreEvent {
  type: WatchEventType;
  object: KubeObject;
  /** resourceVersion of the change. */
  rv: number;
}

export interface StoredType {
  apiVersion: string;
  kind: string;
  namespaced: boolean;
}

const HISTORY_LIMIT = 10_000;

function typeKey(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function compareKeys(a: KubeObject, b: KubeObject): number {
  const ka = objectKey(a.metadata.namespace, a.metadata.name);
  const kb = objectKey(b.metadata.namespace, b.metadata.name);
  if (ka < kb) return -1;
  return ka > kb ? 1 : 0;
}

/**
 * The objects of one simulated API server, with a resourceVersion counter and a bounded
 * history of changes for watches that resume from a resourceVersion.
 */
export class ObjectStore implements KubeObjectStore {
  private rv: number;
  private readonly byType = new Map<
    string,
    { type: StoredType; objects: Map<string, KubeObject> }
  >();
  private readonly sortedCache = new Map<string, KubeObject[]>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly history: StoreEvent[] = [];
  /** Watches may resume from this resourceVersion or later. */
  private oldestResumableRv: number;
  private loading = true;

  constructor(
    readonly scope: string,
    private readonly clock: () => string,
    initial: KubeObject[] = [],
    firstResourceVersion = 1000,
  ) {
    this.rv = firstResourceVersion;
    for (const object of initial) this.upsert(object);
    this.loading = false;
    this.oldestResumableRv = this.rv;
  }

  resourceVersion(): string {
    return String(this.rv);
  }

  currentRv(): number {
    return this.rv;
  }

  /** The kinds the store holds objects of. */
  storedTypes(): StoredType[] {
    return [...this.byType.values()]
      .filter(t => t.objects.size > 0)
      .map(t => t.type);
  }

  /** The stored objects of one kind, sorted by namespace/name. Not copies: do not change them. */
  objectsOf(apiVersion: string, kind: string): readonly KubeObject[] {
    const key = typeKey(apiVersion, kind);
    let sorted = this.sortedCache.get(key);
    if (!sorted) {
      sorted = [...(this.byType.get(key)?.objects.values() ?? [])].sort(
        compareKeys,
      );
      this.sortedCache.set(key, sorted);
    }
    return sorted;
  }

  /** The stored object itself (not a copy). */
  peek(ref: KubeObjectRef): KubeObject | undefined {
    return this.byType
      .get(typeKey(ref.apiVersion, ref.kind))
      ?.objects.get(objectKey(ref.namespace, ref.name));
  }

  list(
    filter: {
      apiVersion?: string;
      kind?: string;
      namespace?: string;
      labelSelector?: string;
    } = {},
  ): KubeObject[] {
    const selector = parseLabelSelector(filter.labelSelector);
    const out: KubeObject[] = [];
    for (const { type } of this.byType.values()) {
      if (filter.apiVersion && filter.apiVersion !== type.apiVersion) continue;
      if (filter.kind && filter.kind !== type.kind) continue;
      for (const object of this.objectsOf(type.apiVersion, type.kind)) {
        if (
          filter.namespace !== undefined &&
          object.metadata.namespace !== filter.namespace
        )
          continue;
        if (!matchesLabels(selector, object.metadata.labels)) continue;
        out.push(structuredClone(object));
      }
    }
    return out;
  }

  get(ref: KubeObjectRef): KubeObject | undefined {
    const found = this.peek(ref);
    return found ? structuredClone(found) : undefined;
  }

  upsert(input: KubeObject): KubeObject {
    if (
      !input ||
      typeof input.apiVersion !== 'string' ||
      typeof input.kind !== 'string' ||
      !input.metadata?.name
    ) {
      throw new Error('an object needs apiVersion, kind and metadata.name');
    }
    const object = structuredClone(input);
    const { apiVersion, kind } = object;
    const meta = object.metadata;
    const tKey = typeKey(apiVersion, kind);
    let bucket = this.byType.get(tKey);
    if (!bucket) {
      bucket = {
        type: { apiVersion, kind, namespaced: meta.namespace !== undefined },
        objects: new Map(),
      };
      this.byType.set(tKey, bucket);
    }
    const oKey = objectKey(meta.namespace, meta.name);
    const existing = bucket.objects.get(oKey);

    meta.uid =
      meta.uid ??
      existing?.metadata.uid ??
      stableUid(this.scope, apiVersion, kind, oKey);
    meta.creationTimestamp =
      meta.creationTimestamp ??
      existing?.metadata.creationTimestamp ??
      this.clock();
    if (apiVersion.includes('/') && meta.generation === undefined) {
      if (!existing) {
        meta.generation = 1;
      } else {
        const changed = !isDeepStrictEqual(existing.spec, object.spec);
        meta.generation =
          (existing.metadata.generation ?? 1) + (changed ? 1 : 0);
      }
    }
    this.rv += 1;
    meta.resourceVersion = String(this.rv);

    bucket.objects.set(oKey, object);
    this.sortedCache.delete(tKey);
    this.emit({ type: existing ? 'MODIFIED' : 'ADDED', object, rv: this.rv });
    return this.loading ? object : structuredClone(object);
  }

  delete(ref: KubeObjectRef): boolean {
    const tKey = typeKey(ref.apiVersion, ref.kind);
    const bucket = this.byType.get(tKey);
    const oKey = objectKey(ref.namespace, ref.name);
    const existing = bucket?.objects.get(oKey);
    if (!bucket || !existing) return false;
    bucket.objects.delete(oKey);
    this.sortedCache.delete(tKey);
    this.rv += 1;
    const gone = structuredClone(existing);
    gone.metadata.resourceVersion = String(this.rv);
    this.emit({ type: 'DELETED', object: gone, rv: this.rv });
    return true;
  }

  /** Calls the listener on every change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes after `rv`, or undefined when `rv` is older than the history kept (410 Expired). */
  eventsSince(rv: number): StoreEvent[] | undefined {
    if (rv < this.oldestResumableRv) return undefined;
    return this.history.filter(e => e.rv > rv);
  }

  /** Drops the change history: watches resuming from before now get 410 Gone. */
  compactHistory(): void {
    this.history.length = 0;
    this.oldestResumableRv = this.rv;
  }

  private emit(event: StoreEvent): void {
    if (this.loading) return;
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT) {
      const dropped = this.history.splice(
        0,
        this.history.length - HISTORY_LIMIT,
      );
      this.oldestResumableRv = dropped[dropped.length - 1].rv;
    }
    for (const listener of this.listeners) listener(event);
  }
}
