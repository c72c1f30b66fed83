/**
 * The document's structure from its parsed blocks: headings, paragraphs (with their heading path),
 * tables as grids (pipe and HTML) with captions, front matter and directives.
 */
import type { Nodes, Paragraph as MdParagraph } from 'mdast';
import type { Directive, Heading, Notice, Paragraph, Range, Table, TextSpan } from '../model/types';
import { nodeRange, type ParsedBlock, type ParsedDocument } from './blocks';
import { looksLikeCaption } from './captions';
import { readDirectives } from './directives';
import { readFrontMatter } from './frontMatter';
import { htmlTableGrids, type HtmlTableGrid } from './htmlTable';
import { pipeTableGrid, type TableGrid } from './pipeTable';

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

/** What came right before a table, to find its caption. */
type Previous = { kind: 'paragraph'; span: TextSpan } | { kind: 'other' };

class StructureBuilder {
  readonly out: DocumentStructure = { headings: [], paragraphs: [], tables: [], directives: [], notices: [] };
  private readonly headingStack: Heading[] = [];
  private previous: Previous = { kind: 'other' };

  constructor(private readonly text: string) {}

  private headingPath(): string[] {
    return this.headingStack.map((h) => h.text);
  }

  addBlock(block: ParsedBlock): void {
    if (block.kind === 'frontMatter') {
      const { frontMatter, notices } = readFrontMatter(block.text, block.start);
      this.out.frontMatter = frontMatter;
      this.out.notices.push(...notices);
      return;
    }
    for (const node of block.root.children) this.visit(node, block, true);
  }

  private visit(node: Nodes, block: ParsedBlock, topLevel: boolean): void {
    const range = nodeRange(block, node);
    switch (node.type) {
      case 'heading': {
        if (!range) return;
        const heading: Heading = { depth: node.depth, text: mdText(node).replace(/\s+/gu, ' ').trim(), range };
        while (this.headingStack.length > 0 && this.headingStack[this.headingStack.length - 1].depth >= heading.depth) this.headingStack.pop();
        this.headingStack.push(heading);
        this.out.headings.push(heading);
        this.previous = { kind: 'other' };
        return;
      }
      case 'paragraph':
        this.addParagraph(node, range, block);
        return;
      case 'table':
        this.addTable(pipeTableGrid(node, this.text, block.start), range);
        return;
      case 'html':
        this.addHtml(node.value, range, block.kind === 'htmlTable');
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) this.visit(child, block, false);
        if (topLevel) this.previous = { kind: 'other' };
    }
  }

  private addParagraph(node: MdParagraph, range: Range | undefined, block: ParsedBlock): void {
    if (!range) return;
    const text = this.text.slice(range.start, range.end);
    this.out.paragraphs.push({ text, range, headingPath: this.headingPath() });
    for (const child of node.children) {
      if (child.type === 'html') {
        const childRange = nodeRange(block, child);
        if (childRange) this.out.directives.push(...readDirectives(child.value, childRange.start));
      }
    }
    // the caption candidate is the paragraph's last line, markup stripped
    const plain = mdText(node).trim();
    const lastLine = plain.slice(plain.lastIndexOf('\n') + 1).trim();
    const lastNl = text.lastIndexOf('\n');
    const lineStart = range.start + lastNl + 1;
    this.previous = { kind: 'paragraph', span: { text: lastLine, range: { start: lineStart, end: range.end } } };
  }

  private addHtml(html: string, range: Range | undefined, isTableBlock: boolean): void {
    if (!range) return;
    const directives = readDirectives(html, range.start);
    this.out.directives.push(...directives);
    if (isTableBlock || /<table[\s>]/iu.test(html)) {
      for (const grid of htmlTableGrids(html, this.text, range.start)) this.addTable(grid, range);
      return;
    }
    // a comment between a caption and its table does not separate them
    if (!html.trimStart().startsWith('<!--')) this.previous = { kind: 'other' };
  }

  private addTable(grid: TableGrid | HtmlTableGrid, range: Range | undefined): void {
    const own = 'caption' in grid ? grid.caption : undefined;
    const caption = own ?? this.captionAbove();
    const table: Table = {
      index: this.out.tables.length,
      format: grid.format,
      range: range && grid.format === 'pipe' ? range : grid.range,
      caption,
      headingPath: this.headingPath(),
      cells: grid.cells,
      grid: grid.grid,
      headerRows: grid.headerRows,
    };
    this.out.tables.push(table);
    this.previous = { kind: 'other' };
  }

  private captionAbove(): TextSpan | undefined {
    if (this.previous.kind === 'paragraph' && looksLikeCaption(this.previous.span.text)) return this.previous.span;
    const heading = this.headingStack[this.headingStack.length - 1];
    return heading ? { text: heading.text, range: heading.range } : undefined;
  }
}

export function extractStructure(doc: ParsedDocument): DocumentStructure {
  const builder = new StructureBuilder(doc.text);
  for (const block of doc.blocks) builder.addBlock(block);
  return builder.out;
}
