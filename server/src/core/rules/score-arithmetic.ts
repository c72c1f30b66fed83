/**
 * score-arithmetic — one indicator row on its own: 0 ≤ 得分 ≤ 分值, 0 ≤ 扣分 ≤ 分值, 扣分 + 得分 = 分值.
 *
 * What: in every indicator table row (section tables and the annex 评分表), the score and the
 * deduction lie within the indicator's 分值 and are never negative, and 扣分 + 得分 = 分值.
 * Why: 得分 above 分值 or a negative score is impossible; a deduction and a score that do not
 * add up to the weight mean one of them was mistyped — unless both are 四舍五入 of exact values.
 * Example: annex 制度执行有效性 分值 2.5, 扣分 0.63, 得分 1.88 → 2.51 (rounding difference: exact
 * 0.625 / 1.875 round to 0.63 / 1.88).
 * Fix: two alternatives — change the 扣分 (0.62) or the 得分 (1.87). The preferred one changes the
 * cell whose corrected value the prose states ("扣分 1.75 分，得分 5.25 分" against 1.75 | 5.52), else
 * keeps the literal that other places repeat (the 得分 1.88 feeds the totals), so the totals stay right.
 * Totals, summaries and prose that agree with the row read as 分值 − 扣分 are not reported on their
 * own (engine/contradictedRows.ts): the row is the error.
 * When the row's own 评分标准 determines the 扣分 (rule-deduction), only the consistent one is offered.
 */
import type Decimal from 'decimal.js';
import { perTable } from '../model/perTable';
import { sum, totalRowTerms } from '../services/derive';
import type { Indicator, IndicatorTable, NumberLiteral } from '../model/types';
import { correctionFixes, FIELD_NAMES, relatedLiteral, shortName } from '../engine/fixes';
import { isAmbiguous, levelOneOfKey, looseKeyOf, looseKeyOfIndicator, termsBelow, type ModelIndex } from '../engine/modelIndex';
import { statementsFor, statementsOf, tableLabel } from '../engine/quantities';
import { halfUnit, judgeRounding, verdictLabel } from '../engine/rounding';
import type { Fix, Rule, RuleContext, RuleFinding, TextEdit } from '../engine/types';
import { formatLike, roundHalfUp } from '../text/numbers';
import { breaksOwnRule } from './rule-deduction';

const MINUS = new Set(['-', '－', '−', '负']);

function negative(text: string, literal: NumberLiteral): boolean {
  return MINUS.has(text[literal.range.start - 1] ?? '');
}

/** Is the same value written for this indicator's `field` in another table? (Then keep it.) */
function repeatedElsewhere(index: ModelIndex, indicator: Indicator, field: 'deduction' | 'score'): boolean {
  const own = indicator[field];
  if (!own) return false;
  const occurrences = index.indicatorsByLooseKey.get(looseKeyOf(indicator.path)) ?? [];
  return occurrences.some((other) => other !== indicator && other[field]?.value.eq(own.value));
}

/** Is the literal repeated anywhere else (a copy in another table, a prose claim) with its value? */
function statedElsewhere(context: RuleContext, indicator: Indicator, field: 'deduction' | 'score'): boolean {
  const own = indicator[field];
  if (!own) return false;
  const subject = looseKeyOfIndicator(context.index, indicator);
  return statementsFor(statementsOf(context.model, context.index), subject, field).some((statement) => statement.literal.range.start !== own.range.start && statement.literal.value.eq(own.value));
}

/** Does the prose state `value` as the indicator's `field`? */
function proseStates(context: RuleContext, indicator: Indicator, field: 'deduction' | 'score', value: Decimal): boolean {
  const subject = looseKeyOfIndicator(context.index, indicator);
  return statementsFor(statementsOf(context.model, context.index), subject, field).some((statement) => statement.place === 'claim' && statement.literal.value.eq(value));
}

function boundsChecks(context: RuleContext, table: IndicatorTable, indicator: Indicator): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const field of ['deduction', 'score'] as const) {
    const literal = indicator[field];
    if (!literal) continue;
    const isNegative = negative(context.model.text, literal);
    if (!isNegative && !(indicator.weight && literal.value.gt(indicator.weight.value))) continue;
    const label = tableLabel(context.model, table.tableIndex);
    const name = shortName(indicator.name);
    const fieldName = FIELD_NAMES[field];
    if (isNegative) {
      out.push({
        message: { zh: `${label.zh}“${name}”${fieldName.zh}为负数（计算错误）`, en: `${label.en} "${name}" ${fieldName.en} is negative (calculation error)` },
        range: literal.range,
        related: [],
        fixes: [],
      });
    } else if (indicator.weight && literal.value.gt(indicator.weight.value)) {
      out.push({
        message: {
          zh: `${label.zh}“${name}”${fieldName.zh} ${literal.text} 超过分值 ${indicator.weight.text}（计算错误）`,
          en: `${label.en} "${name}" ${fieldName.en} ${literal.text} exceeds the weight ${indicator.weight.text} (calculation error)`,
        },
        range: literal.range,
        related: [relatedLiteral(indicator.weight, label, FIELD_NAMES.weight.zh)],
        fixes: [],
      });
    }
  }
  return out;
}

/**
 * Would the edits leave a 合计/小计 of the table that adds up now, and counts this literal, at odds
 * with its rows? (The cascade carries a change into the totals the tree recomputes; a total row of
 * a table of level-1 rows only is not always among them.)
 */
function breaksTotal(table: IndicatorTable, literal: NumberLiteral, field: 'deduction' | 'score', edits: readonly TextEdit[]): boolean {
  return table.totals.some((row) => {
    const stated = row[field];
    if (!stated || edits.some((edit) => edit.range.start === stated.range.start)) return false;
    const terms = totalRowTerms(table, row, field);
    return terms.some((term) => term.range.start === literal.range.start) && sum(terms).eq(stated.value);
  });
}

/**
 * One way of making the row add up: rewrite one cell, carrying the new value into what was computed
 * from it (totals, copies, prose; engine/cascade.ts), so that the alternative leaves no new
 * contradiction either. None when the change cannot be carried (a copy another table confirms).
 */
function alternative(context: RuleContext, table: IndicatorTable, literal: NumberLiteral, value: Decimal, decimals: number, field: 'deduction' | 'score', other: NumberLiteral, preferred: boolean): Fix[] {
  const carried = correctionFixes(context, [{ literal, value, decimals }]);
  const edits = (carried.find((fix) => fix.kind === 'cascade') ?? carried[0])?.edits;
  if (!edits || breaksTotal(table, literal, field, edits)) return [];
  const newText = formatLike(value, literal, decimals);
  const deduction = field === 'deduction' ? newText : other.text;
  const score = field === 'score' ? newText : other.text;
  return [{
    kind: 'alternative',
    title: {
      zh: `改${FIELD_NAMES[field].zh}：扣分 ${deduction} / 得分 ${score}`,
      en: `Change the ${FIELD_NAMES[field].en}: deduction ${deduction} / score ${score}`,
    },
    preferred,
    edits,
  }];
}

/**
 * For a level-1 row of a summary-like table: which of its cells the detail rows elsewhere (the
 * section or annex table's rows under that 一级) contradict. The 得分 when their sum is 分值 − 扣分
 * (within half a unit per rounded term) and not the written 得分; the 扣分 the other way round.
 */
function detailVerdict(context: RuleContext, indicator: Indicator, score: Decimal, scoreFromDeduction: Decimal, decimals: number): { wrong: 'score' | 'deduction'; sum: Decimal } | undefined {
  if (indicator.level !== 1) return undefined;
  const levelOne = levelOneOfKey(context.index, indicator.key);
  if (!levelOne || levelOne.primary === indicator || isAmbiguous(context.index, levelOne.looseKey)) return undefined;
  const terms = termsBelow(context.index, levelOne.primary, 'score');
  if (terms.length === 0 || (terms.length === 1 && terms[0] === levelOne.primary.score)) return undefined;
  const total = sum(terms);
  // each written term, and the row itself, may be half a unit off its exact value
  const slack = halfUnit(decimals).times(terms.length + 1);
  const near = (value: Decimal) => value.minus(total).abs().lte(slack);
  if (near(scoreFromDeduction) && !near(score)) return { wrong: 'score', sum: total };
  if (near(score) && !near(scoreFromDeduction)) return { wrong: 'deduction', sum: total };
  return undefined;
}

function sumCheck(context: RuleContext, table: IndicatorTable, indicator: Indicator): RuleFinding | undefined {
  const { weight, deduction, score } = indicator;
  if (!weight || !deduction || !score || negative(context.model.text, deduction) || negative(context.model.text, score)) return undefined;
  const decimals = Math.max(weight.decimals, deduction.decimals, score.decimals);
  const exact = deduction.value.plus(score.value);
  const judgement = judgeRounding({ stated: weight, exact, roundedTerms: 2, termDecimals: Math.max(deduction.decimals, score.decimals), compareDecimals: decimals, tolerance: context.config.tolerance });
  if (judgement.verdict === 'ok') return undefined;
  const [newDeduction, newScore] = [weight.value.minus(score.value), weight.value.minus(deduction.value)];
  // an alternative that breaks the row's own 评分标准 would trade this error for a rule-deduction one
  const deductionBreaksRule = breaksOwnRule(context, indicator, { deduction: roundHalfUp(newDeduction, decimals) });
  const scoreBreaksRule = breaksOwnRule(context, indicator, { score: roundHalfUp(newScore, decimals) });
  // Else change the cell whose corrected value the prose states ("扣分 1.75 分，得分 5.25 分" against a row
  // 1.75 | 5.52); else keep the literal other places repeat; else keep the score (it feeds the totals).
  const proseScore = proseStates(context, indicator, 'score', roundHalfUp(newScore, decimals));
  const proseDeduction = proseStates(context, indicator, 'deduction', roundHalfUp(newDeduction, decimals));
  // a level-1 summary row whose detail rows (another table) give 分值 − 扣分, not its 得分: only the 得分 is changed
  const detail = detailVerdict(context, indicator, score.value, roundHalfUp(newScore, decimals), decimals);
  // an alternative that keeps a number the prose or the detail contradicts would trade this finding for another
  // one; so would rounding away a literal that copies repeat (a rounding is no error to spread)
  const rounding = judgement.verdict === 'rounding';
  const keepDeduction = deductionBreaksRule || detail?.wrong === 'score' || (proseScore && !proseDeduction)
    || (rounding && statedElsewhere(context, indicator, 'deduction') && !statedElsewhere(context, indicator, 'score'));
  const keepScoreOnly = !keepDeduction && (scoreBreaksRule || detail?.wrong === 'deduction' || (proseDeduction && !proseScore)
    || (rounding && statedElsewhere(context, indicator, 'score') && !statedElsewhere(context, indicator, 'deduction')));
  const keepScore = keepDeduction
    ? false
    : keepScoreOnly || (proseScore !== proseDeduction ? proseDeduction : repeatedElsewhere(context.index, indicator, 'score') || !repeatedElsewhere(context.index, indicator, 'deduction'));
  const target = keepScore ? deduction : score;
  const fixes = [
    ...(keepDeduction ? [] : alternative(context, table, deduction, newDeduction, decimals, 'deduction', score, keepScore)),
    // the detail's own sum, when it is what contradicts the 得分 (a rounding of 分值 − 扣分 at most)
    ...(keepScoreOnly ? [] : alternative(context, table, score, detail?.wrong === 'score' ? detail.sum : newScore, decimals, 'score', deduction, !keepScore)),
  ];
  const label = tableLabel(context.model, table.tableIndex);
  const verdict = verdictLabel(judgement.verdict);
  const name = shortName(indicator.name);
  return {
    message: {
      zh: `${label.zh}“${name}”扣分 ${deduction.text} + 得分 ${score.text} = ${formatLike(exact, weight, decimals)}，与分值 ${weight.text} 不一致（${verdict.zh}）`,
      en: `${label.en} "${name}" deduction ${deduction.text} + score ${score.text} = ${formatLike(exact, weight, decimals)}, not the weight ${weight.text} (${verdict.en})`,
    },
    range: target.range,
    related: [relatedLiteral(keepScore ? score : deduction, label, keepScore ? '得分' : '扣分'), relatedLiteral(weight, label, '分值')],
    fixes,
    rounding: judgement.verdict === 'rounding',
  };
}

/**
 * Does every row of the table hold exactly (no negative, no 扣分/得分 above 分值, 扣分 + 得分 = 分值)?
 * Then the table yields no finding. The answer depends on the table alone (the minus sign read
 * before a literal is in its cell), so it is memoised per table (model/perTable.ts).
 */
const rowsAddUp = perTable((table: IndicatorTable, text: string) =>
  table.indicators.every(({ weight, deduction, score }) =>
    [deduction, score].every((literal) => !literal || (!negative(text, literal) && !(weight && literal.value.gt(weight.value)))) &&
    (!weight || !deduction || !score || deduction.value.plus(score.value).eq(weight.value))));

export const scoreArithmetic: Rule = {
  id: 'score-arithmetic',
  description: { zh: '单个指标的得分、扣分与分值的关系', en: 'Score, deduction and weight of one indicator' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '每个指标行：0 ≤ 得分 ≤ 分值，0 ≤ 扣分 ≤ 分值，扣分 + 得分 = 分值；四舍五入造成的差异单独报告为“舍入差异”（提示）。',
      en: 'Each indicator row: 0 ≤ score ≤ weight, 0 ≤ deduction ≤ weight, deduction + score = weight; differences explained by 四舍五入 are reported separately as rounding differences (info).',
    },
    why: {
      zh: '得分超过分值或为负数不可能成立；扣分与得分之和不等于分值说明其中一个数字写错（或未统一舍入）。',
      en: 'A score above the weight or below zero is impossible; a deduction and score that do not add up to the weight mean one of them is wrong (or was rounded independently).',
    },
    example: '| 制度执行有效性 | 2.5 | … | 0.63 | 1.88 |   ← 0.63 + 1.88 = 2.51 ≠ 2.5（舍入差异）',
    fix: {
      zh: '提供两个备选修复：改扣分（0.62）或改得分（1.87）；优先保留在其他位置重复出现、参与合计的数字。指标自身的评分标准确定扣分时，只提供与之相符的修复。',
      en: 'Two alternatives: change the deduction (0.62) or the score (1.87); the preferred one keeps the number repeated elsewhere and used in totals. When the indicator’s own scoring rule determines the deduction, only the alternative that follows it is offered.',
    },
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const table of context.model.indicatorTables) {
      if (rowsAddUp(table, context.model.text)) continue;
      for (const indicator of table.indicators) {
        const bounds = boundsChecks(context, table, indicator);
        out.push(...bounds);
        if (bounds.length > 0) continue;
        const finding = sumCheck(context, table, indicator);
        if (finding) out.push(finding);
      }
    }
    return out;
  },
};
