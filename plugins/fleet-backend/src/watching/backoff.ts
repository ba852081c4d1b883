/**
 * The wait before retry `attempt` (1, 2, …): doubling from `initialMs` up to `maxMs`, each wait
 * drawn at random from its upper half, so that a fleet of watches failing together (an API
 * server restart) does not come back as one burst.
 */
export function jitteredBackoff(
  attempt: number,
  backoff: { initialMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    backoff.maxMs,
    backoff.initialMs * 2 ** Math.max(0, attempt - 1),
  );
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
