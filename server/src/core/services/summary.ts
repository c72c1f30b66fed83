/**
 * The report's headline: its stated 总分 and 等级, and whether they agree with the total
 * recomputed from the level-1 scores and with the grade bands. Feeds the status bar and the
 * hover on a grade word.
 */
import type Decimal from 'decimal.js';
import type { Indicator, IndicatorTable, NumberLiteral, Range, ReportModel, TextSpan } from '../model/types';
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
  /** Total equals the recomputation and the grade word names the band the total falls in (in every project, when there are several). */
  consistent: boolean;
  /** A report of several projects: each project's own summary, titled by its section heading. */
  projects?: ProjectSummary[];
}

export interface ProjectSummary extends Omit<ReportSummary, 'isReport' | 'projects'> {
  title: string;
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

/** A written score, or the sum of the deepest written scores below an indicator that has none. */
export function scorePart(table: IndicatorTable, indicator: Indicator): Part | undefined {
  if (indicator.score) return partOf(indicator.score);
  const below = termsOf(table, indicator, 'score');
  if (below.length === 0) return undefined;
  const value = sum(below);
  return { text: formatAt(value, decimalsFor(undefined, below)), value };
}

export interface LevelOneSum {
  /** Where the parts were read: the full score table or a summary table. */
  source: 'scoreTable' | 'summaryTable';
  tableIndex: number;
  value: Decimal;
  parts: Part[];
}

function total(parts: Part[]): Decimal {
  return parts.reduce((acc, part) => acc.plus(part.value), new Dec(0));
}

/** Every way the report lets Σ of the level-1 scores be recomputed: the full score table first, then summary tables. */
export function levelOneSums(model: ReportModel): LevelOneSum[] {
  const sums: LevelOneSum[] = [];
  const full = fullTable(model);
  if (full) {
    const parts = rootsOf(full).map((root) => scorePart(full, root)).filter((part): part is Part => part !== undefined);
    if (parts.length > 0) sums.push({ source: 'scoreTable', tableIndex: full.tableIndex, value: total(parts), parts });
  }
  for (const table of model.summaryTables) {
    const parts = table.entries.flatMap((entry) => (entry.score ? [partOf(entry.score)] : []));
    if (parts.length > 0) sums.push({ source: 'summaryTable', tableIndex: table.tableIndex, value: total(parts), parts });
  }
  return sums;
}

/** The recomputation the status bar goes by: from the full score table, else from a summary table. */
export function levelOneSum(model: ReportModel): LevelOneSum | undefined {
  return levelOneSums(model)[0];
}

export function reportSummary(result: CheckResult): ReportSummary {
  const projects = result.parts?.flatMap((part): ProjectSummary[] => {
    if (!part.extent) return [];
    const { isReport: _isReport, ...own } = singleSummary({ model: part.model, config: result.config });
    const title = result.model.headings.find((heading) => heading.range.start === part.extent!.start)?.text ?? '';
    return [{ title, ...own }];
  });
  if (!projects || projects.length === 0) return singleSummary(result);
  return { isReport: true, consistent: projects.every((project) => project.consistent), projects };
}

/** The summary of a report of one project (or of one project's part). */
function singleSummary(result: Pick<CheckResult, 'model' | 'config'>): ReportSummary {
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
