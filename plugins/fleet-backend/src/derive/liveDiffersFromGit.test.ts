import { differingFields } from './liveDiffersFromGit';

describe('differingFields', () => {
  it('names the fields the manifest sets that the live object holds otherwise', () => {
    expect(
      differingFields(
        { config: { k0s: { version: 'v1.32.0' }, workers: 2 }, tags: ['a'] },
        {
          config: { k0s: { version: 'v1.31.0', arch: 'amd64' }, workers: 2 },
          tags: ['a', 'b'],
        },
        'spec',
      ),
    ).toEqual(['spec.config.k0s.version', 'spec.tags']);
  });

  it('ignores what only the live object has (defaults, controller fields)', () => {
    expect(
      differingFields({ a: 1 }, { a: 1, defaulted: true }, 'spec'),
    ).toEqual([]);
  });

  it('reports a field the live object lost', () => {
    expect(differingFields({ a: { b: 1 } }, {}, 'spec')).toEqual(['spec.a']);
  });
});
