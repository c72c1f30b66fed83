/**
 * Incremental Markdown parsing: the document is cut into top-level blocks by a cheap line scanner
 * (split.ts; after an edit only around the edit), and each block is parsed on its own: simple
 * blocks (plain paragraphs, headings, pipe tables, one-line list items and thematic breaks, most
 * of a report) by the fast path of fastBlocks.ts, the others by one unified/remark-gfm processor
 * — the trees are the same. Parses are cached by the block's text with block-relative positions,
 * so after an edit only the edited block is parsed again — a block that merely moved reuses its
 * tree.
 */
import type { Root, RootContent } from 'mdast';
import type { Range } from '../model/types';
import { fastParse } from './fastBlocks';
import { Lru } from './lru';
import { PlacedMemo } from './placed';
import { parseMarkdown } from './remark';
import { resplit, splitText, type BlockKind, type Span } from './split';

export type { BlockKind };

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
  /** The last document parsed with this cache: the next one is cut anew only around the edit. */
  previous?: ParsedDocument;
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

type UnparsedBlock = Omit<ParsedBlock, 'root'> & { root?: Root };

/** Cut `text` into blocks and parse each (from `cache` when its text was seen before). */
export function parseDocument(text: string, cache: BlockCache = new BlockCache()): ParsedDocument {
  const previous = cache.previous;
  const edit = previous && resplit(previous.text, previous.blocks, text);
  const blocks: UnparsedBlock[] = [];
  const missing = new Map<string, string>();
  const addSpan = (span: Span) => {
    const blockText = text.slice(span.start, span.end);
    const key = `${span.kind}\u0000${blockText}`;
    let root = cache.get(key);
    if (root || missing.has(key)) cache.hits++;
    else {
      cache.misses++;
      root = treeWithoutRemark(span.kind, blockText);
      if (root) cache.set(key, root);
      else missing.set(key, blockText);
    }
    blocks.push({ kind: span.kind, start: span.start, end: span.end, text: blockText, key, root });
  };
  if (previous && edit) {
    // the blocks away from the edit are the previous ones (their keys, texts and trees), moved
    const old = previous.blocks;
    cache.reserve(edit.kept + edit.fresh.length + old.length - edit.tail);
    for (let i = 0; i < edit.kept; i++) blocks.push(old[i]);
    edit.fresh.forEach(addSpan);
    // moved in place: the previous document is only ever read by the next resplit
    for (let i = edit.tail; i < old.length; i++) {
      const block = old[i];
      block.start += edit.delta;
      block.end += edit.delta;
      blocks.push(block);
    }
    cache.hits += edit.kept + old.length - edit.tail;
  } else {
    const spans = splitText(text);
    cache.reserve(spans.length);
    spans.forEach(addSpan);
  }
  const keys = [...missing.keys()];
  const parsed = new Map<string, Root>();
  parseMany([...missing.values()], cache).forEach((root, i) => {
    parsed.set(keys[i], root);
    cache.set(keys[i], root);
  });
  for (const block of blocks) block.root ??= parsed.get(block.key)!;
  const doc: ParsedDocument = { text, blocks: blocks as ParsedBlock[] };
  cache.previous = doc;
  return doc;
}

/** Absolute range of a node of `block` (positions in the tree are block-relative). */
export function nodeRange(block: Pick<ParsedBlock, 'start'>, node: { position?: RootContent['position'] }): Range | undefined {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return undefined;
  return { start: block.start + pos.start.offset, end: block.start + pos.end.offset };
}
