/**
 * Read-only derivations over indicator tables that the editor services share: the tree of a
 * table, the terms a total is the sum of, and number formatting. The rules decide what is wrong;
 * these helpers only recompute what a reader wants to see next to a number.
 */
import type Decimal from 'decimal.js';
import type { Indicator, IndicatorLevel, IndicatorTable, NumberLiteral, Range, TotalRow } from '../model/types';
import { perTable } from '../model/perTable';
import { Dec, roundHalfUp } from '../text/numbers';

export type ScoreField = 'score' | 'deduction';

export function contains(range: Range, offset: number): boolean {
  return range.start <= offset && offset < range.end;
}

export function intersects(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The indicators of `table` whose parent is not in the same table (level 1, or the top of a section table). */
export function rootsOf(table: IndicatorTable): Indicator[] {
  const keys = new Set(table.indicators.map((indicator) => indicator.key));
  return table.indicators.filter((indicator) => !keys.has(indicator.parent));
}

/**
 * Indicators of a table by key (the last one written wins), built once per table (model/perTable.ts):
 * childrenOf is called for every indicator of every table by rules and services, and rebuilding the
 * map per call made termsOf quadratic.
 */
const byKeyOf = perTable((table) => new Map(table.indicators.map((item) => [item.key, item])));

export function childrenOf(table: IndicatorTable, indicator: Indicator): Indicator[] {
  const byKey = byKeyOf(table);
  return indicator.children.map((key) => byKey.get(key)).filter((child): child is Indicator => child !== undefined);
}

/**
 * The written values an indicator's `field` adds up from: the deepest written values below it
 * (so a wrong parent does not hide the real sum), or its own value when nothing below is written.
 */
export function termsOf(table: IndicatorTable, indicator: Indicator, field: ScoreField): NumberLiteral[] {
  const below = childrenOf(table, indicator).flatMap((child) => termsOf(table, child, field));
  if (below.length > 0) return below;
  const own = indicator[field];
  return own ? [own] : [];
}

/** Terms of a parent's own sum (the children's deepest written values). Empty for a leaf. */
export function childTerms(table: IndicatorTable, indicator: Indicator, field: ScoreField): NumberLiteral[] {
  return childrenOf(table, indicator).flatMap((child) => termsOf(table, child, field));
}

export function totalTerms(table: IndicatorTable, field: ScoreField): NumberLiteral[] {
  return rootsOf(table).flatMap((root) => termsOf(table, root, field));
}

/** What a total row adds up: a 小计 the indicators of its scope, any other total row the table's roots. */
export function totalRowRoots(table: IndicatorTable, row: TotalRow): Indicator[] {
  if (!row.scope) return rootsOf(table);
  const byKey = byKeyOf(table);
  return row.scope.map((key) => byKey.get(key)).filter((indicator): indicator is Indicator => indicator !== undefined);
}

/** The written values a total row's `field` adds up from. */
export function totalRowTerms(table: IndicatorTable, row: TotalRow, field: ScoreField): NumberLiteral[] {
  return totalRowRoots(table, row).flatMap((root) => termsOf(table, root, field));
}

/** 分值 written at `level` within what a total row adds up (the whole table for a 合计). */
export function totalRowWeightTerms(table: IndicatorTable, row: TotalRow, level: IndicatorLevel): NumberLiteral[] {
  if (!row.scope) return weightTermsAtLevel(table, level);
  const roots = totalRowRoots(table, row);
  const within = (indicator: Indicator) => roots.some((root) => root.path.length <= indicator.path.length && root.path.every((name, i) => indicator.path[i] === name));
  return table.indicators.filter((indicator) => indicator.level === level && within(indicator)).flatMap(weightLiterals);
}

/** Every written 分值 literal of an indicator: the one cell, or each per-row part of a merged parent. */
export function weightLiterals(indicator: Indicator): NumberLiteral[] {
  return indicator.weight ? [indicator.weight] : indicator.weightParts;
}

/** 分值 written at `level` in the table. */
export function weightTermsAtLevel(table: IndicatorTable, level: IndicatorLevel): NumberLiteral[] {
  return table.indicators.filter((indicator) => indicator.level === level).flatMap(weightLiterals);
}

/** 分值 terms of a parent: its children's weights. */
export function childWeightTerms(table: IndicatorTable, indicator: Indicator): NumberLiteral[] {
  return childrenOf(table, indicator).flatMap(weightLiterals);
}

/** The 分值 value: written once, or the sum of its per-row parts. */
export function weightSum(indicator: Indicator): Decimal | undefined {
  const literals = weightLiterals(indicator);
  return literals.length > 0 ? sum(literals) : undefined;
}

export function sum(literals: readonly NumberLiteral[]): Decimal {
  return literals.reduce((acc, literal) => acc.plus(literal.value), new Dec(0));
}

/** The row's total of `field`, or of the 分值 at the shallowest level that has one. */
export function totalRowOf(table: IndicatorTable): TotalRow | undefined {
  // the last total row of the whole table is its 合计 (a 小计 adds up part of it)
  for (let i = table.totals.length - 1; i >= 0; i--) if (!table.totals[i].scope && (table.totals[i].score || table.totals[i].weights.some(Boolean))) return table.totals[i];
  return undefined;
}

export function totalWeightOf(table: IndicatorTable, row: TotalRow | undefined): Decimal | undefined {
  const written = row?.weights.find((weight) => weight !== undefined);
  if (written) return written.value;
  const roots = rootsOf(table).map(weightSum).filter((value): value is Decimal => value !== undefined);
  return roots.length > 0 ? roots.reduce((acc, value) => acc.plus(value), new Dec(0)) : undefined;
}

/** Decimals to compare a recomputed value with a literal: the literal's own, else the most among the terms. */
export function decimalsFor(literal: NumberLiteral | undefined, terms: readonly NumberLiteral[]): number {
  if (literal) return literal.decimals;
  return terms.reduce((max, term) => Math.max(max, term.decimals), 0);
}

/** Plain half-width text of a value at `decimals` places (四舍五入). */
export function formatAt(value: Decimal, decimals: number): string {
  return roundHalfUp(value, decimals).toFixed(Math.max(0, decimals));
}

/** The shortest exact text of a value (trailing zeros dropped), at most `max` decimals. */
export function formatNatural(value: Decimal, max = 4): string {
  return roundHalfUp(value, max).toFixed(Math.min(roundHalfUp(value, max).decimalPlaces(), max));
}

/** Does `value` round to the literal as written? */
export function agrees(value: Decimal, literal: NumberLiteral): boolean {
  return roundHalfUp(value, literal.decimals).eq(literal.value);
}

/** Plain text of a literal in half-width digits, for explanations. */
export function plain(literal: NumberLiteral): string {
  return formatAt(literal.value, literal.decimals);
}

/** A percentage of two values: 19.38 / 20 → "96.9". */
export function percent(part: Decimal, whole: Decimal, decimals = 2): string | undefined {
  if (whole.isZero()) return undefined;
  return formatNatural(part.div(whole).times(100), decimals);
}
