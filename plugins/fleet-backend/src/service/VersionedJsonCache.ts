import { createHash } from 'node:crypto';

/**
 * Serialised response bodies for one version of the fleet store, all dropped when the version
 * moves: between refreshes a request costs a map lookup, not a database read and a
 * JSON.stringify of a cluster with all its nodes.
 */
export interface CachedJson {
  body: Buffer;
  /** A strong ETag of the body, so clients that poll can revalidate with If-None-Match. */
  etag: string;
}

export class VersionedJsonCache {
  private version = -1;
  private readonly bodies = new Map<string, CachedJson>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The cached body, or `compute`'s result serialised (undefined results are not cached). */
  async get(
    version: number,
    key: string,
    compute: () => Promise<unknown | undefined>,
  ): Promise<CachedJson | undefined> {
    if (version !== this.version) {
      this.bodies.clear();
      this.version = version;
    }
    const cached = this.bodies.get(key);
    if (cached !== undefined) return cached;
    const value = await compute();
    if (value === undefined) return undefined;
    const body = Buffer.from(JSON.stringify(value), 'utf8');
    const entry = {
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    };
    if (this.version === version) {
      if (this.bodies.size >= this.maxEntries) this.bodies.clear();
      this.bodies.set(key, entry);
    }
    return entry;
  }
}
