/**
 * Line diff (Myers' O(ND) algorithm) and unified diff text for --fix-dry-run. Fixes change a
 * few numbers, so the common prefix and suffix are trimmed first and D stays small.
 */

type Op = { kind: 'equal' | 'delete' | 'insert'; line: string };

/** Lines with their terminators, so CRLF and a missing final newline survive. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Shortest edit script between a and b (both already without common prefix/suffix). */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // Walk the trace backwards from (n, m).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d > 0; d--) {
    const before = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && before[offset + k - 1] < before[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = before[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: 'equal', line: a[x] });
    }
    if (x === prevX) {
      y--;
      ops.push({ kind: 'insert', line: b[y] });
    } else {
      x--;
      ops.push({ kind: 'delete', line: a[x] });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ kind: 'equal', line: a[x] });
  }
  return ops.reverse();
}

export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return [
    ...a.slice(0, prefix).map((line): Op => ({ kind: 'equal', line })),
    ...middle,
    ...a.slice(a.length - suffix).map((line): Op => ({ kind: 'equal', line })),
  ];
}

/** 1-based numbers of the lines of `after` that are new or changed. */
export function changedLines(before: string, after: string): number[] {
  const lines: number[] = [];
  let line = 0;
  for (const op of diffLines(splitLines(before), splitLines(after))) {
    if (op.kind !== 'delete') line++;
    if (op.kind === 'insert') lines.push(line);
  }
  return lines;
}

function printLine(prefix: string, line: string): string {
  return line.endsWith('\n') ? prefix + line : `${prefix}${line}\n\\ No newline at end of file\n`;
}

function hunkRange(start: number, count: number): string {
  // An empty side names the line before the hunk (unified diff convention).
  return count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/** Unified diff with `context` lines around each change; '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  const ops = diffLines(splitLines(before), splitLines(after));
  const changes: number[] = [];
  ops.forEach((op, i) => op.kind !== 'equal' && changes.push(i));
  if (changes.length === 0) return '';
  let out = `--- a/${name}\n+++ b/${name}\n`;
  // Old/new line numbers before each op.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const op of ops) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (op.kind !== 'insert') oldLine++;
    if (op.kind !== 'delete') newLine++;
  }
  let c = 0;
  while (c < changes.length) {
    const first = Math.max(0, changes[c] - context);
    let last = changes[c];
    // Changes at most 2 × context equal lines apart share a hunk.
    while (c + 1 < changes.length && changes[c + 1] - last - 1 <= 2 * context) last = changes[++c];
    c++;
    const end = Math.min(ops.length, last + context + 1);
    const slice = ops.slice(first, end);
    const oldCount = slice.filter((op) => op.kind !== 'insert').length;
    const newCount = slice.filter((op) => op.kind !== 'delete').length;
    out += `@@ -${hunkRange(oldAt[first], oldCount)} +${hunkRange(newAt[first], newCount)} @@\n`;
    for (const op of slice) out += printLine(op.kind === 'equal' ? ' ' : op.kind === 'delete' ? '-' : '+', op.line);
  }
  return out;
}
