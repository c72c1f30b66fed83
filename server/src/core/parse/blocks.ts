/**
 * Incremental Markdown parsing: the document is cut into top-level blocks by a cheap line scanner,
 * and each block is parsed on its own by one unified/remark-gfm processor. Parses are cached by the
 * block's text with block-relative positions, so after an edit only the edited block is parsed
 * again — a block that merely moved reuses its tree.
 *
 * The splitter only cuts where CommonMark itself ends a block (a blank line followed by an
 * unindented line, an ATX heading, an HTML comment or an HTML table); when in doubt it keeps lines
 * together, which is always safe because remark then parses the union.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent } from 'mdast';
import type { Range } from '../model/types';

export type BlockKind = 'frontMatter' | 'code' | 'htmlTable' | 'htmlComment' | 'html' | 'heading' | 'markdown';

export interface ParsedBlock {
  kind: BlockKind;
  /** Absolute offsets of the block in the document (end exclusive, without the trailing newline). */
  start: number;
  end: number;
  text: string;
  /** The block's mdast. Positions are RELATIVE to `start` (so a cached tree serves any offset). */
  root: Root;
}

export interface ParsedDocument {
  text: string;
  blocks: ParsedBlock[];
}

const processor = unified().use(remarkParse).use(remarkGfm);

/** A bounded cache of block parses keyed by block text (least recently used entries go first). */
export class BlockCache {
  private readonly entries = new Map<string, Root>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 4000) {}

  get size(): number {
    return this.entries.size;
  }

  get(text: string): Root | undefined {
    const root = this.entries.get(text);
    if (root === undefined) return undefined;
    // re-insert so Map order reflects recency
    this.entries.delete(text);
    this.entries.set(text, root);
    return root;
  }

  set(text: string, root: Root): void {
    this.entries.set(text, root);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

interface Line {
  start: number;
  /** End of the line content (before "\r\n" / "\n"). */
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // a byte order mark is not content (micromark would drop it and shift every offset by one)
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl >= text.length) break;
    start = nl + 1;
  }
  return lines;
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

interface Span {
  kind: BlockKind;
  first: number;
  last: number;
}

/** Index of the first line at or after `from` whose text contains `needle` (case-insensitive), or -1. */
function findLine(lines: Line[], from: number, needle: string, startColumn = 0): number {
  for (let i = from; i < lines.length; i++) {
    const hay = (i === from ? lines[i].text.slice(startColumn) : lines[i].text).toLowerCase();
    if (hay.includes(needle)) return i;
  }
  return -1;
}

function splitSpans(lines: Line[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  // front matter: "---" on the very first line, closed by "---" or "..."
  if (lines.length > 1 && lines[0].text.trimEnd() === '---') {
    for (let j = 1; j < lines.length; j++) {
      const t = lines[j].text.trimEnd();
      if (t === '---' || t === '...') {
        spans.push({ kind: 'frontMatter', first: 0, last: j });
        i = j + 1;
        break;
      }
    }
  }
  let current: Span | undefined;
  const flush = () => {
    if (current) spans.push(current);
    current = undefined;
  };
  while (i < lines.length) {
    const line = lines[i].text;
    if (isBlank(line)) {
      // a blank line ends the block unless the next non-blank line is indented (list continuation, code)
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j].text)) j++;
      if (current && current.kind === 'markdown' && j < lines.length && indentOf(lines[j].text) > 0) {
        i = j;
        continue;
      }
      flush();
      i = j;
      continue;
    }
    if (startsHtmlTable(line)) {
      flush();
      // a pandoc table keeps blank lines inside cells: it runs to </table>; unclosed, to the next blank line
      let last = findLine(lines, i, '</table>');
      if (last < 0) {
        last = i;
        while (last + 1 < lines.length && !isBlank(lines[last + 1].text)) last++;
      }
      spans.push({ kind: 'htmlTable', first: i, last });
      i = last + 1;
      continue;
    }
    if (startsComment(line)) {
      flush();
      let last = findLine(lines, i, '-->', line.indexOf('<!--') + 4);
      if (last < 0) last = lines.length - 1;
      spans.push({ kind: 'htmlComment', first: i, last });
      i = last + 1;
      continue;
    }
    if (isAtxHeading(line) && !(current && current.kind === 'markdown' && indentOf(line) > 0)) {
      flush();
      spans.push({ kind: 'heading', first: i, last: i });
      i++;
      continue;
    }
    const fence = fenceOf(line);
    if (fence) {
      // a fence keeps everything to its closing fence (blank lines included) in the current block
      let last = i + 1;
      while (last < lines.length && !closesFence(lines[last].text, fence)) last++;
      if (last >= lines.length) last = lines.length - 1;
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
  return spans;
}

function htmlRoot(text: string): Root {
  // Raw HTML tables are handed over whole (remark would cut them at the blank lines inside cells).
  return {
    type: 'root',
    children: [{ type: 'html', value: text, position: relPosition(text) }],
    position: relPosition(text),
  };
}

function relPosition(text: string): NonNullable<Root['position']> {
  let line = 1;
  let lastNl = -1;
  for (let k = 0; k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lastNl = k;
    }
  }
  return { start: { line: 1, column: 1, offset: 0 }, end: { line, column: text.length - lastNl, offset: text.length } };
}

function parseBlockText(kind: BlockKind, text: string): Root {
  if (kind === 'htmlTable') return htmlRoot(text);
  if (kind === 'frontMatter') return { type: 'root', children: [] };
  return processor.parse(text);
}

/** Cut `text` into blocks and parse each (from `cache` when its text was seen before). */
export function parseDocument(text: string, cache: BlockCache = new BlockCache()): ParsedDocument {
  const lines = splitLines(text);
  const blocks: ParsedBlock[] = [];
  for (const span of splitSpans(lines)) {
    const start = lines[span.first].start;
    const end = lines[span.last].end;
    const blockText = text.slice(start, end);
    const key = `${span.kind}\u0000${blockText}`;
    let root = cache.get(key);
    if (root) cache.hits++;
    else {
      cache.misses++;
      root = parseBlockText(span.kind, blockText);
      cache.set(key, root);
    }
    blocks.push({ kind: span.kind, start, end, text: blockText, root });
  }
  return { text, blocks };
}

/** Absolute range of a node of `block` (positions in the tree are block-relative). */
export function nodeRange(block: Pick<ParsedBlock, 'start'>, node: { position?: RootContent['position'] }): Range | undefined {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return undefined;
  return { start: block.start + pos.start.offset, end: block.start + pos.end.offset };
}
