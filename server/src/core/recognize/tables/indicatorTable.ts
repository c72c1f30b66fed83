/**
 * Indicator tables (评分表) with one to four levels, recognised by header vocabulary:
 * 一级指标/二级指标/…/指标名称, 分值/权重/满分, 扣分, 得分, 得分率, 指标解释, 标杆值, 评分标准, 评分说明.
 *
 * Layout families handled: merged cells written empty below (pipe) or as rowspan (HTML); names
 * repeated on every row; a level name carrying its weight ("决策(20 分）"); a parent merged over
 * several rows while its 分值 is written per row (→ weightParts); 合计/总分 rows; repeated header
 * rows inside the body (tables split across pages).
 *
 * A table lists each indicator once, so within one table an indicator is its *loose* path (the
 * engine's identity, "项目效益" ≡ "效益"): a name row that names an indicator already read — the
 * same name repeated on the next row, a variant spelling of it ("效益" then "项目效益"), or a row
 * of it pasted further down — continues that indicator instead of starting a second one with the
 * same identity, whose two 分值 and two child sums no fix could reconcile.
 */
import type { Cell, Indicator, IndicatorLevel, IndicatorTable, NumberLiteral, Table, TextSpan, TotalRow } from '../../model/types';
import { keyOf, looseName, normalizeName } from '../../text/normalize';
import { leadingNumber, spanOfCell } from './cellText';
import { compact, headerLayout, isHeaderRow, isTitleRow, rowCells, totalLabel } from './headers';
import { spreadCollapsedRows } from './collapsedRows';
import { indicatorLayout, type IndicatorLayout } from './indicatorColumns';
import { splitWeightedName } from './weightedName';

interface Building {
  indicator: Indicator;
  /** The indicator's identity within the table: its path through `looseName`. */
  loosePath: string;
  weights: NumberLiteral[];
  /** Weight read from the name ("决策(20 分）"), used when no 分值 column gives one. */
  nameWeight?: NumberLiteral;
  nameCell: Cell;
}

const TEXT_ROLES = ['explanation', 'target', 'criterion', 'remark'] as const;
const NUMBER_ROLES = ['deduction', 'score', 'rate'] as const;

/** Is the table an indicator table at all (and not a one-level summary)? */
function qualifies(layout: IndicatorLayout): boolean {
  const roles = new Set(layout.columns.map((c) => c.role));
  if (layout.levels.length === 0) return false;
  if (!roles.has('weight') && !roles.has('score')) return false;
  if (layout.levels.length >= 2) return true;
  return roles.has('criterion') || roles.has('explanation') || roles.has('deduction') || roles.has('remark');
}

function isAnnex(table: Table, title: Cell | undefined): boolean {
  const texts = [table.caption?.text ?? '', title?.text ?? '', ...table.headingPath];
  return texts.some((t) => /附件|附表|评分情况表/u.test(t));
}

class IndicatorTableBuilder {
  private readonly current = new Map<IndicatorLevel, Building>();
  private readonly all: Building[] = [];
  /** Indicators by level and loose path (a level skipped on some rows must not alias the level above). */
  private readonly byLoosePath = new Map<string, Building>();
  readonly totals: TotalRow[] = [];
  /** Indicators written since the last total row: what a 小计 adds up. */
  private sinceTotal: Indicator[] = [];

  constructor(
    private readonly table: Table,
    private readonly layout: IndicatorLayout,
    private readonly text: string,
  ) {}

  private parentOf(level: IndicatorLevel): Building | undefined {
    for (let l = level - 1; l >= 1; l--) {
      const b = this.current.get(l as IndicatorLevel);
      if (b) return b;
    }
    return undefined;
  }

  private resetBelow(level: IndicatorLevel): void {
    for (const l of this.layout.levels) if (l > level) this.current.delete(l);
  }

  private loosePathOf(level: IndicatorLevel, name: string): string {
    const parent = this.parentOf(level);
    return parent ? `${parent.loosePath}/${looseName(name)}` : looseName(name);
  }

  private start(level: IndicatorLevel, cell: Cell, row: number, loosePath: string): Building {
    const { name, nameRange, weight } = splitWeightedName(cell, this.text);
    const parent = this.parentOf(level);
    const path = [...(parent?.indicator.path ?? []), normalizeName(name)];
    const indicator: Indicator = {
      key: keyOf(path),
      path,
      level,
      name,
      nameRange,
      weightParts: [],
      children: [],
      parent: parent?.indicator.key ?? '',
      tableIndex: this.table.index,
      rows: { start: row, end: row + 1 },
    };
    parent?.indicator.children.push(indicator.key);
    this.sinceTotal.push(indicator);
    const building: Building = { indicator, loosePath, weights: [], nameWeight: weight, nameCell: cell };
    this.all.push(building);
    this.byLoosePath.set(`${level}:${loosePath}`, building);
    this.open(level, building);
    return building;
  }

  /** `building` is the open indicator at `level` from this row on; deeper levels start afresh. */
  private open(level: IndicatorLevel, building: Building): void {
    this.current.set(level, building);
    this.resetBelow(level);
  }

  addRow(row: number): void {
    const grid = this.table.grid[row];
    let leaf: Building | undefined;
    let leafRepeated = false;
    const nameCells = new Set<Cell>();
    let previousNameCell: Cell | undefined;
    for (const level of this.layout.levels) {
      const cell = grid[this.layout.nameCols.get(level)!];
      if (cell && cell === previousNameCell) {
        // one name cell spans this level's column too: the row has no name at this level
        this.current.delete(level);
        continue;
      }
      previousNameCell = cell;
      if (cell) nameCells.add(cell);
      let building = this.current.get(level);
      let repeated = false;
      if (cell && cell.row === row && cell.text !== '') {
        const loosePath = this.loosePathOf(level, splitWeightedName(cell, this.text).name);
        const known = this.byLoosePath.get(`${level}:${loosePath}`);
        if (known) {
          // the open indicator named again keeps its deeper levels open (names repeated on every row)
          if (known !== building) this.open(level, known);
          building = known;
          repeated = true;
        } else {
          building = this.start(level, cell, row, loosePath);
        }
      }
      if (!building) continue;
      // first to last row: an indicator continued further down also spans the rows between
      building.indicator.rows.end = row + 1;
      leaf = building;
      leafRepeated = repeated;
      this.readWeight(this.layout.weightCols.get(level), building, row, repeated);
    }
    if (!leaf) return;
    if (this.layout.leafWeightCol !== undefined) this.readWeight(this.layout.leafWeightCol, leaf, row, leafRepeated);
    this.readValues(leaf, row, nameCells);
  }

  /**
   * A 分值 cell written on this row. When the name was merged over earlier rows (empty or spanned
   * here) every written 分值 is a part of the one indicator.
   */
  private readWeight(col: number | undefined, building: Building, row: number, repeated: boolean): void {
    if (col === undefined) return;
    const cell = this.table.grid[row][col];
    const weight = cell && cell.row === row && cell !== building.nameCell ? leadingNumber(cell) : undefined;
    if (!weight) return;
    // a name repeated on every row repeats its 分值 too: that is one weight, not parts
    if (repeated && building.weights.length > 0) return;
    building.weights.push(weight);
  }

  private readValues(leaf: Building, row: number, nameCells: Set<Cell>): void {
    for (const col of this.layout.columns) {
      const role = col.role;
      if (role === 'name' || role === 'weight' || role === 'other') continue;
      const cell = this.table.grid[row][col.index];
      if (!cell || cell.row !== row || nameCells.has(cell) || cell.text === '') continue;
      const target = (col.level !== undefined ? this.current.get(col.level) : undefined) ?? leaf;
      const ind = target.indicator;
      if ((NUMBER_ROLES as readonly string[]).includes(role)) {
        const key = role as (typeof NUMBER_ROLES)[number];
        if (ind[key] === undefined) ind[key] = leadingNumber(cell);
      } else if ((TEXT_ROLES as readonly string[]).includes(role)) {
        const key = role as (typeof TEXT_ROLES)[number];
        if (ind[key] === undefined) ind[key] = spanOfCell(cell);
      }
    }
  }

  addTotal(row: number, label: Cell): void {
    const cells = rowCells(this.table, row);
    const grid = this.table.grid[row];
    const pick = (col: number | undefined): NumberLiteral | undefined => {
      if (col === undefined) return undefined;
      const cell = grid[col];
      return cell && cell !== label && cell.row === row ? leadingNumber(cell) : undefined;
    };
    const byRole = (role: string) => pick(this.layout.columns.find((c) => c.role === role)?.index);
    const weights: (NumberLiteral | undefined)[] = [];
    for (const level of this.layout.levels) weights[level - 1] = pick(this.layout.weightCols.get(level));
    if (this.layout.leafWeightCol !== undefined) {
      // one shared 分值 column: its total is the sum over the leaves, i.e. the table's total
      weights[this.layout.levels[0] - 1] = pick(this.layout.leafWeightCol);
    }
    const labelSpan: TextSpan = spanOfCell(label);
    this.totals.push({
      label: labelSpan,
      weights,
      deduction: byRole('deduction'),
      score: byRole('score'),
      rate: byRole('rate'),
      range: { start: Math.min(...cells.map((c) => c.range.start)), end: Math.max(...cells.map((c) => c.range.end)) },
      ...(compact(label.text).includes('小计') ? { scope: this.subtotalScope() } : {}),
    });
    this.sinceTotal = [];
  }

  /** The uppermost of the indicators written since the last total row (their children are summed within them). */
  private subtotalScope(): string[] {
    const keys = new Set(this.sinceTotal.map((indicator) => indicator.key));
    return this.sinceTotal.filter((indicator) => !keys.has(indicator.parent)).map((indicator) => indicator.key);
  }

  indicators(): Indicator[] {
    return this.all.map(({ indicator, weights, nameWeight }) => {
      const written = weights.length > 0 ? weights : nameWeight ? [nameWeight] : [];
      if (written.length === 1) indicator.weight = written[0];
      else if (written.length > 1) indicator.weightParts = written;
      return indicator;
    });
  }
}

/** A 小计 of every root of the table (a section table of one 一级 ending in 小计) adds up the whole table. */
function wholeTableSubtotals(totals: TotalRow[], indicators: readonly Indicator[]): void {
  const keys = new Set(indicators.map((indicator) => indicator.key));
  const roots = indicators.filter((indicator) => !keys.has(indicator.parent)).map((indicator) => indicator.key);
  for (const row of totals) if (row.scope && roots.every((key) => row.scope!.includes(key))) delete row.scope;
}

/** Recognise `table` as an indicator table, or undefined when its headers do not say so. */
export function recognizeIndicatorTable(table: Table, text: string): IndicatorTable | undefined {
  const header = headerLayout(table);
  if (!header) return undefined;
  const layout = indicatorLayout(table, header);
  if (!qualifies(layout)) return undefined;
  const grid = spreadCollapsedRows(table, layout.columns, header.bodyStart, text);
  const builder = new IndicatorTableBuilder(grid, layout, text);
  for (let row = header.bodyStart; row < grid.grid.length; row++) {
    if (rowCells(grid, row).every((c) => c.text === '')) continue;
    if (isHeaderRow(grid, row) || isTitleRow(grid, row)) continue;
    const total = totalLabel(grid, row);
    if (total) builder.addTotal(row, total);
    else builder.addRow(row);
  }
  const indicators = builder.indicators();
  wholeTableSubtotals(builder.totals, indicators);
  const depth = indicators.reduce<IndicatorLevel>((d, i) => (i.level > d ? i.level : d), layout.levels[0]);
  return {
    tableIndex: table.index,
    caption: table.caption,
    depth,
    columns: layout.columns,
    indicators,
    totals: builder.totals,
    annex: isAnnex(table, header.title),
  };
}
