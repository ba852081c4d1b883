import { createHash } from 'node:crypto';

/** A deterministic pseudo-random source (mulberry32): same seed, same sequence. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: items => items[int(0, items.length - 1)],
    shuffle: items => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

/** sha256 hex of the parts: a stable fake digest or id derived from the seed and a name. */
export function hashHex(...parts: Array<string | number>): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** A UUID-shaped id derived from the parts. */
export function stableUid(...parts: Array<string | number>): string {
  const h = hashHex('uid', ...parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}

/** ISO 8601 at second precision, as Kubernetes writes timestamps. */
export function isoAt(baseMs: number, offsetMinutes: number): string {
  return new Date(baseMs + offsetMinutes * 60_000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}
