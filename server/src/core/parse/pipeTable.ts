/**
 * GFM pipe table (mdast) → Table grid with exact source ranges.
 *
 * mdast cell positions include the leading pipe (and the trailing one on the last cell); the
 * content range is what is left after dropping the pipes and trimming. Numbers are scanned only
 * in the source of text nodes, so link targets and inline HTML never yield numbers.
 */
import type { PhrasingContent, Table as MdTable } from 'mdast';
import type { NumberLiteral, Table } from '../model/types';
import { scanNumbers } from '../text/numbers';
import { expandGrid, tidyCellText, trimRange, type WrittenCell } from './grid';

export type TableGrid = Pick<Table, 'format' | 'range' | 'cells' | 'grid' | 'headerRows'>;

/** Plain text of inline content: markup stripped, `<br>` as a line break. */
function plainText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'break') out += '\n';
    else if (node.type === 'html') {
      if (/^<br\s*\/?>$/iu.test(node.value.trim())) out += '\n';
    } else if ('children' in node) out += plainText(node.children as PhrasingContent[]);
  }
  return out;
}

function scanTextNodes(nodes: readonly PhrasingContent[], text: string, base: number, out: NumberLiteral[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const pos = node.position;
      if (pos?.start.offset === undefined || pos.end.offset === undefined) continue;
      const start = base + pos.start.offset;
      out.push(...scanNumbers(text.slice(start, base + pos.end.offset), { base: start }));
    } else if (node.type !== 'link' && node.type !== 'image' && 'children' in node) {
      scanTextNodes(node.children as PhrasingContent[], text, base, out);
    } else if (node.type === 'link') {
      // the link text counts, its URL does not
      scanTextNodes(node.children, text, base, out);
    }
  }
}

/**
 * @param text the whole document
 * @param base absolute offset of the block holding `node` (its positions are block-relative)
 */
export function pipeTableGrid(node: MdTable, text: string, base: number): TableGrid {
  const rows: WrittenCell[][] = node.children.map((row, r) =>
    row.children.map((cell) => {
      const pos = cell.position;
      let start = base + (pos?.start.offset ?? 0);
      let end = base + (pos?.end.offset ?? 0);
      if (text[start] === '|') start++;
      if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
      const range = trimRange(text, start, end);
      const numbers: NumberLiteral[] = [];
      scanTextNodes(cell.children, text, base, numbers);
      return { text: tidyCellText(plainText(cell.children)), range, rowSpan: 1, colSpan: 1, header: r === 0, numbers };
    }),
  );
  const rowEnds = node.children.map((row) => base + (row.position?.end.offset ?? 0));
  const { cells, grid } = expandGrid(rows, rowEnds);
  const pos = node.position;
  return {
    format: 'pipe',
    range: { start: base + (pos?.start.offset ?? 0), end: base + (pos?.end.offset ?? 0) },
    cells,
    grid,
    headerRows: rows.length > 0 ? 1 : 0,
  };
}
