import { unifiedFileDiff } from './unifiedDiff';
import { fileMapOf, unifiedTreeDiff } from './fileMap';

describe('unifiedFileDiff', () => {
  it('shows a changed line with three lines of context', () => {
    const before = `${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n')}\n`;
    const after = before.replace('e\n', 'E\n');
    expect(unifiedFileDiff('x.yaml', before, after)).toBe(
      [
        'diff --git a/x.yaml b/x.yaml',
        '--- a/x.yaml',
        '+++ b/x.yaml',
        '@@ -2,7 +2,7 @@',
        ' b',
        ' c',
        ' d',
        '-e',
        '+E',
        ' f',
        ' g',
        ' h',
        '',
      ].join('\n'),
    );
  });

  it('splits far-apart changes into hunks and handles added, deleted and empty files', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i + 1}`);
    const before = `${lines.join('\n')}\n`;
    const after = `${lines
      .map(l => (l === 'l2' || l === 'l18' ? `${l}!` : l))
      .join('\n')}\n`;
    const diff = unifiedFileDiff('f', before, after);
    expect(diff.match(/^@@ .* @@$/gm)).toEqual([
      '@@ -1,5 +1,5 @@',
      '@@ -15,6 +15,6 @@',
    ]);
    expect(unifiedFileDiff('n', undefined, 'x\ny\n')).toBe(
      'diff --git a/n b/n\nnew file mode 100644\n--- /dev/null\n+++ b/n\n@@ -0,0 +1,2 @@\n+x\n+y\n',
    );
    expect(unifiedFileDiff('d', 'x\n', undefined)).toBe(
      'diff --git a/d b/d\ndeleted file mode 100644\n--- a/d\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n',
    );
    expect(unifiedFileDiff('same', 'x\n', 'x\n')).toBe('');
  });

  it('marks a missing final newline', () => {
    expect(unifiedFileDiff('f', 'a\nb', 'a\nb\n')).toContain(
      '-b\n\\ No newline at end of file\n+b\n',
    );
  });

  it('diffs whole trees in path order', () => {
    const diff = unifiedTreeDiff(
      fileMapOf({ 'b.yaml': '1\n', 'a.yaml': 'x\n' }),
      fileMapOf({ 'a.yaml': 'y\n', 'c.yaml': 'z\n' }),
    );
    expect(diff.match(/^diff --git a\/(\S+)/gm)).toEqual([
      'diff --git a/a.yaml',
      'diff --git a/b.yaml',
      'diff --git a/c.yaml',
    ]);
  });
});
