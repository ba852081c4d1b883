import { VersionedJsonCache } from './VersionedJsonCache';

describe('VersionedJsonCache', () => {
  it('computes once per version and key, and forgets everything when the version moves', async () => {
    const cache = new VersionedJsonCache();
    let calls = 0;
    const compute = jest.fn(async () => ({ n: ++calls }));
    const first = await cache.get(1, 'a', compute);
    expect(first?.body.toString()).toBe('{"n":1}');
    expect(await cache.get(1, 'a', compute)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
    const second = await cache.get(2, 'a', compute);
    expect(second?.body.toString()).toBe('{"n":2}');
    expect(second?.etag).not.toBe(first?.etag);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('does not cache misses and stays within its size bound', async () => {
    const cache = new VersionedJsonCache(2);
    const missing = jest.fn(async () => undefined);
    expect(await cache.get(1, 'x', missing)).toBeUndefined();
    expect(await cache.get(1, 'x', missing)).toBeUndefined();
    expect(missing).toHaveBeenCalledTimes(2);
    const value = jest.fn(async () => 1);
    await cache.get(1, 'a', value);
    await cache.get(1, 'b', value);
    await cache.get(1, 'c', value);
    await cache.get(1, 'a', value);
    expect(value).toHaveBeenCalledTimes(4);
  });
});
