/**
 * Grid expansion shared by pipe and HTML tables: rows of written cells (with rowspan/colspan)
 * become a rectangular grid where every slot a cell spans points to the same Cell object. A row
 * shorter than the table gets empty `filled` cells (zero-length range at the row's end) in its
 * missing slots, so that rules can index `grid[row][col]` for every column.
 */
import type { Cell, NumberLiteral, Range } from '../model/types';

export interface WrittenCell {
  text: string;
  range: Range;
  rowSpan: number;
  colSpan: number;
  header: boolean;
  numbers: NumberLiteral[];
}

/** Spans larger than this are clamped: a corrupt rowspan="100000" must not allocate a huge grid. */
const MAX_SPAN = 1000;

/**
 * @param rows written cells per source row
 * @param rowEnds document offset where each source row ends (where its filled cells sit)
 */
export function expandGrid(rows: WrittenCell[][], rowEnds: readonly number[]): { cells: Cell[]; grid: (Cell | undefined)[][] } {
  // rows are kept dense (filled with undefined as they grow): reads past an array's end are slow
  const grid: (Cell | undefined)[][] = rows.map(() => []);
  const placed: Cell[][] = rows.map(() => []);
  const put = (r: number, c: number, cell: Cell) => {
    const row = grid[r];
    while (row.length < c) row.push(undefined);
    row[c] = cell;
  };
  let width = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const written of row) {
      while (c < grid[r].length && grid[r][c] !== undefined) c++;
      const rowSpan = Math.max(1, Math.min(written.rowSpan, rows.length - r, MAX_SPAN));
      const colSpan = Math.max(1, Math.min(written.colSpan, MAX_SPAN));
      // a literal in Cell's field order (a spread plus overwrites leaves slow dictionary-mode objects)
      const cell: Cell = {
        text: written.text, range: written.range, row: r, col: c, rowSpan, colSpan, header: written.header, numbers: written.numbers,
      };
      placed[r].push(cell);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) put(r + dr, c + dc, cell);
      }
      c += colSpan;
    }
    width = Math.max(width, grid[r].length);
  });
  const cells: Cell[] = [];
  grid.forEach((slots, r) => {
    cells.push(...placed[r]);
    const header = rows[r].length > 0 && rows[r].every((w) => w.header);
    const at = rowEnds[r] ?? 0;
    for (let c = 0; c < width; c++) {
      if (slots[c] !== undefined) continue;
      const cell: Cell = { text: '', range: { start: at, end: at }, row: r, col: c, rowSpan: 1, colSpan: 1, header, numbers: [], filled: true };
      slots[c] = cell;
      cells.push(cell);
    }
  });
  return { cells, grid };
}

/** Trim whitespace off both ends of `[start, end)` in `text`; an empty result is a zero-length range at `start`. */
export function trimRange(text: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u3000' || ch === '\u00a0';
}

/** Cell text normalised: each line trimmed, blank lines dropped, lines joined by "\n". */
export function tidyCellText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\u00a0/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
