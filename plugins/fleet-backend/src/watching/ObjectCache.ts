import type { KubeObject } from '../reading/KubeReader';
import type { WatchEvent } from './watchStream';

const objectKey = (o: KubeObject) =>
  `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** An integer resourceVersion, when the server uses them (etcd revisions): compared for order. */
const revision = (rv: string | undefined) =>
  rv !== undefined && /^\d+$/.test(rv) ? Number(rv) : undefined;

/** What applying one watch event did. */
export type Applied =
  | { kind: 'changed' }
  | { kind: 'bookmark' }
  /** The event cannot be applied: the cache must be listed again. */
  | { kind: 'rejected'; message: string };

/** The objects of one resource as last listed and then watched, with the resourceVersion reached. */
export class ObjectCache {
  private readonly byKey = new Map<string, KubeObject>();
  resourceVersion?: string;

  constructor(private readonly maxObjects: number) {}

  objects(): KubeObject[] {
    return [...this.byKey.values()];
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Replaces everything with a list; true when any object differs from before. */
  replace(items: KubeObject[], resourceVersion: string | undefined): boolean {
    const before = this.byKey;
    const changed =
      before.size !== items.length ||
      items.some(
        o =>
          before.get(objectKey(o))?.metadata?.resourceVersion !==
          o.metadata?.resourceVersion,
      );
    before.clear();
    for (const o of items) before.set(objectKey(o), o);
    this.resourceVersion = resourceVersion;
    return changed;
  }

  apply(event: WatchEvent): Applied {
    const rv = event.object.metadata?.resourceVersion;
    const last = revision(this.resourceVersion);
    const next = revision(rv);
    if (last !== undefined && next !== undefined && next < last)
      return {
        kind: 'rejected',
        message: `an event went back in time (resourceVersion ${rv} after ${this.resourceVersion})`,
      };
    this.resourceVersion = rv;
    if (event.type === 'BOOKMARK') return { kind: 'bookmark' };
    const key = objectKey(event.object);
    if (event.type === 'DELETED') this.byKey.delete(key);
    else this.byKey.set(key, event.object);
    if (this.byKey.size > this.maxObjects) {
      this.byKey.clear();
      return {
        kind: 'rejected',
        message: `more than ${this.maxObjects} objects`,
      };
    }
    return { kind: 'changed' };
  }
}
