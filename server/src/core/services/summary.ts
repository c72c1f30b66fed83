/**
 * The report's headline: its stated 总分 and 等级, and whether they agree with the total
 * recomputed from the level-1 scores and with the grade bands. Feeds the status bar and the
 * hover on a grade word.
 */
import type Decimal from 'decimal.js';
import type { IndicatorTable, NumberLiteral, Range, ReportModel, TextSpan } from '../model/types';
import type { CheckResult } from '../engine/check';
import { Dec } from '../text/numbers';
import { agrees, decimalsFor, formatAt, plain, rootsOf, sum, termsOf, totalRowOf, totalTerms } from './derive';
import { bandFor, bandsOf, sameGrade } from './grades';

export interface ReportSummary {
  /** Does the document look like a 绩效评价报告 at all (any score or summary table)? */
  isReport: boolean;
  total?: string;
  totalRange?: Range;
  /** Σ of the level-1 scores, written like the stated total. */
  recomputed?: string;
  grade?: string;
  gradeRange?: Range;
  /** The band of the stated total (of the recomputed one when no total is stated). */
  expectedGrade?: string;
  /** Total equals the recomputation and the grade word names the band the total falls in. */
  consistent: boolean;
}

/**
 * The score table covering the whole indicator system: its roots are level-1 indicators, it has
 * the most of them, and (on a tie) it states a total.
 */
export function fullTable(model: ReportModel): IndicatorTable | undefined {
  let best: IndicatorTable | undefined;
  let bestRoots = 0;
  for (const table of model.indicatorTables) {
    const roots = rootsOf(table);
    if (roots.length === 0 || roots.some((root) => root.level !== 1) || totalTerms(table, 'score').length === 0) continue;
    const better = roots.length > bestRoots || (roots.length === bestRoots && !totalRowOf(best!)?.score && totalRowOf(table)?.score);
    if (better) {
      best = table;
      bestRoots = roots.length;
    }
  }
  return best;
}

/** The first stated 总分: a prose claim about the whole report, a summary table's total, the full score table's 合计, a 自评表's 总分. */
export function statedTotal(model: ReportModel): NumberLiteral | undefined {
  const claim = model.claims.find((item) => item.subject.kind === 'report' && item.field === 'score' && item.literal);
  if (claim?.literal) return claim.literal;
  const summary = model.summaryTables.find((table) => table.total?.score);
  if (summary?.total?.score) return summary.total.score;
  const full = fullTable(model);
  return (full && totalRowOf(full)?.score) ?? model.selfEvalTables.find((table) => table.statedTotal)?.statedTotal;
}

export function statedGrade(model: ReportModel): TextSpan | undefined {
  return model.claims.find((item) => item.field === 'grade' && item.label && item.subject.kind === 'report')?.label
    ?? model.claims.find((item) => item.field === 'grade' && item.label)?.label;
}

/** One addend of a recomputed total: a written score, or the sum below an indicator that has none. */
export interface Part {
  text: string;
  value: Decimal;
}

export function partOf(literal: NumberLiteral): Part {
  return { text: plain(literal), value: literal.value };
}

/**
 * Σ of the level-1 scores, from the full score table (a level-1 score as written, else the sum
 * below it), else from a summary table's rows.
 */
export function levelOneSum(model: ReportModel): { value: Decimal; parts: Part[] } | undefined {
  const full = fullTable(model);
  let parts: Part[];
  if (full) {
    parts = rootsOf(full).flatMap((root): Part[] => {
      if (root.score) return [partOf(root.score)];
      const below = termsOf(full, root, 'score');
      if (below.length === 0) return [];
      const value = sum(below);
      return [{ text: formatAt(value, decimalsFor(undefined, below)), value }];
    });
  } else {
    const summary = model.summaryTables.find((table) => table.entries.some((entry) => entry.score));
    parts = (summary?.entries ?? []).flatMap((entry) => (entry.score ? [partOf(entry.score)] : []));
  }
  return parts.length > 0 ? { value: parts.reduce((acc, part) => acc.plus(part.value), new Dec(0)), parts } : undefined;
}

export function reportSummary(result: CheckResult): ReportSummary {
  const { model, config } = result;
  const isReport = model.indicatorTables.length > 0 || model.summaryTables.length > 0 || model.selfEvalTables.length > 0;
  const total = statedTotal(model);
  const recomputed = levelOneSum(model);
  const grade = statedGrade(model);
  const basis = total?.value ?? recomputed?.value;
  const band = basis === undefined ? undefined : bandFor(bandsOf(model, config), basis);
  const decimals = total?.decimals ?? config.decimals;
  const totalOk = !total || !recomputed || agrees(recomputed.value, total);
  const gradeOk = !grade || !band || sameGrade(band, grade.text);
  return {
    isReport,
    total: total?.text,
    totalRange: total?.range,
    recomputed: recomputed && formatAt(recomputed.value, decimals),
    grade: grade?.text,
    gradeRange: grade?.range,
    expectedGrade: band?.label,
    consistent: totalOk && gradeOk,
  };
}
