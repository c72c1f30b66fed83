/**
 * Raw HTML tables (pandoc style: colgroup, thead/tbody, th/td, rowspan/colspan, <p>/<br /> inside
 * cells, entities) → Table grids. parse5 gives every node its source offsets, so a cell's content
 * range is the source between its start tag's end and its end tag's start, trimmed.
 *
 * Numbers are scanned only in the source of text nodes (never in tags or attributes); entity
 * references are blanked first so "&#53;" cannot produce a number whose text is not in the source.
 * parse5 (140 KB with its entity tables) is required on first use, as remark.ts explains: most
 * reports hold no HTML table.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { NumberLiteral, TextSpan } from '../model/types';
import { scanNumbers } from '../text/numbers';
import { expandGrid, tidyCellText, trimRange, type WrittenCell } from './grid';
import type { TableGrid } from './pipeTable';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface HtmlTableGrid extends TableGrid {
  /** Text of a <caption> element, when the table has one. */
  caption?: TextSpan;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childElements(node: Node): Element[] {
  return 'childNodes' in node ? (node.childNodes as Node[]).filter(isElement) : [];
}

function findTables(node: Node, out: Element[]): void {
  for (const child of childElements(node)) {
    if (child.tagName === 'table') out.push(child);
    else findTables(child, out);
  }
}

function rowsOf(table: Element): { tr: Element; header: boolean }[] {
  const rows: { tr: Element; header: boolean }[] = [];
  for (const child of childElements(table)) {
    if (child.tagName === 'tr') rows.push({ tr: child, header: false });
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const tr of childElements(child)) if (tr.tagName === 'tr') rows.push({ tr, header: child.tagName === 'thead' });
    }
  }
  return rows;
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function plainText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(node) && node.nodeName !== '#document-fragment') return '';
  if (isElement(node) && node.tagName === 'br') return '\n';
  let out = '';
  for (const child of (node as Element).childNodes as Node[]) out += plainText(child);
  if (isElement(node) && BLOCK_TAGS.has(node.tagName)) out = `\n${out}\n`;
  return out;
}

/** Entity references that stand for comparison signs keep their sign (at the reference's last char). */
const SIGN_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&ge;': '≥', '&le;': '≤' };

function blankEntities(source: string): string {
  if (!source.includes('&')) return source;
  let out = '';
  let i = 0;
  while (i < source.length) {
    if (source[i] === '&') {
      const semi = source.indexOf(';', i);
      if (semi > i && semi - i <= 32 && /^&#?[A-Za-z0-9]+;$/u.test(source.slice(i, semi + 1))) {
        const ref = source.slice(i, semi + 1);
        const sign = SIGN_ENTITIES[ref.toLowerCase()];
        out += ' '.repeat(ref.length - 1) + (sign ?? ' ');
        i = semi + 1;
        continue;
      }
    }
    out += source[i];
    i++;
  }
  return out;
}

function scanTextNodes(node: Node, text: string, base: number, out: NumberLiteral[]): void {
  if (node.nodeName === '#text') {
    const loc = node.sourceCodeLocation;
    if (!loc) return;
    const start = base + loc.startOffset;
    const masked = blankEntities(text.slice(start, base + loc.endOffset));
    for (const literal of scanNumbers(masked, { base: start })) {
      // unit/comparator were read from the masked copy; the literal itself is untouched source
      if (text.slice(literal.range.start, literal.range.end) === literal.text) out.push(literal);
    }
    return;
  }
  if ('childNodes' in node) for (const child of node.childNodes as Node[]) scanTextNodes(child, text, base, out);
}

function spanOf(el: Element, name: string): number {
  const raw = el.attrs.find((a) => a.name === name)?.value;
  const n = raw === undefined ? 1 : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

function contentRange(el: Element, text: string, base: number) {
  const loc = el.sourceCodeLocation;
  if (!loc) return { start: base, end: base };
  const start = base + (loc.startTag?.endOffset ?? loc.startOffset);
  const end = base + (loc.endTag?.startOffset ?? loc.endOffset);
  return trimRange(text, start, Math.max(start, end));
}

function cellOf(el: Element, header: boolean, text: string, base: number): WrittenCell {
  const numbers: NumberLiteral[] = [];
  scanTextNodes(el, text, base, numbers);
  return {
    text: tidyCellText(plainText(el)),
    range: contentRange(el, text, base),
    rowSpan: spanOf(el, 'rowspan'),
    colSpan: spanOf(el, 'colspan'),
    header: header || el.tagName === 'th',
    numbers,
  };
}

/** Where a row's filled cells sit: right after its last cell (before `</tr>` and the line break). */
function rowEnd(tr: Element, base: number): number {
  const cells = childElements(tr).filter((el) => el.tagName === 'td' || el.tagName === 'th');
  const last = cells[cells.length - 1]?.sourceCodeLocation ?? tr.sourceCodeLocation;
  return base + (last?.endOffset ?? 0);
}

/**
 * Every <table> in an HTML block. Never throws: parse5 recovers from any markup.
 * @param source the HTML block's text; `base` its offset in `text` (the whole document).
 */
export function htmlTableGrids(source: string, text: string, base: number): HtmlTableGrid[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
  const { parseFragment } = require('parse5') as typeof import('parse5');
  const fragment = parseFragment(source, { sourceCodeLocationInfo: true });
  const tables: Element[] = [];
  findTables(fragment, tables);
  return tables.map((table) => {
    const rows = rowsOf(table);
    const written = rows.map(({ tr, header }) =>
      childElements(tr)
        .filter((el) => el.tagName === 'td' || el.tagName === 'th')
        .map((el) => cellOf(el, header, text, base)),
    );
    let headerRows = 0;
    while (headerRows < written.length && written[headerRows].length > 0 && written[headerRows].every((c) => c.header)) headerRows++;
    const rowEnds = rows.map(({ tr }) => rowEnd(tr, base));
    const { cells, grid } = expandGrid(written, rowEnds);
    const loc = table.sourceCodeLocation;
    const captionEl = childElements(table).find((el) => el.tagName === 'caption');
    const captionText = captionEl ? tidyCellText(plainText(captionEl)).replace(/\n/gu, ' ') : '';
    return {
      format: 'html' as const,
      range: { start: base + (loc?.startOffset ?? 0), end: base + (loc?.endOffset ?? source.length) },
      cells,
      grid,
      headerRows,
      caption: captionEl && captionText ? { text: captionText, range: contentRange(captionEl, text, base) } : undefined,
    };
  });
}
