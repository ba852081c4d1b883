import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * One serialised response body, with its gzip encoding made once on first use: Backstage's
 * root router compresses every response it sees, which for a 20 KB cluster costs more than
 * the rest of the request, so the body is compressed once per fleet version instead.
 */
export class CachedJson {
  /** A strong ETag of the identity body; each encoding gets its own (see etagFor). */
  readonly etag: string;
  private gzipBody?: Promise<Buffer>;

  constructor(readonly body: Buffer) {
    this.etag = createHash('sha1').update(body).digest('base64url');
  }

  /** Compressed on the libuv thread pool, once, the first time a client asks for gzip. */
  gzipped(): Promise<Buffer> {
    this.gzipBody ??= gzipAsync(this.body);
    return this.gzipBody;
  }

  etagFor(encoding: 'identity' | 'gzip'): string {
    return encoding === 'gzip' ? `"${this.etag}-gzip"` : `"${this.etag}"`;
  }
}

/**
 * Serialised response bodies for one version of the fleet store, all dropped when the version
 * moves: between refreshes a request costs a map lookup, not a database read and a
 * JSON.stringify of a cluster with all its nodes.
 */
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
    return this.getText(version, key, async () => {
      const value = await compute();
      return value === undefined ? undefined : JSON.stringify(value);
    });
  }

  /** As get, for values the store already holds as JSON text (no parse and re-serialise). */
  async getText(
    version: number,
    key: string,
    compute: () => Promise<string | undefined>,
  ): Promise<CachedJson | undefined> {
    if (version !== this.version) {
      this.bodies.clear();
      this.version = version;
    }
    const cached = this.bodies.get(key);
    if (cached !== undefined) return cached;
    const text = await compute();
    if (text === undefined) return undefined;
    const entry = new CachedJson(Buffer.from(text, 'utf8'));
    if (this.version === version) {
      if (this.bodies.size >= this.maxEntries) this.bodies.clear();
      this.bodies.set(key, entry);
    }
    return entry;
  }
}
