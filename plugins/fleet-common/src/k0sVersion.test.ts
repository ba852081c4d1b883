import {
  checkK0sUpgrade,
  normalizeK0sVersion,
  parseK0sVersion,
  sameK0sVersion,
} from './k0sVersion';

describe('k0s versions', () => {
  it('parses every spelling the fleet uses', () => {
    expect(parseK0sVersion('v1.31.2+k0s.0')).toEqual({
      major: 1,
      minor: 31,
      patch: 2,
      build: 0,
    });
    expect(parseK0sVersion('v1.31.2-k0s.3')).toEqual({
      major: 1,
      minor: 31,
      patch: 2,
      build: 3,
    });
    expect(parseK0sVersion('v1.31.2+k0s')).toEqual({
      major: 1,
      minor: 31,
      patch: 2,
      build: undefined,
    });
    expect(parseK0sVersion('1.31.2')).toBeUndefined();
    expect(parseK0sVersion('v1.31+k0s.0')).toBeUndefined();
    expect(parseK0sVersion('v1.31.2+k0s.0\nfoo: bar')).toBeUndefined();
  });

  it('treats +k0s.N and -k0s.N as the same build', () => {
    expect(normalizeK0sVersion('v1.31.2-k0s.0')).toBe('v1.31.2+k0s.0');
    expect(sameK0sVersion('v1.31.2-k0s.0', 'v1.31.2+k0s.0')).toBe(true);
    expect(sameK0sVersion('v1.31.2+k0s', 'v1.31.2+k0s.4')).toBe(true);
    expect(sameK0sVersion('v1.31.2+k0s.1', 'v1.31.2+k0s.0')).toBe(false);
    expect(sameK0sVersion('v1.31.3+k0s', 'v1.31.2+k0s.0')).toBe(false);
  });

  it('allows patch, build and next-minor upgrades', () => {
    expect(checkK0sUpgrade('v1.31.2+k0s.0', 'v1.31.2+k0s.1')).toEqual({
      ok: true,
    });
    expect(checkK0sUpgrade('v1.31.2+k0s.0', 'v1.31.5+k0s.0')).toEqual({
      ok: true,
    });
    expect(checkK0sUpgrade('v1.31.2+k0s.0', 'v1.32.0+k0s.0')).toEqual({
      ok: true,
    });
  });

  it('refuses downgrades, no-ops, skipped minors and major changes', () => {
    expect(checkK0sUpgrade('v1.32.1+k0s.0', 'v1.31.9+k0s.0')).toMatchObject({
      ok: false,
      rule: 'downgrade',
    });
    expect(checkK0sUpgrade('v1.32.1+k0s.0', 'v1.32.1-k0s.0')).toMatchObject({
      ok: false,
      rule: 'same-version',
    });
    expect(checkK0sUpgrade('v1.30.1+k0s.0', 'v1.32.0+k0s.0')).toMatchObject({
      ok: false,
      rule: 'skips-minor',
    });
    expect(checkK0sUpgrade('v1.30.1+k0s.0', 'v2.0.0+k0s.0')).toMatchObject({
      ok: false,
      rule: 'major-change',
    });
    expect(checkK0sUpgrade('latest', 'v2.0.0+k0s.0')).toMatchObject({
      ok: false,
      rule: 'unparsable',
    });
  });
});
