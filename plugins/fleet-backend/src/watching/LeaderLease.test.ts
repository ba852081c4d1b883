import { createTestStore } from '../__testUtils__/testStore';
import { LeaderLease } from './LeaderLease';

describe('LeaderLease', () => {
  it('is held by one replica until it expires unrenewed, as when its holder died', async () => {
    const { db } = await createTestStore();
    let now = 1_000_000;
    const clock = () => now;
    const a = new LeaderLease(db, 'fleet-watch', 'a', 1_000, clock);
    const b = new LeaderLease(db, 'fleet-watch', 'b', 1_000, clock);

    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    now += 600;
    expect(await a.tryAcquire()).toBe(true); // renewed: good until now + 1000
    now += 900;
    expect(await b.tryAcquire()).toBe(false);
    // a stops renewing (killed): b takes over once the lease expired, and a cannot take it back.
    now += 200;
    expect(await b.tryAcquire()).toBe(true);
    expect(await a.tryAcquire()).toBe(false);
    await db.destroy();
  });

  it('is free at once when released', async () => {
    const { db } = await createTestStore();
    const a = new LeaderLease(db, 'fleet-watch', 'a', 60_000);
    const b = new LeaderLease(db, 'fleet-watch', 'b', 60_000);
    expect(await a.tryAcquire()).toBe(true);
    await a.release();
    expect(await b.tryAcquire()).toBe(true);
    await db.destroy();
  });
});
