/**
 * The document's structure from its parsed blocks: headings, paragraphs (with their heading path),
 * tables as grids (pipe and HTML) with captions, front matter and directives.
 *
 * Two passes. `readBlock` turns one block into a list of items: it depends on the block's text
 * alone, so its result is memoised per block (`BlockCache.placed`, moved in place to wherever the
 * block stands now) and an edit re-reads only the edited block. The document pass then walks the
 * items of every block in order and adds what depends on the blocks around it (heading paths,
 * captions, table indexes); it shares the items' objects (ranges, cells, number literals) and
 * does no parsing, number scanning or copying.
 */
import type { Nodes, Paragraph as MdParagraph } from 'mdast';
import type { Directive, Heading, Notice, Paragraph, Range, Table, TextSpan } from '../model/types';
import { nodeRange, type BlockCache, type ParsedBlock, type ParsedDocument } from './blocks';
import { looksLikeCaption } from './captions';
import { readDirectives } from './directives';
import { readFrontMatter } from './frontMatter';
import { htmlTableGrids, type HtmlTableGrid } from './htmlTable';
import { pipeTableGrid, type TableGrid } from './pipeTable';
import { moved } from './placed';

export interface DocumentStructure {
  frontMatter?: { data: unknown; range: Range };
  headings: Heading[];
  paragraphs: Paragraph[];
  tables: Table[];
  directives: Directive[];
  notices: Notice[];
}

/** Plain text of any mdast node (markup dropped, breaks as "\n"). */
export function mdText(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'html') return /^<br\s*\/?>$/iu.test(node.value.trim()) ? '\n' : '';
  if ('children' in node) return (node.children as Nodes[]).map(mdText).join('');
  return '';
}

/**
 * What a block contributes, in source order (ranges relative to the block's start until the
 * block is placed). `shown` is the model object the document pass last made of the item: it is
 * kept, and only what the blocks around it decide (heading path, caption, table index) is updated,
 * so an unchanged paragraph, heading or table is the same object from build to build.
 */
type Item =
  | { kind: 'heading'; depth: number; text: string; range: Range; shown?: Heading }
  | { kind: 'paragraph'; text: string; range: Range; captionLine: TextSpan; shown?: Paragraph }
  | { kind: 'directives'; directives: Directive[] }
  | { kind: 'table'; grid: TableGrid | HtmlTableGrid; range: Range; shown?: Table }
  /** Something between a caption candidate and a table that separates them. */
  | { kind: 'break' };

class BlockReader {
  readonly items: Item[] = [];

  constructor(private readonly block: ParsedBlock) {}

  visit(node: Nodes, topLevel: boolean): void {
    const range = nodeRange({ start: 0 }, node);
    switch (node.type) {
      case 'heading':
        if (range) this.items.push({ kind: 'heading', depth: node.depth, text: mdText(node).replace(/\s+/gu, ' ').trim(), range });
        return;
      case 'paragraph':
        if (range) this.addParagraph(node, range);
        return;
      case 'table':
        if (range) this.items.push({ kind: 'table', grid: pipeTableGrid(node, this.block.text, 0), range });
        return;
      case 'html':
        if (range) this.addHtml(node.value, range);
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) this.visit(child, false);
        if (topLevel) this.items.push({ kind: 'break' });
    }
  }

  private addParagraph(node: MdParagraph, range: Range): void {
    const text = this.block.text.slice(range.start, range.end);
    const directives: Directive[] = [];
    for (const child of node.children) {
      const childRange = child.type === 'html' ? nodeRange({ start: 0 }, child) : undefined;
      if (childRange && child.type === 'html') directives.push(...readDirectives(child.value, childRange.start));
    }
    // the caption candidate is the paragraph's last line, markup stripped
    const plain = mdText(node).trim();
    const lastLine = plain.slice(plain.lastIndexOf('\n') + 1).trim();
    const lineStart = range.start + text.lastIndexOf('\n') + 1;
    this.items.push({ kind: 'paragraph', text, range, captionLine: { text: lastLine, range: { start: lineStart, end: range.end } } });
    if (directives.length > 0) this.items.push({ kind: 'directives', directives });
  }

  private addHtml(html: string, range: Range): void {
    const directives = readDirectives(html, range.start);
    if (directives.length > 0) this.items.push({ kind: 'directives', directives });
    if (this.block.kind === 'htmlTable' || /<table[\s>]/iu.test(html)) {
      for (const grid of htmlTableGrids(html, this.block.text, range.start)) this.items.push({ kind: 'table', grid, range: grid.range });
      return;
    }
    // a comment between a caption and its table does not separate them
    if (!html.trimStart().startsWith('<!--')) this.items.push({ kind: 'break' });
  }
}

/** The items of one block (block-relative ranges; never the front matter). */
function readBlock(block: ParsedBlock): Item[] {
  const reader = new BlockReader(block);
  for (const node of block.root.children) reader.visit(node, true);
  return reader.items;
}

// ---------------------------------------------------------------------------------------------
// The document pass

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((value, i) => value === b[i]));
}

/** What came right before a table, to find its caption. */
type Previous = { kind: 'paragraph'; span: TextSpan } | { kind: 'other' };

class StructureBuilder {
  readonly out: DocumentStructure = { headings: [], paragraphs: [], tables: [], directives: [], notices: [] };
  private readonly headingStack: Heading[] = [];
  private headingPathCache: string[] = [];
  private previous: Previous = { kind: 'other' };

  private headingPath(): string[] {
    return this.headingPathCache;
  }

  addFrontMatter(block: ParsedBlock): void {
    const { frontMatter, notices } = readFrontMatter(block.text, block.start);
    this.out.frontMatter = frontMatter;
    this.out.notices.push(...notices);
  }

  addItems(items: readonly Item[]): void {
    for (const item of items) {
      switch (item.kind) {
        case 'heading': {
          const heading = (item.shown ??= { depth: item.depth, text: item.text, range: item.range });
          while (this.headingStack.length > 0 && this.headingStack[this.headingStack.length - 1].depth >= heading.depth) this.headingStack.pop();
          this.headingStack.push(heading);
          // one array per heading change, shared by the paragraphs and tables under it
          this.headingPathCache = this.headingStack.map((h) => h.text);
          this.out.headings.push(heading);
          this.previous = { kind: 'other' };
          break;
        }
        case 'paragraph': {
          const paragraph = (item.shown ??= { text: item.text, range: item.range, headingPath: this.headingPath() });
          if (!sameStrings(paragraph.headingPath, this.headingPath())) paragraph.headingPath = this.headingPath();
          this.out.paragraphs.push(paragraph);
          this.previous = { kind: 'paragraph', span: item.captionLine };
          break;
        }
        case 'directives':
          this.out.directives.push(...item.directives);
          break;
        case 'table':
          this.addTable(item);
          break;
        case 'break':
          this.previous = { kind: 'other' };
      }
    }
  }

  private addTable(item: Extract<Item, { kind: 'table' }>): void {
    const { grid, range } = item;
    const own = 'caption' in grid ? grid.caption : undefined;
    const table = (item.shown ??= {
      index: 0,
      format: grid.format,
      range: grid.format === 'pipe' ? range : grid.range,
      caption: undefined,
      headingPath: this.headingPath(),
      cells: grid.cells,
      grid: grid.grid,
      headerRows: grid.headerRows,
    });
    table.index = this.out.tables.length;
    table.caption = own ?? this.captionAbove();
    if (!sameStrings(table.headingPath, this.headingPath())) table.headingPath = this.headingPath();
    this.out.tables.push(table);
    this.previous = { kind: 'other' };
  }

  private captionAbove(): TextSpan | undefined {
    if (this.previous.kind === 'paragraph' && looksLikeCaption(this.previous.span.text)) return this.previous.span;
    const heading = this.headingStack[this.headingStack.length - 1];
    return heading ? { text: heading.text, range: heading.range } : undefined;
  }
}

/**
 * @param cache where the items of each block are memoised between builds of one document
 *   (the same cache as the parse); without it every block is read afresh.
 */
export function extractStructure(doc: ParsedDocument, cache?: BlockCache): DocumentStructure {
  const builder = new StructureBuilder();
  const memo = cache?.placed<Item[]>('structure');
  memo?.beginPass();
  for (const block of doc.blocks) {
    if (block.kind === 'frontMatter') {
      builder.addFrontMatter(block);
      continue;
    }
    // readBlock gives block-relative ranges: a fresh result stands at offset 0 until placed
    const items = memo ? memo.take(block.key, { at: block.start }, () => readBlock(block), block, { at: 0 }) : moved(readBlock(block), { at: 0 }, { at: block.start });
    builder.addItems(items);
  }
  return builder.out;
}
