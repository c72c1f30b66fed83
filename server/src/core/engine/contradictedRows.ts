/**
 * Rows that contradict themselves: a row whose 扣分 + 得分 ≠ 分值 (beyond rounding) is wrong in one
 * of its cells, and score-arithmetic reports it there. A number computed from such a row (a 合计,
 * a level-1 score, the prose that restates them) may be right while the row's 得分 is what was
 * mistyped (表3 制度执行有效性 7 − 1.75 = 5.25 written 5.52; the 合计 89.80 and the prose 5.25 are
 * right). `sumReadingRowsRight` gives the sum those rows would give with 得分 = 分值 − 扣分, so a
 * rule can tell "this number agrees with the table once its contradicted row is read right" from a
 * number that is wrong on its own.
 */
import type Decimal from 'decimal.js';
import type { Indicator, IndicatorTable, NumberLiteral } from '../model/types';
import { Dec, roundHalfUp } from '../text/numbers';
import { halfUnit } from './rounding';
import type { ModelIndex } from './modelIndex';

/** The indicator each written 得分 belongs to, per model index. */
const owners = new WeakMap<ModelIndex, Map<NumberLiteral, Indicator>>();

function ownerOf(index: ModelIndex, literal: NumberLiteral): Indicator | undefined {
  let map = owners.get(index);
  if (!map) {
    map = new Map();
    for (const table of index.tablesByIndex.values()) for (const indicator of table.indicators) if (indicator.score) map.set(indicator.score, indicator);
    owners.set(index, map);
  }
  return map.get(literal);
}

/** 分值 − 扣分 of a row whose written 得分 is not that (beyond the 得分's own rounding). */
export function scoreReadRight(indicator: Indicator | undefined): Decimal | undefined {
  if (!indicator?.score || !indicator.weight || !indicator.deduction) return undefined;
  const implied = indicator.weight.value.minus(indicator.deduction.value);
  const half = halfUnit(indicator.score.decimals);
  return implied.minus(indicator.score.value).abs().gt(half.times(2)) ? implied : undefined;
}

/** Σ terms with every contradicted row's 得分 read as 分值 − 扣分; undefined when no term is such a row. */
export function sumReadingRowsRight(index: ModelIndex, terms: readonly NumberLiteral[]): Decimal | undefined {
  let changed = false;
  let total = new Dec(0);
  for (const term of terms) {
    const right = scoreReadRight(ownerOf(index, term));
    if (right) changed = true;
    total = total.plus(right ?? term.value);
  }
  return changed ? total : undefined;
}

/** Does `stated` read as the sum of `terms` once their contradicted rows are read right? */
export function agreesReadingRowsRight(index: ModelIndex, stated: NumberLiteral, terms: readonly NumberLiteral[]): boolean {
  const right = sumReadingRowsRight(index, terms);
  return right !== undefined && roundHalfUp(right, stated.decimals).eq(stated.value);
}

/** Rows whose 扣分 + 得分 ≠ 分值 (any difference): their literals are roundings, not exact figures (by start offset). */
export function roundedRowLiterals(table: IndicatorTable): Set<number> {
  const rounded = new Set<number>();
  for (const indicator of table.indicators) {
    const { weight, deduction, score } = indicator;
    if (!weight || !deduction || !score) continue;
    if (!deduction.value.plus(score.value).eq(weight.value)) {
      rounded.add(deduction.range.start);
      rounded.add(score.range.start);
    }
  }
  return rounded;
}

const roundedByIndex = new WeakMap<ModelIndex, Set<number>>();

/** roundedRowLiterals of every table of the report. */
export function roundedLiterals(index: ModelIndex): Set<number> {
  let all = roundedByIndex.get(index);
  if (!all) {
    all = new Set();
    for (const table of index.tablesByIndex.values()) for (const start of roundedRowLiterals(table)) all.add(start);
    roundedByIndex.set(index, all);
  }
  return all;
}
