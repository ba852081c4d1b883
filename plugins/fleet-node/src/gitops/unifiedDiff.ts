/** Lines of a text; a final newline does not start another line. */
function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: true };
  const finalNewline = text.endsWith('\n');
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n');
  return { lines, finalNewline };
}

type Edit = {
  op: ' ' | '-' | '+';
  line: string;
  oldIndex: number;
  newIndex: number;
};

/** Shortest edit script between two line lists (Myers, O((N+M)·D) time). */
function editScript(a: string[], b: string[]): Edit[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const v = new Array<number>(2 * max + 3).fill(0);
  const choosesDown = (vd: number[], k: number, d: number) =>
    k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]);
  // trace[d] is v as it was before step d; backtracking replays it.
  const trace: number[][] = [];
  const reachesEnd = (d: number): boolean => {
    for (let k = -d; k <= d; k += 2) {
      let x = choosesDown(v, k, d) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) return true;
    }
    return false;
  };
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    if (reachesEnd(d)) break;
  }
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = choosesDown(vd, k, d) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ op: ' ', line: a[x - 1], oldIndex: x - 1, newIndex: y - 1 });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX)
        edits.push({
          op: '+',
          line: b[prevY],
          oldIndex: prevX,
          newIndex: prevY,
        });
      else
        edits.push({
          op: '-',
          line: a[prevX],
          oldIndex: prevX,
          newIndex: prevY,
        });
    }
    x = prevX;
    y = prevY;
  }
  return edits.reverse();
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * Unified diff of one file (`git diff` style, 3 lines of context), '' when the texts are equal.
 * `before`/`after` undefined mean the file is added/deleted.
 */
export function unifiedFileDiff(
  path: string,
  before: string | undefined,
  after: string | undefined,
): string {
  if (before === after) return '';
  const a = splitLines(before ?? '');
  const b = splitLines(after ?? '');
  const header = [
    `diff --git a/${path} b/${path}`,
    ...(before === undefined ? ['new file mode 100644'] : []),
    ...(after === undefined ? ['deleted file mode 100644'] : []),
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ ${after === undefined ? '/dev/null' : `b/${path}`}`,
  ];
  // A changed final newline changes the last line: compare it with a marker so it shows up.
  const aLines = a.lines.map((line, i) =>
    i === a.lines.length - 1 && !a.finalNewline ? `${line}\0` : line,
  );
  const bLines = b.lines.map((line, i) =>
    i === b.lines.length - 1 && !b.finalNewline ? `${line}\0` : line,
  );
  const edits = editScript(aLines, bLines);
  const context = 3;
  const hunks: string[] = [];
  let i = 0;
  while (i < edits.length) {
    if (edits[i].op === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while the next change is within 2×context unchanged lines.
    while (end < edits.length) {
      if (edits[end].op !== ' ') {
        end++;
        continue;
      }
      let next = end;
      while (next < edits.length && edits[next].op === ' ') next++;
      if (next < edits.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(edits.length, end + context);
    const slice = edits.slice(start, stop);
    const oldCount = slice.filter(e => e.op !== '+').length;
    const newCount = slice.filter(e => e.op !== '-').length;
    const oldStart =
      oldCount === 0
        ? slice[0].oldIndex
        : slice.find(e => e.op !== '+')!.oldIndex + 1;
    const newStart =
      newCount === 0
        ? slice[0].newIndex
        : slice.find(e => e.op !== '-')!.newIndex + 1;
    hunks.push(
      `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`,
    );
    for (const edit of slice) {
      const noNewline = edit.line.endsWith('\0');
      hunks.push(`${edit.op}${noNewline ? edit.line.slice(0, -1) : edit.line}`);
      if (noNewline) hunks.push('\\ No newline at end of file');
    }
    i = stop;
  }
  return `${[...header, ...hunks].join('\n')}\n`;
}
