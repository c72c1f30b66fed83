/**
 * Cutting a document into top-level blocks. The splitter only cuts where CommonMark itself ends a
 * block (a blank line followed by an unindented line, an ATX heading, an HTML comment or an HTML
 * table); when in doubt it keeps lines together, which is always safe because remark then parses
 * the union.
 *
 * After an edit only the neighbourhood of the edit is scanned again (`resplit`). At the start of
 * a block the scanner holds no state but the line it stands on, and a block's extent is decided
 * by its own lines and the first line of the next block. So the blocks before the one next to the
 * edit are kept as they were, the scan restarts at that block, and it stops as soon as it starts a
 * block, in the unchanged tail of the text, where a block of the previous text started too: from
 * there on both texts are cut alike, so the previous blocks are taken over, shifted.
 */

export type BlockKind = 'frontMatter' | 'code' | 'htmlTable' | 'htmlComment' | 'html' | 'heading' | 'markdown';

/** A block's kind and absolute offsets (end exclusive: the end of its last line, before the line break). */
export interface Span {
  kind: BlockKind;
  start: number;
  end: number;
}

/** The lines of `text` from offset `from` on, read as far as the scanner asks. */
class Lines {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: string[] = [];
  private next: number;

  constructor(
    private readonly source: string,
    from: number,
  ) {
    this.next = from;
  }

  /** Is there a line `i` (reading it if need be)? */
  has(i: number): boolean {
    while (this.texts.length <= i && this.next >= 0) this.readLine();
    return i < this.texts.length;
  }

  text(i: number): string {
    return this.texts[i];
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return this.ends[i];
  }

  private readLine(): void {
    const text = this.source;
    const start = this.next;
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    this.starts.push(start);
    this.ends.push(end);
    this.texts.push(text.slice(start, end));
    this.next = nl >= text.length ? -1 : nl + 1;
  }
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
  return n;
}

function fenceOf(line: string): string | undefined {
  const trimmed = line.trimStart();
  const ch = trimmed[0];
  if (ch !== '`' && ch !== '~') return undefined;
  let n = 0;
  while (trimmed[n] === ch) n++;
  if (n < 3) return undefined;
  if (ch === '`' && trimmed.slice(n).includes('`')) return undefined;
  return ch.repeat(n);
}

function closesFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.startsWith(fence)) return false;
  for (const ch of trimmed) if (ch !== fence[0]) return false;
  return true;
}

function isAtxHeading(line: string): boolean {
  if (indentOf(line) > 3) return false;
  const trimmed = line.trimStart();
  let n = 0;
  while (trimmed[n] === '#') n++;
  return n >= 1 && n <= 6 && (trimmed.length === n || trimmed[n] === ' ' || trimmed[n] === '\t');
}

function startsHtmlTable(line: string): boolean {
  return indentOf(line) <= 3 && /^<table[\s>]/iu.test(line.trimStart() + ' ');
}

function startsComment(line: string): boolean {
  return indentOf(line) <= 3 && line.trimStart().startsWith('<!--');
}

/** CommonMark HTML block types 1 and 6 that may be cut out on their own (they end at a blank line or their end tag). */
function startsRawHtml(line: string): boolean {
  return indentOf(line) <= 3 && /^<\/?[A-Za-z][A-Za-z0-9-]*[\s/>]/u.test(line.trimStart() + ' ') && !startsHtmlTable(line);
}

/** Index of the first line at or after `from` whose text contains `needle` (case-insensitive), or -1. */
function findLine(lines: Lines, from: number, needle: string, startColumn = 0): number {
  for (let i = from; lines.has(i); i++) {
    const hay = (i === from ? lines.text(i).slice(startColumn) : lines.text(i)).toLowerCase();
    if (hay.includes(needle)) return i;
  }
  return -1;
}

/** Index of the last line (reads them all). */
function lastLine(lines: Lines, from: number): number {
  let i = from;
  while (lines.has(i + 1)) i++;
  return i;
}

interface Scan {
  spans: Span[];
  /** Where the scan stopped because `stopAt` said so (the offset of a block start); undefined: at the end. */
  stoppedAt?: number;
}

/**
 * The blocks of the lines. `frontMatter`: the first line may open a front matter block.
 * `stopAt(offset)` is asked at every block start and ends the scan there when true.
 */
function scan(lines: Lines, frontMatter: boolean, stopAt: (offset: number) => boolean = () => false): Scan {
  const spans: Span[] = [];
  const span = (kind: BlockKind, first: number, last: number): Span => ({ kind, start: lines.start(first), end: lines.end(last) });
  let i = 0;
  // front matter: "---" on the very first line, closed by "---" or "..."
  if (frontMatter && lines.has(1) && lines.text(0).trimEnd() === '---') {
    for (let j = 1; lines.has(j); j++) {
      const t = lines.text(j).trimEnd();
      if (t === '---' || t === '...') {
        spans.push(span('frontMatter', 0, j));
        i = j + 1;
        break;
      }
    }
  }
  let current: { kind: BlockKind; first: number; last: number } | undefined;
  const flush = () => {
    if (current) spans.push(span(current.kind, current.first, current.last));
    current = undefined;
  };
  while (lines.has(i)) {
    const line = lines.text(i);
    if (isBlank(line)) {
      // a blank line ends the block unless the next non-blank line is indented (list continuation, code)
      let j = i + 1;
      while (lines.has(j) && isBlank(lines.text(j))) j++;
      if (current && current.kind === 'markdown' && lines.has(j) && indentOf(lines.text(j)) > 0) {
        i = j;
        continue;
      }
      flush();
      i = j;
      continue;
    }
    if (!current && i > 0 && stopAt(lines.start(i))) return { spans, stoppedAt: lines.start(i) };
    if (startsHtmlTable(line)) {
      flush();
      // a pandoc table keeps blank lines inside cells: it runs to </table>; unclosed, to the next blank line
      let last = findLine(lines, i, '</table>');
      if (last < 0) {
        last = i;
        while (lines.has(last + 1) && !isBlank(lines.text(last + 1))) last++;
      }
      spans.push(span('htmlTable', i, last));
      i = last + 1;
      continue;
    }
    if (startsComment(line)) {
      flush();
      let last = findLine(lines, i, '-->', line.indexOf('<!--') + 4);
      if (last < 0) last = lastLine(lines, i);
      spans.push(span('htmlComment', i, last));
      i = last + 1;
      continue;
    }
    if (isAtxHeading(line) && !(current && current.kind === 'markdown' && indentOf(line) > 0)) {
      flush();
      spans.push(span('heading', i, i));
      i++;
      continue;
    }
    const fence = fenceOf(line);
    if (fence) {
      // a fence keeps everything to its closing fence (blank lines included) in the current block
      let last = i + 1;
      while (lines.has(last) && !closesFence(lines.text(last), fence)) last++;
      if (!lines.has(last)) last = lastLine(lines, i);
      if (!current) current = { kind: indentOf(line) === 0 ? 'code' : 'markdown', first: i, last };
      current.last = last;
      i = last + 1;
      continue;
    }
    if (!current) current = { kind: startsRawHtml(line) ? 'html' : 'markdown', first: i, last: i };
    current.last = i;
    i++;
  }
  flush();
  return { spans };
}

/** The blocks of a whole text. */
export function splitText(text: string): Span[] {
  // a byte order mark is not content (micromark would drop it and shift every offset by one)
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return scan(new Lines(text, from), true).spans;
}

const CHUNK = 4096;

/** Length of the common prefix of `a` and `b` (compared a chunk at a time natively, then by character). */
export function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= limit && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of `a` and `b`, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** How the blocks of a new text relate to those of the previous one (see `resplit`). */
export interface Resplit {
  /** Previous blocks [0, kept) stand unchanged at the head of the new text. */
  kept: number;
  /** The blocks scanned again, in the new text. */
  fresh: Span[];
  /** Previous blocks [tail, end) follow, each moved by `delta`. */
  tail: number;
  delta: number;
}

/** The first index in `spans` (sorted by start) whose start is at least `offset`. */
function firstStartingAt(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The blocks of `text` given the blocks of the previous text (see the header); undefined when
 * the edit reaches the first blocks (then split the whole text).
 */
export function resplit(previousText: string, previous: readonly Span[], text: string): Resplit | undefined {
  const prefix = commonPrefix(previousText, text);
  const suffix = commonSuffix(previousText, text, Math.min(previousText.length, text.length) - prefix);
  const delta = text.length - previousText.length;
  // the first block that reaches the edit (its last line or the line break after it); restart one block earlier
  let next = 0;
  while (next < previous.length && previous[next].end + 1 < prefix) next++;
  const kept = next - 1;
  if (kept < 1) return undefined;
  const tailStart = text.length - suffix;
  const restart = previous[kept].start;
  let tail = previous.length;
  const { spans, stoppedAt } = scan(new Lines(text, restart), false, (offset) => {
    if (offset < tailStart) return false;
    const index = firstStartingAt(previous, offset - delta);
    if (index >= previous.length || previous[index].start !== offset - delta) return false;
    tail = index;
    return true;
  });
  return { kept, fresh: spans, tail: stoppedAt === undefined ? previous.length : tail, delta };
}
