import { percentile, summarizeLatencies } from './stats';

describe('latency statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(summarizeLatencies([5, 1, 3])).toEqual({
      count: 3,
      p50: 3,
      p95: 5,
      p99: 5,
      max: 5,
    });
    expect(summarizeLatencies([]).p50).toBeNaN();
  });
});
