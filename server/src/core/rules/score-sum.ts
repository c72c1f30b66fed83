/**
 * score-sum — roll-ups in every indicator table (散总一致).
 *
 * What: at every level, Σ children = parent for 分值, 扣分 and 得分 (a parent whose 分值 is written
 * per row counts the sum of its parts); every 合计/总分 row equals the sum of the rows it totals,
 * per level column (分值) and per 扣分/得分 column.
 * Why: "分值计算散总一致" is a scored item of the report-quality review; a total that is not the
 * sum of its rows is the most common arithmetic slip in these reports.
 * Example: 表 3-4 rows 6 + 6 + 3.27 + 3.45 = 18.72 but the 合计 row says 18.73.
 * Fix: write the recomputed sum (direct); the cascade fix also updates every number derived from
 * the corrected total (得分表, 得分率, the prose "实际得分 18.73 分", 总分, grade word).
 *
 * A total is the sum of what its table SHOWS, so a displayed row is never a "rounded term"; only a
 * row whose own 扣分 + 得分 ≠ 分值 by rounding (see score-arithmetic) is, and then the mismatch it
 * causes in the column total is reported as a rounding difference (info).
 */
import type Decimal from 'decimal.js';
import { perTable } from '../model/perTable';
import type { Indicator, IndicatorTable, NumberLiteral, SummaryEntry, TotalRow } from '../model/types';
import { sum, totalRowRoots, totalRowWeightTerms, weightLiterals, weightSum, type ScoreField } from '../services/derive';
import { agreesReadingRowsRight, roundedRowLiterals } from '../engine/contradictedRows';
import { correctLiteral, FIELD_NAMES, related, relatedLiteral, shortName } from '../engine/fixes';
import { childrenOf, childTermsBelow, hasPartialScores, isAmbiguous, looseKeyOfIndicator, occurrencesOf, parentOf, termsBelow, type ModelIndex } from '../engine/modelIndex';
import { statementsFor, statementsOf, tableLabel, totalRowSubject } from '../engine/quantities';
import { judgeRounding, verdictLabel } from '../engine/rounding';
import type { Localized, RelatedPlace, Rule, RuleContext, RuleFinding } from '../engine/types';
import { Dec, formatLike, naturalDecimals, roundHalfUp } from '../text/numbers';
import { breaksOwnRule } from './rule-deduction';

interface SumCheck {
  context: RuleContext;
  /** The table summed (a summary table has no indicators: nothing to name or skip). */
  table: Pick<IndicatorTable, 'tableIndex' | 'indicators'>;
  stated: NumberLiteral;
  terms: readonly NumberLiteral[];
  field: 'weight' | ScoreField;
  /** "表3-4 合计" / "表3-1“绩效目标”" */
  what: Localized;
  /** "各行之和" / "下级指标之和" */
  of: Localized;
  /** Loose key of the quantity the stated literal gives ('' = report), to cite places that agree. */
  subject?: string;
  rounded: ReadonlySet<number>;
  /** Score literals the model holds only in part (see `partialLiterals`). */
  partial: ReadonlySet<number>;
}

/** Score or deduction literals of rows whose scores the model holds only in part (see hasPartialScores). */
function partialLiterals(table: Pick<IndicatorTable, 'indicators'>): Set<number> {
  const partial = new Set<number>();
  for (const indicator of table.indicators.filter(hasPartialScores)) {
    if (indicator.score) partial.add(indicator.score.range.start);
    if (indicator.deduction) partial.add(indicator.deduction.range.start);
  }
  return partial;
}

function checkSum(check: SumCheck): RuleFinding | undefined {
  const { context, table, stated, terms, field } = check;
  if (terms.length === 0) return undefined;
  if (field !== 'weight' && terms.some((term) => check.partial.has(term.range.start))) return undefined;
  const exact = sum(terms);
  if (exact.eq(stated.value)) return undefined; // the common case, before any rounding judgement
  const decimals = Math.max(stated.decimals, ...terms.map((term) => term.decimals));
  const roundedTerms = terms.filter((term) => check.rounded.has(term.range.start)).length;
  const judgement = judgeRounding({ stated, exact, roundedTerms, termDecimals: decimals, compareDecimals: decimals, tolerance: context.config.tolerance });
  if (judgement.verdict === 'ok') return undefined;
  // the total is right and a row contradicts itself (扣分 + 得分 ≠ 分值): score-arithmetic reports the row
  if (field === 'score' && agreesReadingRowsRight(context.index, stated, terms)) return undefined;
  // written with the literal's decimals, widened only as far as the sum needs ("20" → "19.6", not "19.60")
  const written = Math.max(stated.decimals, naturalDecimals(exact, decimals));
  const expected = formatLike(exact, stated, written);
  const verdict = verdictLabel(judgement.verdict);
  const name = FIELD_NAMES[field];
  const label = tableLabel(context.model, table.tableIndex);
  const names = new Map(table.indicators.flatMap((indicator) => [indicator.weight, indicator.deduction, indicator.score, ...indicator.weightParts].filter(Boolean).map((literal) => [literal!.range.start, indicator.name])));
  const related: RelatedPlace[] = terms.map((term) => relatedLiteral(term, label, shortName(names.get(term.range.start) ?? '')));
  if (check.subject !== undefined) {
    const statements = statementsOf(context.model, context.index);
    for (const statement of statementsFor(statements, check.subject, field === 'weight' ? 'weight' : field)) {
      if (statement.literal.range.start !== stated.range.start && statement.literal.text === expected) related.push(relatedLiteral(statement.literal, statement.where));
    }
  }
  const rounding = judgement.verdict === 'rounding';
  return {
    message: {
      zh: `${check.what.zh}${name.zh} ${stated.text} 与${check.of.zh} ${expected} 不一致（${verdict.zh}）`,
      en: `${check.what.en} ${name.en} ${stated.text} differs from the ${check.of.en} ${expected} (${verdict.en})`,
    },
    range: stated.range,
    related,
    fixes: rounding ? [] : correctLiteral(context, stated, exact, written),
    rounding,
  };
}

/** What every sum check of one table shares. */
interface TableFacts {
  rounded: ReadonlySet<number>;
  partial: ReadonlySet<number>;
}

function parentChecks(context: RuleContext, table: IndicatorTable, facts: TableFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const label = tableLabel(context.model, table.tableIndex);
  const of = { zh: '下级指标之和', en: 'sum of its sub-indicators' };
  for (const indicator of table.indicators) {
    if (childrenOf(context.index, indicator).length === 0) continue;
    const what = { zh: `${label.zh}“${shortName(indicator.name)}”`, en: `${label.en} "${shortName(indicator.name)}"` };
    const subject = looseKeyOfIndicator(context.index, indicator);
    for (const field of ['deduction', 'score'] as const) {
      const stated = indicator[field];
      if (!stated) continue;
      const terms = childTermsBelow(context.index, indicator, field);
      const finding = checkSum({ context, table, stated, terms, field, what, of, subject, ...facts });
      if (!finding) continue;
      // the row's own 评分标准 backs the written value: then a child is the likelier error
      const backedByRule = finding.fixes.length > 0 && breaksOwnRule(context, indicator, { [field]: sum(terms) });
      out.push(backedByRule ? { ...finding, fixes: [] } : finding);
    }
    out.push(...weightCheck(context, table, indicator, what, of, facts));
  }
  return out;
}

/**
 * Can a parent's 分值 be rewritten to its children's sum without contradicting something else? Not
 * when it would fall below the row's own 得分, when it is a level-1 分值 of weights that add up to
 * the system total (weights), or when its places cannot be matched up (several tables score it):
 * which number is wrong cannot be told, so the finding stands without a fix.
 */
/**
 * Does the prose state the written 分值, itself ("分值为 35 分") or through a 得分率 that is a stated
 * 得分 over it ("得分33.02分，得分率94.34%")? Then a child row is the likelier error.
 */
function weightStatedInProse(context: RuleContext, subject: string, weight: Decimal): boolean {
  const statements = statementsOf(context.model, context.index);
  const claims = (field: 'weight' | 'score' | 'rate') => statementsFor(statements, subject, field).filter((statement) => statement.place === 'claim');
  if (claims('weight').some((statement) => statement.literal.value.eq(weight))) return true;
  if (weight.isZero()) return false;
  const scores = claims('score').map((statement) => statement.literal.value);
  return claims('rate').some(({ literal }) => scores.some((score) => roundHalfUp(score.div(weight).times(literal.unit === '%' ? 100 : 1), literal.decimals).eq(literal.value)));
}

function fixableWeight(context: RuleContext, indicator: Indicator, next: Decimal): boolean {
  // a 得分 above the new 分值, here or in a copy (the summary writes it, the annex not): a missing child is likelier
  if ([indicator, ...occurrencesOf(context.index, indicator)].some((copy) => copy.score !== undefined && copy.score.value.gt(next))) return false;
  const subject = looseKeyOfIndicator(context.index, indicator);
  if (isAmbiguous(context.index, subject)) return false;
  if (indicator.weight && weightStatedInProse(context, subject, indicator.weight.value)) return false;
  if (indicator.level !== 1) return true;
  const levelOne = context.index.levelOne.map((entry) => weightSum(entry.primary));
  const total = levelOne.reduce((acc: Decimal, value) => acc.plus(value ?? 0), new Dec(0));
  return !total.eq(context.config.totalWeight);
}

/**
 * Another table that writes this indicator with other children (a row lost or added in one of
 * them): the place that says so. No single 分值 fits both tables, and a cascade rewriting the
 * shared 分值 to one table's sum would break the other, so such a finding gets no fix.
 */
function disagreeingCopy(context: RuleContext, indicator: Indicator, childSum: Decimal): RelatedPlace | undefined {
  for (const other of occurrencesOf(context.index, indicator)) {
    if (other.tableIndex === indicator.tableIndex) continue;
    const children = childrenOf(context.index, other);
    if (children.length === 0 || children.some((child) => weightLiterals(child).length === 0)) continue;
    const otherSum = sum(children.flatMap(weightLiterals));
    if (otherSum.eq(childSum)) continue;
    const label = tableLabel(context.model, other.tableIndex);
    const name = shortName(other.name);
    return related(other.nameRange, `${label.zh}“${name}”下级指标之和 ${otherSum.toString()}`, `${label.en} "${name}": its sub-indicators add up to ${otherSum.toString()}`);
  }
  return undefined;
}

/**
 * Does a sum that holds now count this 分值: with its siblings in the nearest ancestor that has
 * other children (a parent with this one child only repeats its 分值), or at its level of a total row?
 */
function confirmedAbove(context: RuleContext, table: IndicatorTable, indicator: Indicator): boolean {
  let parent = parentOf(context.index, indicator);
  while (parent && childrenOf(context.index, parent).length === 1) parent = parentOf(context.index, parent);
  const siblings = parent ? childrenOf(context.index, parent) : [];
  const parentWeight = parent && weightSum(parent);
  if (parentWeight && siblings.every((sibling) => weightLiterals(sibling).length > 0) && sum(siblings.flatMap(weightLiterals)).eq(parentWeight)) return true;
  return table.totals.some((row) => row.weights[indicator.level - 1]?.value.eq(sum(totalRowWeightTerms(table, row, indicator.level))) ?? false);
}

/**
 * A parent's 分值 vs its children's: written once, or as per-row parts (then compared as a sum, no fix).
 * The fix rewrites the parent only when that breaks no sum that holds now: when the 分值 agrees
 * with its parent or the total row, a missing child is the likelier error.
 */
function weightCheck(context: RuleContext, table: IndicatorTable, indicator: Indicator, what: Localized, of: Localized, facts: TableFacts): RuleFinding[] {
  const children = childrenOf(context.index, indicator);
  if (children.some((child) => weightLiterals(child).length === 0)) return [];
  const terms = children.flatMap(weightLiterals);
  if (indicator.weight) {
    const finding = checkSum({ context, table, stated: indicator.weight, terms, field: 'weight', what, of, subject: looseKeyOfIndicator(context.index, indicator), ...facts });
    if (!finding) return [];
    const disagreement = disagreeingCopy(context, indicator, sum(terms));
    if (disagreement) return [{ ...finding, related: [...finding.related, disagreement], fixes: [] }];
    const fixable = fixableWeight(context, indicator, sum(terms)) && !confirmedAbove(context, table, indicator);
    return [fixable ? finding : { ...finding, fixes: [] }];
  }
  const parts = indicator.weightParts;
  if (parts.length === 0 || sum(parts).eq(sum(terms))) return [];
  const label = tableLabel(context.model, table.tableIndex);
  return [
    {
      message: {
        zh: `${what.zh}分值各部分之和 ${sum(parts).toString()} 与${of.zh} ${sum(terms).toString()} 不一致（计算错误）`,
        en: `${what.en} weight parts add up to ${sum(parts).toString()}, the ${of.en} is ${sum(terms).toString()} (calculation error)`,
      },
      range: parts[0].range,
      related: [...parts.slice(1), ...terms].map((literal) => relatedLiteral(literal, label)),
      fixes: [],
    },
  ];
}

/**
 * Does another level of the same total row write this 分值 with its rows adding up to it? Then the
 * rows missing at this level are the likelier error, and rewriting the total (with its copies at
 * the other levels) would break the sums that hold.
 */
function confirmedByOtherLevel(table: IndicatorTable, row: TotalRow, stated: NumberLiteral): boolean {
  return row.weights.some((other, i) => other !== undefined && other !== stated && other.value.eq(stated.value) && sum(totalRowWeightTerms(table, row, (i + 1) as 1 | 2 | 3 | 4)).eq(other.value));
}

function totalChecks(context: RuleContext, table: IndicatorTable, row: TotalRow, facts: TableFacts): RuleFinding[] {
  // a 小计 of several indicators is checked, though it stands for no quantity the prose could restate
  const subject = totalRowSubject(table, row);
  if (subject === undefined && !row.scope) return [];
  const label = tableLabel(context.model, table.tableIndex);
  const what = { zh: `${label.zh} ${row.label.text}`, en: `${label.en} ${row.label.text} row` };
  const of = { zh: '各行之和', en: 'sum of its rows' };
  const out: RuleFinding[] = [];
  const roots = totalRowRoots(table, row);
  for (const field of ['deduction', 'score'] as const) {
    const stated = row[field];
    if (!stated) continue;
    const terms = roots.flatMap((root) => termsBelow(context.index, root, field));
    const finding = checkSum({ context, table, stated, terms, field, what, of, subject, ...facts });
    if (finding) out.push(finding);
  }
  row.weights.forEach((stated, i) => {
    if (!stated) return;
    const level = (i + 1) as 1 | 2 | 3 | 4;
    const levelWhat = { zh: `${what.zh}（${level}级）`, en: `${what.en} (level ${level})` };
    const finding = checkSum({ context, table, stated, terms: totalRowWeightTerms(table, row, level), field: 'weight', what: levelWhat, of, subject, ...facts });
    if (finding) out.push(confirmedByOtherLevel(table, row, stated) ? { ...finding, fixes: [] } : finding);
  });
  return out;
}

/**
 * Σ of the entries' 得分 with each entry read as its detail gives it (the section table's rows),
 * when every entry has a detail. A 合计 that agrees with it is right: the wrong entry is the error,
 * and summary-vs-detail reports it.
 */
function detailTotal(context: RuleContext, entries: readonly SummaryEntry[]): Decimal | undefined {
  let total = new Dec(0);
  for (const entry of entries) {
    const levelOne = context.index.levelOne.find((candidate) => candidate.summary.some((item) => item.entry === entry));
    if (!levelOne || isAmbiguous(context.index, levelOne.looseKey)) return undefined;
    const terms = termsBelow(context.index, levelOne.primary, 'score');
    if (terms.length === 0) return undefined;
    total = total.plus(sum(terms));
  }
  return total;
}

/** Σ of the summary table's entries vs its 合计 (权重 and 得分). */
function summaryChecks(context: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const table of context.model.summaryTables) {
    const total = table.total;
    if (!total) continue;
    const label = tableLabel(context.model, table.tableIndex);
    for (const field of ['weight', 'score'] as const) {
      const stated = total[field];
      const terms = table.entries.map((entry) => entry[field]);
      if (!stated || terms.some((term) => !term)) continue;
      if (field === 'score' && detailTotal(context, table.entries)?.eq(stated.value)) continue;
      const what = { zh: `${label.zh} ${total.name.text}`, en: `${label.en} ${total.name.text}` };
      const finding = checkSum({ context, table: { tableIndex: table.tableIndex, indicators: [] }, stated, terms: terms as NumberLiteral[], field, what, of: { zh: '各项之和', en: 'sum of its entries' }, subject: '', rounded: new Set(), partial: new Set() });
      if (finding) out.push(finding);
    }
  }
  return out;
}

/**
 * Does every sum this rule checks in the table hold exactly? Then the table yields no finding,
 * whatever the rest of the report says. The answer depends on the table alone, so it is memoised
 * per table (model/perTable.ts): a keystroke elsewhere re-checks only the tables that do not add up.
 */
const addsUp = perTable((table: IndicatorTable, index: ModelIndex) => everySumHolds(index, table));

function holds(stated: NumberLiteral | undefined, terms: readonly NumberLiteral[]): boolean {
  return !stated || terms.length === 0 || sum(terms).eq(stated.value);
}

/** Mirrors parentChecks, weightCheck and totalChecks: false wherever one of them could report. */
function everySumHolds(index: ModelIndex, table: IndicatorTable): boolean {
  for (const indicator of table.indicators) {
    const children = childrenOf(index, indicator);
    if (children.length === 0) continue;
    for (const field of ['deduction', 'score'] as const) if (!holds(indicator[field], childTermsBelow(index, indicator, field))) return false;
    if (children.some((child) => weightLiterals(child).length === 0)) continue;
    const terms = children.flatMap(weightLiterals);
    if (indicator.weight ? !holds(indicator.weight, terms) : indicator.weightParts.length > 0 && !sum(indicator.weightParts).eq(sum(terms))) return false;
  }
  for (const row of table.totals) {
    const roots = totalRowRoots(table, row);
    for (const field of ['deduction', 'score'] as const) if (!holds(row[field], roots.flatMap((root) => termsBelow(index, root, field)))) return false;
    for (let i = 0; i < row.weights.length; i++) if (!holds(row.weights[i], totalRowWeightTerms(table, row, (i + 1) as 1 | 2 | 3 | 4))) return false;
  }
  return true;
}

export const scoreSum: Rule = {
  id: 'score-sum',
  description: { zh: '评分表各级分值、扣分、得分及合计行的汇总一致性', en: 'Roll-ups of weights, deductions and scores at every level and in total rows' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '每个指标表中，下级指标的分值、扣分、得分之和等于上级指标；合计/总分/小计行等于其所汇总各行之和（分值按各级列分别核对）；得分汇总表的合计等于各项之和。',
      en: 'In every indicator table, children add up to their parent (weight, deduction, score); 合计/总分/小计 rows equal the sum of the rows they total (weights per level column); a summary table total equals the sum of its entries.',
    },
    why: {
      zh: '“分值计算散总一致”是报告质量考核的评分项，合计与各行之和不符是最常见的计算错误。',
      en: 'Totals that match their parts are a scored item of the report-quality review; a total that is not the sum of its rows is the most common slip.',
    },
    example: '| 满意度指标 | 4 | … | 3.27 |\n| | 4 | … | 3.45 |\n| 合计 | 20 | … | 18.73 |   ← 6 + 6 + 3.27 + 3.45 = 18.72',
    fix: {
      zh: '直接修复改为重新计算的合计；级联修复同时更新依赖该数字的汇总表、得分率、正文“实际得分”、总分和评级。上级分值与其上级或合计行一致（更可能缺少下级指标）、上级得分或扣分符合其本身的评分标准、或两个表所列下级指标不同时，不提供修复。',
      en: 'The direct fix writes the recomputed sum; the cascade fix also updates the summary table, rates, prose copies, the report total and the grade word. No fix is offered when a parent 分值 agrees with the sums above it (a missing child is likelier), when a parent’s 得分 or 扣分 follows its own scoring rule, or when two tables list different children.',
    },
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const table of context.model.indicatorTables) {
      if (addsUp(table, context.index)) continue;
      const facts: TableFacts = { rounded: roundedRowLiterals(table), partial: partialLiterals(table) };
      out.push(...parentChecks(context, table, facts));
      for (const row of table.totals) out.push(...totalChecks(context, table, row, facts));
    }
    out.push(...summaryChecks(context));
    return out;
  },
};
