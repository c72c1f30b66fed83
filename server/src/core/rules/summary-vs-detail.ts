/**
 * summary-vs-detail — the same indicator carries the same numbers in every table.
 *
 * What: the 得分表 (summary table) entry of each level-1 indicator agrees with its section table
 * (权重 = the indicator's 分值, 得分 = the sum of its rows); every indicator repeated in another
 * table (the 表 1 framework, the annex 评分表) has the same 分值, and — for rows without sub-rows
 * there — the same 扣分 and 得分 as in its section table.
 * Why: reports copy numbers between the summary, the analysis sections and the annex; a correction
 * made in one place is easily missed in the others.
 * Example: 得分表 项目效益 18.73 while 表 3-4's rows add up to 18.72.
 * Fix: write the section table's (recomputed) value — unless the row's own 扣分 + 得分 = 分值, which
 * holds now, would break (its other cells agree with the old value).
 *
 * The section table's own 合计 is checked by score-sum against its rows; this rule compares the
 * OTHER places with the recomputed value, so one wrong literal is reported once.
 */
import type Decimal from 'decimal.js';
import type { Indicator, NumberLiteral, SummaryEntry } from '../model/types';
import { weightSum } from '../services/derive';
import { agreesReadingRowsRight } from '../engine/contradictedRows';
import { correctionFixes, FIELD_NAMES, related, shortName } from '../engine/fixes';
import type { LiteralChange } from '../engine/cascade';
import { childrenOf, hasPartialScores, isAmbiguous, looseKeyOfIndicator, levelOneOfKey, sumBelow, termsBelow, type LevelOneIndicator } from '../engine/modelIndex';
import { tableLabel } from '../engine/quantities';
import type { Localized, Rule, RuleContext, RuleFinding } from '../engine/types';
import { formatLike, naturalDecimals } from '../text/numbers';

type Field = 'weight' | 'deduction' | 'score';

/** The section table's value of an indicator's field: a weight as written, a score as the sum of its rows. */
function detailValue(context: RuleContext, indicator: Indicator, field: Field): Decimal | undefined {
  return field === 'weight' ? weightSum(indicator) : sumBelow(context.index, indicator, field);
}

/** A copied 得分 that differs from the detail only because a detail row contradicts itself (score-arithmetic reports the row). */
function rightAgainstContradictedRow(context: RuleContext, literal: NumberLiteral, source: Indicator, field: Field): boolean {
  return field === 'score' && agreesReadingRowsRight(context.index, literal, termsBelow(context.index, source, 'score'));
}

/**
 * `also`: further cells written from the same number — the entry's 得分率 when its table writes no
 * 分值 (a transposed 得分/得分率 summary), which the cascade cannot recompute from the entry itself.
 */
function mismatch(context: RuleContext, literal: NumberLiteral, value: Decimal, where: Localized, source: Indicator, field: Field, also: LiteralChange[] = []): RuleFinding {
  const decimals = Math.max(literal.decimals, naturalDecimals(value, 2));
  const expected = formatLike(value, literal, decimals);
  const sourceLabel = tableLabel(context.model, source.tableIndex);
  const name = FIELD_NAMES[field];
  const sourceLiteral = field === 'weight' ? source.weight : source[field];
  const relatedPlace = sourceLiteral && sourceLiteral.value.eq(value)
    ? related(sourceLiteral.range, `${sourceLabel.zh} ${sourceLiteral.text}`, `${sourceLabel.en} ${sourceLiteral.text}`)
    : related(source.nameRange, `${sourceLabel.zh}“${shortName(source.name)}” ${expected}`, `${sourceLabel.en} "${shortName(source.name)}" ${expected}`);
  return {
    message: {
      zh: `${where.zh}${name.zh} ${literal.text} 与${sourceLabel.zh}的 ${expected} 不一致`,
      en: `${where.en} ${name.en} ${literal.text} differs from ${sourceLabel.en} (${expected})`,
    },
    range: literal.range,
    related: [relatedPlace],
    fixes: correctionFixes(context, [{ literal, value, decimals }, ...also]),
  };
}

/** An indicator's 分值: written, else the sum of its children's. */
function treeWeight(context: RuleContext, indicator: Indicator): Decimal | undefined {
  const own = weightSum(indicator);
  if (own) return own;
  const children = childrenOf(context.index, indicator);
  const weights = children.map((child) => treeWeight(context, child));
  return children.length > 0 && weights.every((weight) => weight !== undefined) ? weights.reduce((acc, weight) => acc!.plus(weight!)) : undefined;
}

/** The entry's 得分率, recomputed with the detail's 分值, when the entry writes no 分值 of its own. */
function rateWithoutWeight(context: RuleContext, entry: SummaryEntry, source: Indicator, score: Decimal): LiteralChange[] {
  if (!entry.rate || entry.weight) return [];
  const weight = treeWeight(context, source);
  if (!weight || weight.isZero()) return [];
  const fraction = score.div(weight);
  return [{ literal: entry.rate, value: entry.rate.unit === '%' ? fraction.times(100) : fraction, decimals: entry.rate.decimals }];
}

function summaryChecks(context: RuleContext, levelOne: LevelOneIndicator): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const { table, entry } of levelOne.summary) {
    const where = { zh: `${tableLabel(context.model, table.tableIndex).zh}“${entry.name.text}”`, en: `${tableLabel(context.model, table.tableIndex).en} "${entry.name.text}"` };
    for (const field of ['weight', 'score'] as const) {
      const literal = entry[field];
      const value = detailValue(context, levelOne.primary, field);
      if (literal && value && !literal.value.eq(value) && !rightAgainstContradictedRow(context, literal, levelOne.primary, field)) {
        out.push(mismatch(context, literal, value, where, levelOne.primary, field, field === 'score' ? rateWithoutWeight(context, entry, levelOne.primary, value) : []));
      }
    }
  }
  return out;
}

function copyChecks(context: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const table of context.model.indicatorTables) {
    for (const indicator of table.indicators) {
      const levelOne = levelOneOfKey(context.index, indicator.key);
      if (!levelOne || levelOne.primary.tableIndex === table.tableIndex || isAmbiguous(context.index, levelOne.looseKey)) continue;
      const source = context.index.indicatorsByLooseKey
        .get(looseKeyOfIndicator(context.index, indicator))
        ?.find((candidate) => candidate.tableIndex === levelOne.primary.tableIndex);
      if (!source) continue;
      const leaf = childrenOf(context.index, indicator).length === 0;
      const label = tableLabel(context.model, table.tableIndex);
      const where = { zh: `${label.zh}“${shortName(indicator.name)}”`, en: `${label.en} "${shortName(indicator.name)}"` };
      for (const field of ['weight', 'deduction', 'score'] as const) {
        if (field !== 'weight' && (!leaf || hasPartialScores(indicator) || hasPartialScores(source))) continue; // a parent's sum is score-sum's concern
        const literal = indicator[field];
        const value = detailValue(context, source, field);
        if (!literal || !value || literal.value.eq(value) || rightAgainstContradictedRow(context, literal, source, field)) continue;
        const finding = mismatch(context, literal, value, where, source, field);
        out.push(breaksRow(indicator, field, value) ? { ...finding, fixes: [] } : finding);
      }
    }
  }
  return out;
}

type RowValues = Partial<Record<Field, Decimal>>;

/** 扣分 + 得分 = 分值 (or 得分 ≤ 分值 when no 扣分 is written): the row's own arithmetic. */
function rowHolds(row: RowValues): boolean {
  if (!row.weight || !row.score) return false;
  return row.deduction ? row.deduction.plus(row.score).eq(row.weight) : row.score.lte(row.weight);
}

/**
 * Would writing the copy's value into this row break the row's own arithmetic, which holds now?
 * Then the row's other numbers agree with the old value: correcting the one cell alone would trade
 * this finding for a score-arithmetic error, so the finding stands without a fix.
 */
function breaksRow(indicator: Indicator, field: Field, value: Decimal): boolean {
  const row: RowValues = { weight: indicator.weight?.value, deduction: indicator.deduction?.value, score: indicator.score?.value };
  return rowHolds(row) && !rowHolds({ ...row, [field]: value });
}

export const summaryVsDetail: Rule = {
  id: 'summary-vs-detail',
  description: { zh: '汇总表、框架表、附件与各节评分表的数字一致', en: 'Summary table, framework and annex agree with the section tables' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '得分汇总表中每个一级指标的权重和得分与其所在章节评分表一致（得分取各行之和）；在框架表、附件评分表中重复出现的指标，分值、扣分、得分与章节评分表一致。',
      en: 'Each level-1 entry of the summary table has the weight and score of its section table (score = sum of its rows); indicators repeated in the framework or annex tables have the same weight, deduction and score as in their section table.',
    },
    why: {
      zh: '报告在汇总表、分析章节和附件之间复制数字，修改一处容易漏改其他处。',
      en: 'Numbers are copied between the summary, the analysis sections and the annex; a correction in one place is easily missed elsewhere.',
    },
    example: '得分表：| 分值 | … | 18.73 |   ← 表 3-4 各行之和 18.72',
    fix: {
      zh: '改为章节评分表中（重新计算）的数值；改后该行扣分 + 得分 ≠ 分值时不提供修复。',
      en: "Write the section table's (recomputed) value; not offered when it would break the row's own deduction + score = weight.",
    },
  },
  check(context) {
    // several projects in one document: their tables cannot be paired, so nothing is compared
    const levelOne = context.index.levelOne.filter((entry) => !isAmbiguous(context.index, entry.looseKey));
    return [...levelOne.flatMap((entry) => summaryChecks(context, entry)), ...copyChecks(context)];
  },
};
