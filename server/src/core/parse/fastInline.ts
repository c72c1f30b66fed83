/**
 * The inline content of the parse fast path (fastBlocks.ts): text, the `<br>` forms pandoc writes
 * in cells, and emphasis and strong emphasis made of `*` and `_`. Reports use `*` as a
 * multiplication sign ("“非常满意”人数*100%+“满意”人数*80%"), which CommonMark reads as emphasis
 * wherever a run can open and another close; the formula paragraphs and the scoring tables that
 * repeat them were the blocks the fast path most often left to remark.
 *
 * Emphasis is resolved as micromark-core-commonmark's `attention` construct resolves it (runs
 * classified as openers and closers by the characters around them, closers matched with the
 * nearest earlier opener, the "rule of 3", strong before emphasis), and the nodes are built as
 * mdast-util-from-markdown builds them. The caller guarantees that the content holds no other
 * inline syntax. test/property/fast-parse.test.ts holds the result to remark.
 */
import type { PhrasingContent } from 'mdast';
import type { Point, Position } from 'unist';

/** A line of a block: offsets of its first character and of its end (exclusive, before "\n"). */
export interface Line {
  /** 1-based, as in mdast positions. */
  number: number;
  start: number;
  end: number;
}

export function point(line: Line, offset: number): Point {
  return { line: line.number, column: offset - line.start + 1, offset };
}

export function span(line: Line, start: number, end: number): Position {
  return { start: point(line, start), end: point(line, end) };
}

/** `<br>` forms that pandoc writes in cells; remark reads each as one inline `html` node. */
const BREAKS = ['<br>', '<br/>', '<br />'];

export function breakAt(text: string, i: number): string | undefined {
  return BREAKS.find((tag) => text.startsWith(tag, i));
}

const STAR = 42;
const UNDERSCORE = 95;

/** A run of `*` or `_`; `start` and `end` move inwards as emphasis uses its markers. */
interface Run {
  kind: 'run';
  marker: number;
  start: number;
  end: number;
  open: boolean;
  close: boolean;
}

/** Emphasis or strong emphasis, from its opening markers to its closing ones. */
interface Group {
  kind: 'group';
  type: 'emphasis' | 'strong';
  start: number;
  end: number;
  children: Item[];
}

/** Text, or a `<br>`, between runs. */
interface Piece<Kind extends 'data' | 'html'> {
  kind: Kind;
  start: number;
  end: number;
}

type Item = Run | Group | Piece<'data'> | Piece<'html'>;

const INLINE_MARKERS = /[*_<]/g;

/**
 * The mdast of `text[start, end)` spanning `lines`: text, `<br>` forms (every `<` must be one)
 * and emphasis. Its neighbours count as whitespace, as they do for micromark, which reads a
 * paragraph, a list item's paragraph and a table cell each as a text of its own.
 */
export function phrasing(text: string, lines: readonly Line[], start: number, end: number): PhrasingContent[] {
  const items = scan(text, start, end);
  if (items.length > 1) resolveEmphasis(items);
  return build(text, new Locator(lines), items);
}

function scan(text: string, start: number, end: number): Item[] {
  const items: Item[] = [];
  let data = start;
  INLINE_MARKERS.lastIndex = start;
  for (let match = INLINE_MARKERS.exec(text); match && match.index < end; match = INLINE_MARKERS.exec(text)) {
    const at = match.index;
    if (data < at) items.push({ kind: 'data', start: data, end: at });
    const code = text.charCodeAt(at);
    let next = at + 1;
    if (code === STAR || code === UNDERSCORE) {
      while (next < end && text.charCodeAt(next) === code) next++;
      items.push(run(text, code, at, next, start, end));
    } else {
      next = at + breakAt(text, at)!.length;
      items.push({ kind: 'html', start: at, end: next });
    }
    data = next;
    INLINE_MARKERS.lastIndex = next;
  }
  if (data < end) items.push({ kind: 'data', start: data, end });
  return items;
}

const WHITESPACE = 1;
const PUNCTUATION = 2;
const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

/** micromark's classifyCharacter on one UTF-16 code unit; outside the text counts as whitespace. */
function classify(text: string, at: number, start: number, end: number): number {
  if (at < start || at >= end) return WHITESPACE;
  const char = text[at];
  if (char === ' ' || char === '\n' || UNICODE_WHITESPACE.test(char)) return WHITESPACE;
  return UNICODE_PUNCTUATION.test(char) ? PUNCTUATION : 0;
}

/** Whether a run can open and close emphasis (micromark's tokenizeAttention). */
function run(text: string, marker: number, from: number, to: number, start: number, end: number): Run {
  const before = classify(text, from - 1, start, end);
  const after = classify(text, to, start, end);
  const open = !after || (after === PUNCTUATION && before !== 0);
  const close = !before || (before === PUNCTUATION && after !== 0);
  return {
    kind: 'run',
    marker,
    start: from,
    end: to,
    open: marker === STAR ? open : open && (before !== 0 || !close),
    close: marker === STAR ? close : close && (after !== 0 || !open),
  };
}

/**
 * micromark's resolveAllAttention: each closer, left to right, takes the nearest earlier opener of
 * its marker that the rule of 3 allows; the runs between them become text. A closer with markers
 * left over is tried again; an opener with markers left over stays open.
 */
function resolveEmphasis(items: Item[]): void {
  for (let index = 0; index < items.length; index++) {
    const closer = items[index];
    if (closer.kind !== 'run' || !closer.close) continue;
    for (let at = index - 1; at >= 0; at--) {
      const opener = items[at];
      if (opener.kind !== 'run' || !opener.open || opener.marker !== closer.marker) continue;
      const openSize = opener.end - opener.start;
      const closeSize = closer.end - closer.start;
      if ((opener.close || closer.open) && closeSize % 3 !== 0 && (openSize + closeSize) % 3 === 0) continue;
      const use = openSize > 1 && closeSize > 1 ? 2 : 1;
      opener.end -= use;
      closer.start += use;
      const inner = items.slice(at + 1, index).map(asText);
      const group: Group = { kind: 'group', type: use > 1 ? 'strong' : 'emphasis', start: opener.end, end: closer.start, children: inner };
      const replacement: Item[] = [];
      if (opener.end > opener.start) replacement.push(opener);
      replacement.push(group);
      const closerLeft = closer.end > closer.start;
      if (closerLeft) replacement.push(closer);
      items.splice(at, index - at + 1, ...replacement);
      // with markers left, the closer is looked at again; otherwise go on after the group
      index = at + replacement.length - 1 - (closerLeft ? 1 : 0);
      break;
    }
  }
}

function asText(item: Item): Item {
  return item.kind === 'run' ? { kind: 'data', start: item.start, end: item.end } : item;
}

/** Offsets to points, for offsets visited in increasing order. */
class Locator {
  private index = 0;
  constructor(private readonly lines: readonly Line[]) {}

  at(offset: number): Point {
    while (this.index > 0 && offset < this.lines[this.index].start) this.index--;
    while (this.index + 1 < this.lines.length && offset > this.lines[this.index].end) this.index++;
    return point(this.lines[this.index], offset);
  }

  position(start: number, end: number): Position {
    return { start: this.at(start), end: this.at(end) };
  }
}

/** mdast nodes: consecutive text (and runs left unmatched) make one text node. */
function build(text: string, locate: Locator, items: readonly Item[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let textStart = -1;
  let textEnd = -1;
  const flush = () => {
    if (textStart < 0) return;
    out.push({ type: 'text', value: text.slice(textStart, textEnd), position: locate.position(textStart, textEnd) });
    textStart = -1;
  };
  for (const item of items) {
    if (item.kind === 'data' || item.kind === 'run') {
      if (item.end === item.start) continue;
      if (textStart < 0) textStart = item.start;
      textEnd = item.end;
      continue;
    }
    flush();
    if (item.kind === 'html') {
      out.push({ type: 'html', value: text.slice(item.start, item.end), position: locate.position(item.start, item.end) });
    } else {
      const children = build(text, locate, item.children);
      out.push({ type: item.type, children, position: locate.position(item.start, item.end) });
    }
  }
  flush();
  return out;
}
