import { parse, parseAllDocuments } from 'yaml';
import { canonicalize, toYaml, toYamlDocuments } from './yaml';

describe('toYaml', () => {
  it('is deterministic whatever the insertion order', () => {
    const a = {
      spec: { b: 1, a: [{ z: 1, name: 'x' }] },
      metadata: { labels: { y: '1', x: '2' }, name: 'demo' },
      kind: 'K',
      apiVersion: 'v1',
    };
    const b = {
      apiVersion: 'v1',
      kind: 'K',
      metadata: { name: 'demo', labels: { x: '2', y: '1' } },
      spec: { a: [{ name: 'x', z: 1 }], b: 1 },
    };
    expect(toYaml(a)).toBe(toYaml(b));
    expect(toYaml(a).split('\n').slice(0, 4)).toEqual([
      'apiVersion: v1',
      'kind: K',
      'metadata:',
      '  name: demo',
    ]);
    expect(Object.keys(canonicalize(a) as object)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'spec',
    ]);
  });

  it('never emits anchors or aliases for shared objects', () => {
    const shared = { a: 1 };
    const text = toYaml({ x: shared, y: shared });
    expect(text).not.toMatch(/[&*]/);
    expect(parse(text)).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });

  it('quotes YAML 1.1 booleans and sexagesimals so Go readers see strings', () => {
    const text = toYaml({
      powerState: 'On',
      b: 'yes',
      c: '12:30',
      d: 'off',
      e: '0644',
    });
    expect(text).toContain('powerState: "On"');
    expect(parse(text, { version: '1.1' })).toEqual({
      powerState: 'On',
      b: 'yes',
      c: '12:30',
      d: 'off',
      e: '0644',
    });
  });

  const HOSTILE = [
    'x\nevil: true',
    'x\n---\nkind: Secret',
    '&anchor x',
    '*alias',
    'key: value',
    '# comment',
    '- item',
    '{a: 1}',
    '"quoted"',
    "it's",
    '|\n  block',
    '  leading and trailing  ',
    '\t',
    '---',
    '...',
    '%YAML 1.2',
    '!!binary x',
    'a\u2028b',
    'null',
    '~',
    '',
    '\u00e9\u4e2d\ud83d\ude00',
  ];

  it.each(HOSTILE.map(v => [JSON.stringify(v), v]))(
    'round-trips hostile value %s as a plain string',
    (_, value) => {
      const object = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x' },
        data: { [value || 'empty']: value, k: value },
      };
      const text = toYamlDocuments([object, object]);
      const docs = parseAllDocuments(text);
      expect(docs).toHaveLength(2);
      for (const doc of docs) {
        expect(doc.errors).toEqual([]);
        const back = doc.toJS();
        expect(Object.keys(back)).toEqual([
          'apiVersion',
          'kind',
          'metadata',
          'data',
        ]);
        expect(back.data.k).toBe(value);
        expect(back).toEqual(object);
      }
    },
  );
});
