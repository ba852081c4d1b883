import { seriesKey, type Series } from './fleetStateSeries';

/**
 * An observable gauge's SDK keeps reporting the last value of attributes it no longer sees (a
 * cumulative reader merges each collection into the previous one), so a failure reason that
 * cleared would be counted forever. This remembers every series reported and reports one that
 * vanished as 0.
 */
export function vanishedAsZero(): (current: Series[]) => Series[] {
  const seen = new Map<string, Record<string, string>>();
  return current => {
    const now = new Set<string>();
    for (const s of current) {
      const key = seriesKey(s.attributes);
      now.add(key);
      seen.set(key, s.attributes);
    }
    const vanished = [...seen]
      .filter(([key]) => !now.has(key))
      .map(([, attributes]) => ({ attributes, value: 0 }));
    return [...current, ...vanished];
  };
}
