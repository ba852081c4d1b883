const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

function parseTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `5 minutes ago`, `in 2 hours`, `now`; `never` when the time is missing or unparsable. */
export function relativeTime(
  iso: string | undefined,
  now: number = Date.now(),
): string {
  const ms = parseTime(iso);
  if (ms === undefined) return 'never';
  const seconds = Math.round((ms - now) / 1000);
  if (Math.abs(seconds) < 10) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return relativeFormat.format(Math.trunc(seconds / size), unit);
    }
  }
  return 'just now';
}

/** `2026-03-01 12:04:05 UTC`; the input unchanged when it is not a time. */
export function absoluteTime(iso: string | undefined): string {
  const ms = parseTime(iso);
  if (ms === undefined) return iso ?? 'never';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
