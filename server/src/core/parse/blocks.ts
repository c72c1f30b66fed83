/**
 * Incremental Markdown parsing: the document is cut into top-level blocks by a cheap line scanner,
 * and each block is parsed on its own: simple blocks (plain paragraphs, headings and pipe tables,
 * most of a report) by the fast path of fastBlocks.ts, the others by one unified/remark-gfm
 * processor — the trees are the same. Parses are cached by the block's text with block-relative
 * positions, so after an edit only the edited block is parsed again — a block that merely moved
 * reuses its tree.
 *
 * The splitter only cuts where CommonMark itself ends a block (a blank line followed by an
 * unindented line, an ATX heading, an HTML comment or an HTML table); when in doubt it keeps lines
 * together, which is always safe because remark then parses the union.
 */
import type { Root, RootContent } from 'mdast';
import type { Range } from '../model/types';
import { fastParse } from './fastBlocks';
import { Lru } from './lru';
import { PlacedMemo } from './placed';
import { parseMarkdown } from './remark';

export type BlockKind = 'frontMatter' | 'code' | 'htmlTable' | 'htmlComment' | 'html' | 'heading' | 'markdown';

export interface ParsedBlock {
  kind: BlockKind;
  /** Kind and text: what the block's parse (and anything derived from the block alone) depends on. */
  key: string;
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

/**
 * Per-document memory between builds: block parses keyed by block text (least recently used
 * entries go first), plus named memo tables where later stages keep results derived from a
 * block or a table (see model/build.ts), all with the same bound — which grows with the
 * document (`reserve`).
 */
export class BlockCache {
  private readonly trees: Lru<string, Root>;
  private readonly memos = new Map<string, Lru<string, unknown>>();
  private readonly placedMemos = new Map<string, PlacedMemo<unknown>>();
  /** Memo tables that follow the cache's bound (see `reserve`). */
  private readonly growing: Lru<string, unknown>[] = [];
  hits = 0;
  misses = 0;
  /** Batches whose joined parse was not equivalent to separate parses (each block was then parsed alone). */
  fallbacks = 0;

  constructor(private capacity = 4000) {
    this.trees = new Lru(capacity);
  }

  /**
   * Make room for a document of `blocks` blocks (twice that, so an edit's new entries do not evict
   * the old ones): a document with more blocks than the bound would otherwise evict, on every
   * build, the entries its next blocks need, and miss them all.
   */
  reserve(blocks: number): void {
    if (2 * blocks <= this.capacity) return;
    this.capacity = 2 * blocks;
    this.trees.reserve(this.capacity);
    for (const table of this.growing) table.reserve(this.capacity);
  }

  get size(): number {
    return this.trees.size;
  }

  get(key: string): Root | undefined {
    return this.trees.get(key);
  }

  set(key: string, root: Root): void {
    this.trees.set(key, root);
  }

  /** The placed-result memo of a stage (see placed.ts), bounded like the cache. */
  placed<T>(stage: string): PlacedMemo<T> {
    let memo = this.placedMemos.get(stage);
    if (!memo) {
      memo = new PlacedMemo<T>(this.memo(stage));
      this.placedMemos.set(stage, memo);
    }
    return memo as PlacedMemo<T>;
  }

  /** The memo table of a stage (created on first use); bounded like the cache unless given its own `capacity`. */
  memo<T>(stage: string, capacity?: number): Lru<string, T> {
    let table = this.memos.get(stage);
    if (!table) {
      table = new Lru<string, unknown>(capacity ?? this.capacity);
      this.memos.set(stage, table);
      if (capacity === undefined) this.growing.push(table);
    }
    return table as Lru<string, T>;
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

/**
 * The tree of a block that needs no remark parse: raw HTML tables and front matter (never parsed)
 * and the simple blocks the fast path builds itself (fastBlocks.ts); undefined for the others.
 */
function treeWithoutRemark(kind: BlockKind, text: string): Root | undefined {
  if (kind === 'htmlTable') return htmlRoot(text);
  if (kind === 'frontMatter') return { type: 'root', children: [] };
  const children = fastParse(text);
  return children && withRootPosition(children, text);
}

function parseAlone(text: string): Root {
  return withRootPosition(parseMarkdown(text).children, text);
}

/** Every block tree gets the same root position, however it was parsed (nothing reads it). */
function withRootPosition(children: RootContent[], text: string): Root {
  return { type: 'root', children, position: relPosition(text) };
}

/*
 * Batched parsing. Each remark parse pays a fixed set-up (micromark combines every syntax
 * extension and mdast-util-from-markdown builds its handler table per call: ~0.3 ms, mostly in
 * micromark-util-chunked `splice` and `combineExtensions`); paying it once per block made a cold
 * parse of 400 blocks slower than one whole-document parse. So the blocks missing from the cache
 * that the fast path does not take are parsed together, joined by a blank line, and the joined
 * tree is cut back into one tree per block with block-relative positions. A block that starts
 * with a list marker would continue the list of the block before it, so it is preceded by a line
 * holding an empty HTML comment, which closes every container (not used everywhere: it makes
 * micromark markedly slower). The result is used only when it is provably the same as parsing
 * each block alone: every top-level node lies inside one block (no container, fence or HTML block
 * ran on into the next block), every separator is a node of its own, and there is no (footnote)
 * definition that could turn text of another block into a reference. Otherwise each block of the
 * batch is parsed alone.
 */
const SEPARATOR = '<!-- -->';
const BLANK = '\n\n';
const FENCED = `\n\n${SEPARATOR}\n\n`;

/** Does the block start with a bullet or ordered list marker (which could join the list above)? */
function startsListItem(text: string): boolean {
  let i = 0;
  while (i < 3 && text[i] === ' ') i++;
  const ch = text[i];
  if (ch === '-' || ch === '+' || ch === '*') return true;
  let digits = 0;
  while (digits < 10 && text.charCodeAt(i + digits) >= 48 && text.charCodeAt(i + digits) <= 57) digits++;
  return digits > 0 && (text[i + digits] === '.' || text[i + digits] === ')');
}
/** Batches stay this small (in UTF-16 units) so that one bad batch costs little to re-parse. */
const BATCH_LIMIT = 64_000;

type Point = { line: number; column: number; offset?: number };
type Positioned = { type: string; position?: { start: Point; end: Point }; children?: Positioned[] };

/** Line endings as micromark counts them ("\r\n", "\r" and "\n" are one each). */
function lineEndings(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** Move `node` (and its subtree) by `-offset` / `-lines`; false when a node leaves `[0, length]` or is a definition. */
function relocate(node: Positioned, offset: number, lines: number, length: number): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return false;
  const pos = node.position;
  if (pos) {
    const start = (pos.start.offset ?? -1) - offset;
    const end = (pos.end.offset ?? -1) - offset;
    if (start < 0 || end > length || end < start) return false;
    node.position = {
      start: { line: pos.start.line - lines, column: pos.start.column, offset: start },
      end: { line: pos.end.line - lines, column: pos.end.column, offset: end },
    };
  }
  if (node.children) for (const child of node.children) if (!relocate(child, offset, lines, length)) return false;
  return true;
}

/** Trees of `texts` parsed in one remark call, or undefined when the batch is not equivalent to separate parses. */
function parseJoined(texts: string[]): Root[] | undefined {
  const glues = texts.map((text, k) => (k === 0 ? '' : startsListItem(text) ? FENCED : BLANK));
  const children = parseMarkdown(texts.map((text, k) => glues[k] + text).join('')).children as Positioned[];
  const roots: Root[] = [];
  let next = 0;
  let offset = 0;
  let lines = 0;
  for (let k = 0; k < texts.length; k++) {
    const glue = glues[k];
    if (glue === FENCED) {
      const separator = children[next++];
      const start = offset + BLANK.length;
      if (separator?.type !== 'html' || separator.position?.start.offset !== start || separator.position.end.offset !== start + SEPARATOR.length) return undefined;
    }
    offset += glue.length;
    lines += lineEndings(glue);
    const text = texts[k];
    const end = offset + text.length;
    const own: Positioned[] = [];
    while (next < children.length && (children[next].position?.start.offset ?? -1) <= end) {
      if (!relocate(children[next], offset, lines, text.length)) return undefined;
      own.push(children[next++]);
    }
    roots.push(withRootPosition(own as RootContent[], text));
    offset = end;
    lines += lineEndings(text);
  }
  return next === children.length ? roots : undefined;
}

/**
 * Does the block open a list or a block quote and end with a line starting with a tag? micromark
 * reads that line differently at the end of the input ("* 项\n</pre>": a top-level `html` node)
 * than before a blank line (the same node inside the list item), so such a block ends its batch,
 * where it is at the end of the input as when parsed alone.
 */
function endsContainerWithTag(text: string): boolean {
  const lines = text.split('\n');
  if (!lines[lines.length - 1].trimStart().startsWith('<')) return false;
  return lines.some((line) => startsListItem(line) || line.trimStart().startsWith('>'));
}

/** Parse `texts` (all remark kinds) in batches; equal to parsing each alone. */
function parseMany(texts: string[], cache: BlockCache): Root[] {
  const roots: Root[] = [];
  let batch: string[] = [];
  let size = 0;
  const flush = () => {
    if (batch.length === 1) roots.push(parseAlone(batch[0]));
    else if (batch.length > 1) {
      const joined = parseJoined(batch);
      if (!joined) cache.fallbacks++;
      roots.push(...(joined ?? batch.map(parseAlone)));
    }
    batch = [];
    size = 0;
  };
  for (const text of texts) {
    if (size > 0 && size + text.length > BATCH_LIMIT) flush();
    batch.push(text);
    size += text.length + FENCED.length;
    if (endsContainerWithTag(text)) flush();
  }
  flush();
  return roots;
}

/** Cut `text` into blocks and parse each (from `cache` when its text was seen before). */
export function parseDocument(text: string, cache: BlockCache = new BlockCache()): ParsedDocument {
  const lines = splitLines(text);
  const blocks: (Omit<ParsedBlock, 'root'> & { root?: Root })[] = [];
  const missing = new Map<string, string>();
  const spans = splitSpans(lines);
  cache.reserve(spans.length);
  for (const span of spans) {
    const start = lines[span.first].start;
    const end = lines[span.last].end;
    const blockText = text.slice(start, end);
    const key = `${span.kind}\u0000${blockText}`;
    let root = cache.get(key);
    if (root || missing.has(key)) cache.hits++;
    else {
      cache.misses++;
      root = treeWithoutRemark(span.kind, blockText);
      if (root) cache.set(key, root);
      else missing.set(key, blockText);
    }
    blocks.push({ kind: span.kind, start, end, text: blockText, key, root });
  }
  const parsed = new Map<string, Root>();
  const keys = [...missing.keys()];
  parseMany([...missing.values()], cache).forEach((root, i) => {
    parsed.set(keys[i], root);
    cache.set(keys[i], root);
  });
  return {
    text,
    blocks: blocks.map((block) => ({ ...block, root: block.root ?? parsed.get(block.key)! })),
  };
}

/** Absolute range of a node of `block` (positions in the tree are block-relative). */
export function nodeRange(block: Pick<ParsedBlock, 'start'>, node: { position?: RootContent['position'] }): Range | undefined {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return undefined;
  return { start: block.start + pos.start.offset, end: block.start + pos.end.offset };
}
