/**
 * The report's headline: its stated 总分 and 等级, and whether they agree with the total
 * recomputed from the level-1 scores and with the grade bands. Feeds the status bar and the
 * hover on a grade word.
 */
import type Decimal from 'decimal.js';
import type { NumberLiteral, Range, ReportModel, TextSpan } from '../model/types';
import type { CheckResult } from '../engine/check';
import { agrees, formatAt, rootsOf, sum, termsOf } from './derive';
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

/** The first stated 总分: a prose claim about the whole report, a summary table's total, a full score table's 合计. */
export function statedTotal(model: ReportModel): NumberLiteral | undefined {
  const claim = model.claims.find((item) => item.subject.kind === 'report' && item.field === 'score' && item.literal);
  if (claim?.literal) return claim.literal;
  const summary = model.summaryTables.find((table) => table.total?.score);
  if (summary?.total?.score) return summary.total.score;
  const levelOne = model.indicatorTables.filter((table) => rootsOf(table).every((root) => root.level === 1) && table.totals.some((row) => row.score));
  const full = levelOne.sort((a, b) => rootsOf(b).length - rootsOf(a).length)[0];
  return full?.totals.find((row) => row.score)?.score;
}

export function statedGrade(model: ReportModel): TextSpan | undefined {
  return model.claims.find((item) => item.field === 'grade' && item.label && item.subject.kind === 'report')?.label
    ?? model.claims.find((item) => item.field === 'grade' && item.label)?.label;
}

/** Σ of each level-1 indicator's score (written, or the sum below it), with the terms used. */
export function levelOneSum(result: Pick<CheckResult, 'model' | 'index'>): { value: Decimal; terms: NumberLiteral[] } | undefined {
  const terms: NumberLiteral[] = [];
  for (const key of result.index.levelOneKeys) {
    const occurrences = result.index.indicatorsByKey.get(key) ?? [];
    const written = occurrences.find((indicator) => indicator.score);
    if (written?.score) {
      terms.push(written.score);
      continue;
    }
    const first = occurrences[0];
    const table = first && result.model.indicatorTables.find((item) => item.tableIndex === first.tableIndex);
    if (!first || !table) return undefined;
    const below = termsOf(table, first, 'score');
    if (below.length === 0) return undefined;
    terms.push(...below);
  }
  return terms.length > 0 ? { value: sum(terms), terms } : undefined;
}

export function reportSummary(result: CheckResult): ReportSummary {
  const { model, config } = result;
  const isReport = model.indicatorTables.length > 0 || model.summaryTables.length > 0 || model.selfEvalTables.length > 0;
  const total = statedTotal(model);
  const recomputed = levelOneSum(result);
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
