import type { Knex } from 'knex';

/**
 * A lease in the plugin's database that at most one replica holds at a time: the holder renews
 * it before it expires; another replica takes it only once it has expired.
 */
export class LeaderLease {
  constructor(
    private readonly db: Knex,
    readonly name: string,
    readonly holder: string,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes or renews the lease; false when another replica holds it and it has not expired. */
  async tryAcquire(): Promise<boolean> {
    const now = this.now();
    const expires = now + this.ttlMs;
    const updated = await this.db('fleet_leases')
      .where({ name: this.name })
      .andWhere(q =>
        q.where({ holder: this.holder }).orWhere('expires_at', '<', now),
      )
      .update({ holder: this.holder, expires_at: expires });
    if (updated > 0) return true;
    try {
      await this.db('fleet_leases').insert({
        name: this.name,
        holder: this.holder,
        expires_at: expires,
      });
      return true;
    } catch {
      // Another replica inserted it first (or holds it): not ours.
      return false;
    }
  }

  /** Gives the lease up at once, so another replica need not wait for it to expire. */
  async release(): Promise<void> {
    await this.db('fleet_leases')
      .where({ name: this.name, holder: this.holder })
      .delete();
  }
}
