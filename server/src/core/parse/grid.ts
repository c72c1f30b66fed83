/**
 * Grid expansion shared by pipe and HTML tables: rows of written cells (with rowspan/colspan)
 * become a rectangular-ish grid where every slot a cell spans points to the same Cell object.
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

export function expandGrid(rows: WrittenCell[][]): { cells: Cell[]; grid: (Cell | undefined)[][] } {
  const cells: Cell[] = [];
  // rows are kept dense (filled with undefined as they grow): reads past an array's end are slow
  const grid: (Cell | undefined)[][] = rows.map(() => []);
  const put = (r: number, c: number, cell: Cell) => {
    const row = grid[r];
    while (row.length < c) row.push(undefined);
    row[c] = cell;
  };
  rows.forEach((row, r) => {
    let c = 0;
    for (const written of row) {
      while (c < grid[r].length && grid[r][c] !== undefined) c++;
      const rowSpan = Math.max(1, Math.min(written.rowSpan, rows.length - r, MAX_SPAN));
      const colSpan = Math.max(1, Math.min(written.colSpan, MAX_SPAN));
      const cell: Cell = { ...written, row: r, col: c, rowSpan, colSpan };
      cells.push(cell);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) put(r + dr, c + dc, cell);
      }
      c += colSpan;
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
