/**
 * Rows whose remaining cells were collapsed into one cell when the report was converted (the
 * seed's "项目过程 20 资金管理 10 资金到位率 3 3" written in the 二级 cell with the cells to its
 * right empty). Such a cell is cut into name and number segments that are laid onto the columns to
 * its right — only when every name lands on a name column and every number on a value column, so
 * ordinary cells are never split.
 */
import type { Cell, IndicatorColumn, Table } from '../../model/types';
import { trimRange } from '../../parse/grid';

interface Segment {
  text: string;
  start: number;
  end: number;
  number?: Cell['numbers'][number];
}

const UNIT_ONLY = /^[分%％]?$/u;

function segmentsOf(cell: Cell, text: string): Segment[] {
  const out: Segment[] = [];
  let cursor = cell.range.start;
  const pushName = (start: number, end: number) => {
    const range = trimRange(text, start, end);
    const name = text.slice(range.start, range.end);
    if (!UNIT_ONLY.test(name.replace(/\s+/gu, ''))) out.push({ text: name, start: range.start, end: range.end });
  };
  for (const literal of cell.numbers) {
    pushName(cursor, literal.range.start);
    out.push({ text: literal.text, start: literal.range.start, end: literal.range.end, number: literal });
    cursor = literal.range.end;
  }
  pushName(cursor, cell.range.end);
  return out;
}

function virtualCell(segment: Segment, row: number, col: number): Cell {
  return {
    text: segment.text,
    range: { start: segment.start, end: segment.end },
    row,
    col,
    rowSpan: 1,
    colSpan: 1,
    header: false,
    numbers: segment.number ? [segment.number] : [],
  };
}

/** Try to spread one cell; returns the replacement row or undefined. */
function spreadRow(grid: (Cell | undefined)[], row: number, columns: IndicatorColumn[], text: string): (Cell | undefined)[] | undefined {
  for (let col = 0; col < grid.length; col++) {
    const cell = grid[col];
    if (!cell || cell.row !== row || cell.col !== col || cell.numbers.length === 0 || columns[col]?.role !== 'name') continue;
    if (cell.colSpan > 1 || cell.rowSpan > 1) return undefined;
    const segments = segmentsOf(cell, text);
    if (segments.length < 3 || col + segments.length > columns.length) return undefined;
    const fits = segments.every((s, k) => {
      const column = columns[col + k];
      const target = grid[col + k];
      const free = k === 0 || !target || (target.row === row && target.text === '');
      return free && (s.number ? column.role !== 'name' : column.role === 'name');
    });
    if (!fits) return undefined;
    const copy = [...grid];
    segments.forEach((s, k) => {
      copy[col + k] = virtualCell(s, row, col + k);
    });
    return copy;
  }
  return undefined;
}

/** A copy of `table` whose collapsed body rows are spread over their columns (others untouched). */
export function spreadCollapsedRows(table: Table, columns: IndicatorColumn[], bodyStart: number, text: string): Table {
  let grid: (Cell | undefined)[][] | undefined;
  for (let row = bodyStart; row < table.grid.length; row++) {
    const spread = spreadRow(table.grid[row], row, columns, text);
    if (!spread) continue;
    grid ??= [...table.grid];
    grid[row] = spread;
  }
  return grid ? { ...table, grid } : table;
}
