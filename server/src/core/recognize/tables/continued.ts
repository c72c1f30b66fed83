/**
 * Tables continued across pages. Word documents repeat a long table's header on every page, and
 * the conversion to Markdown leaves one table per page with a caption such as "续表" or
 * "表3（续）" between them. Such a part is read as the rest of the table before it: the parts are
 * joined into one table (the header once, the rows of every part after it), so that a 合计 in the
 * last part adds up the rows of all parts.
 */
import type { Cell, Table } from '../../model/types';
import { compact } from './headers';

/** "续表", "续表3", "表3（续）", "表 3-2(续表)". */
const CONTINUED = /^(?:续表|表[0-9０-９.\-－—–]*[（(]续表?[）)])/u;

function headerKey(table: Table): string {
  return table.grid.slice(0, Math.max(1, table.headerRows)).map((row) => row.map((cell) => compact(cell?.text ?? '')).join('|')).join('\n');
}

/** Does `table` go on from `before` (its caption says so, and it repeats the same header)? */
export function continues(before: Table, table: Table): boolean {
  return table.caption !== undefined && CONTINUED.test(compact(table.caption.text)) && before.format === table.format && headerKey(before) === headerKey(table);
}

/** The tables in document order, each continued table with its parts: [first part, continuation…]. */
export function groupContinued(tables: readonly Table[]): Table[][] {
  const groups: Table[][] = [];
  for (const table of tables) {
    const last = groups[groups.length - 1];
    if (last && continues(last[last.length - 1], table)) last.push(table);
    else groups.push([table]);
  }
  return groups;
}

/**
 * Grid rows moved by `delta`: each distinct cell copied once with its row renumbered (literals and
 * ranges shared). Shared with selfEvalScores.ts, which reads a section of a table as a table.
 */
export function shiftedRows(rows: readonly (Cell | undefined)[][], delta: number, body = false): { grid: (Cell | undefined)[][]; cells: Cell[] } {
  const moved = new Map<Cell, Cell>();
  const grid = rows.map((row) => row.map((cell) => {
    if (!cell) return cell;
    let copy = moved.get(cell);
    if (!copy) {
      copy = { ...cell, row: cell.row + delta, ...(body ? { header: false } : {}) };
      moved.set(cell, copy);
    }
    return copy;
  }));
  return { grid, cells: [...moved.values()] };
}

/** The parts as one table: the first part's header, caption and index, then the body rows of every part. */
export function joinParts(parts: readonly Table[]): Table {
  const [first] = parts;
  const grid = [...first.grid];
  const cells = [...first.cells];
  for (const part of parts.slice(1)) {
    const body = shiftedRows(part.grid.slice(part.headerRows), grid.length - part.headerRows, true);
    grid.push(...body.grid);
    cells.push(...body.cells);
  }
  return { ...first, range: { start: first.range.start, end: parts[parts.length - 1].range.end }, grid, cells };
}
