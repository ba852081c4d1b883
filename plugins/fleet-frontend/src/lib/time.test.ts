import { absoluteTime, relativeTime } from './time';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('relativeTime', () => {
  it('describes past times in the largest whole unit', () => {
    expect(relativeTime('2026-03-01T11:55:00Z', NOW)).toBe('5 minutes ago');
    expect(relativeTime('2026-03-01T09:00:00Z', NOW)).toBe('3 hours ago');
    expect(relativeTime('2026-02-28T12:00:00Z', NOW)).toBe('yesterday');
    expect(relativeTime('2026-03-01T11:59:30Z', NOW)).toBe('30 seconds ago');
  });

  it('treats the last few seconds as now and handles future times', () => {
    expect(relativeTime('2026-03-01T11:59:58Z', NOW)).toBe('just now');
    expect(relativeTime('2026-03-01T14:00:00Z', NOW)).toBe('in 2 hours');
  });

  it('says never for missing or unparsable times', () => {
    expect(relativeTime(undefined, NOW)).toBe('never');
    expect(relativeTime('not a time', NOW)).toBe('never');
  });
});

describe('absoluteTime', () => {
  it('prints UTC to the second', () => {
    expect(absoluteTime('2026-03-01T11:55:04.123Z')).toBe(
      '2026-03-01 11:55:04 UTC',
    );
  });

  it('keeps text that is not a time', () => {
    expect(absoluteTime('soon')).toBe('soon');
    expect(absoluteTime(undefined)).toBe('never');
  });
});
