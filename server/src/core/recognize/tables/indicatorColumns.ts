/**
 * Column roles of an indicator table from its header texts: name columns per level, a 分值 column
 * per level (a 分值 column belongs to the nearest name column on its left), and the value columns.
 */
import type { IndicatorColumn, IndicatorLevel, Table } from '../../model/types';
import { isNumericCell } from './cellText';
import { classifyHeader, type HeaderLayout } from './headers';

export interface IndicatorLayout {
  columns: IndicatorColumn[];
  nameCols: Map<IndicatorLevel, number>;
  weightCols: Map<IndicatorLevel, number>;
  levels: IndicatorLevel[];
  /**
   * The one 分值 column of a table whose header names no level and which stands right of every
   * name column: it holds the 分值 of each row's deepest indicator (三级 on some rows, 四级 on others).
   */
  leafWeightCol?: number;
}

function mostlyNumeric(table: Table, col: number, bodyStart: number): boolean {
  let numeric = 0;
  let filled = 0;
  for (let r = bodyStart; r < table.grid.length; r++) {
    const cell = table.grid[r][col];
    if (!cell || cell.row !== r || cell.text === '') continue;
    filled++;
    if (isNumericCell(cell)) numeric++;
  }
  return filled > 0 && numeric * 2 >= filled;
}

export function indicatorLayout(table: Table, header: HeaderLayout): IndicatorLayout {
  const columns: IndicatorColumn[] = header.headers.map((text, index) => {
    const cls = classifyHeader(text);
    return { index, role: cls?.role ?? 'other', level: cls?.level, header: text };
  });
  // name columns without a level word take the next level, left to right
  let lastLevel = 0;
  const nameCols = new Map<IndicatorLevel, number>();
  for (const col of columns) {
    if (col.role !== 'name') continue;
    const level = (col.level ?? Math.min(4, lastLevel + 1)) as IndicatorLevel;
    if (nameCols.has(level)) {
      // a header spanning two columns ("一级指标" over name and 分值): the numeric one is the 分值
      col.role = mostlyNumeric(table, col.index, header.bodyStart) ? 'weight' : 'other';
      col.level = level;
      continue;
    }
    col.level = level;
    nameCols.set(level, col.index);
    lastLevel = level;
  }
  const levels = [...nameCols.keys()].sort((a, b) => a - b);
  const weightCols = new Map<IndicatorLevel, number>();
  const weightColumns = columns.filter((c) => c.role === 'weight');
  const lastName = Math.max(...nameCols.values());
  if (weightColumns.length === 1 && weightColumns[0].level === undefined && weightColumns[0].index > lastName) {
    return { columns, nameCols, weightCols, levels, leafWeightCol: weightColumns[0].index };
  }
  for (const col of weightColumns) {
    if (col.level === undefined) {
      let owner: IndicatorLevel | undefined;
      for (const [level, index] of nameCols) if (index < col.index && (owner === undefined || index > nameCols.get(owner)!)) owner = level;
      col.level = owner ?? levels[levels.length - 1];
    }
    if (col.level !== undefined && !weightCols.has(col.level)) weightCols.set(col.level, col.index);
  }
  return { columns, nameCols, weightCols, levels };
}
