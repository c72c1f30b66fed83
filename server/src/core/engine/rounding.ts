/**
 * The one judgement every rule uses when a stated number differs from its recomputation:
 * is the difference a 四舍五入 artefact or a real calculation error?
 *
 * - 'ok': the stated literal equals the recomputed value at the precision compared.
 * - 'rounding': the difference is within tolerance × (number of rounded terms) AND it can be
 *   explained by rounding — the stated literal and every rounded term could each be the correct
 *   四舍五入 of some exact values that satisfy the identity. Seed example: 扣分 0.63 + 得分 1.88 =
 *   2.51 vs 分值 2.5 — 0.625 and 1.875 round to 0.63 and 1.88 and sum to 2.5.
 * - 'error': anything else.
 *
 * A term counts as "rounded" only when the rule knows the literal is a rounding of another value
 * (a computed 扣分, a 得分率). Displayed rows summed into a 合计 are NOT rounded terms: a table's
 * total is the sum of what the table shows, so 18.73 vs Σ rows 18.72 is an error.
 */
import type Decimal from 'decimal.js';
import type { NumberLiteral } from '../model/types';
import { Dec, roundHalfUp } from '../text/numbers';
import type { Localized } from './types';

export type Verdict = 'ok' | 'rounding' | 'error';

export interface RoundingQuestion {
  /** The literal as written in the report. */
  stated: Pick<NumberLiteral, 'value' | 'decimals'>;
  /** The exact recomputed value (from the other literals, unrounded). */
  exact: Decimal;
  /** How many terms of the recomputation are themselves roundings of exact values. */
  roundedTerms: number;
  /** Decimals the rounded terms were written with (half a unit of it is each term's rounding error). */
  termDecimals?: number;
  /** The stated literal is itself a rounding (a rate, a computed score) rather than an exact figure such as a 分值. */
  statedRounded?: boolean;
  /** Precision to compare at; default the literal's own decimals. Sums of literals pass the finest precision involved. */
  compareDecimals?: number;
  /** Allowed difference per rounded term (config.tolerance). */
  tolerance: Decimal | string;
}

export interface RoundingJudgement {
  verdict: Verdict;
  /** The recomputed value rounded to the compared precision (what the literal should read). */
  expected: Decimal;
  /** stated − exact. */
  difference: Decimal;
}

/** Half a unit of the last of `decimals` places: how far a figure rounded there may be from the exact one. */
export function halfUnit(decimals: number): Decimal {
  return new Dec(5).div(new Dec(10).pow(Math.max(0, decimals) + 1));
}

export function judgeRounding(question: RoundingQuestion): RoundingJudgement {
  const decimals = question.compareDecimals ?? question.stated.decimals;
  const expected = roundHalfUp(question.exact, decimals);
  const difference = question.stated.value.minus(question.exact);
  if (expected.eq(question.stated.value)) return { verdict: 'ok', expected, difference };
  const tolerance = new Dec(question.tolerance).times(question.roundedTerms);
  // The largest gap rounding alone can open: half a unit per rounded term, plus half a unit of
  // the stated literal when it is itself rounded.
  const termHalf = halfUnit(question.termDecimals ?? question.stated.decimals).times(question.roundedTerms);
  const explainable = termHalf.plus(question.statedRounded ? halfUnit(question.stated.decimals) : 0);
  const gap = difference.abs();
  const verdict: Verdict = question.roundedTerms > 0 && gap.lte(tolerance) && gap.lte(explainable) ? 'rounding' : 'error';
  return { verdict, expected, difference };
}

/** "舍入差异" / "计算错误", for messages. */
export function verdictLabel(verdict: Verdict): Localized {
  switch (verdict) {
    case 'rounding':
      return { zh: '舍入差异', en: 'rounding difference' };
    case 'error':
      return { zh: '计算错误', en: 'calculation error' };
    default:
      return { zh: '一致', en: 'consistent' };
  }
}

/** Could `literal` be the 四舍五入 of `exact`? (The exact value lies in the literal's rounding interval.) */
export function isRoundingOf(literal: Pick<NumberLiteral, 'value' | 'decimals'>, exact: Decimal): boolean {
  return roundHalfUp(exact, literal.decimals).eq(literal.value);
}

/** The interval [low, high) of exact values that round (half up) to `literal`. */
export function roundingInterval(literal: Pick<NumberLiteral, 'value' | 'decimals'>): { low: Decimal; high: Decimal } {
  const half = halfUnit(literal.decimals);
  return { low: literal.value.minus(half), high: literal.value.plus(half) };
}
