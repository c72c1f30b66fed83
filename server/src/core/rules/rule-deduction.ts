/**
 * rule-deduction — an indicator's 扣分/得分 must follow the scoring rule its own 评分标准 states.
 *
 * What: the rule parsed from the 评分标准 (model.indicatorRules) is applied to what the report
 * states about the indicator:
 * - element rules (要素法): the 扣分 is a whole number of failed elements × their share × 分值
 *   (0.625 written 0.63 or 0.62 is a rounding, not an error); when the 评分说明 says which share
 *   was deducted ("故扣除权重分 25%"), the 扣分 must be that share of the 分值; with fixed points
 *   per element ("①…,1分;②…,1分") the 得分 is the sum of the points of the elements met, and
 *   points that do not add up to the 分值 make the rule text itself inconsistent (info);
 * - per-point rules, each family: points or a percent of the 分值 per percentage point below the
 *   standard, per point above a threshold, per occurrence. A fractional shortfall (86.36% against
 *   90%) is read pro rata, rounded up and truncated; any reading that matches is accepted, and a
 *   mismatch names all three;
 * - ratio rules: 得分 = 分值 × completion ratio (capped at 分值 when the rule says 满分为止); with a
 *   target ("≥5%得满分，未达到的按比例计分"), 分值 at or above it and 分值 × ratio / target below;
 * - banded rules with (含) on either bound: 得分 = the band's points (or share of 分值).
 * The actual value comes from the formula the report writes for the indicator ("满意度…=86.36%").
 * Nothing is flagged when the rule, the actual value or the 分值 cannot be read unambiguously.
 * Why: "评价计分正确" is a scored item of the report review; a score that does not follow the
 * report's own rule is a scoring error.
 * Example: 重点支出安排率 86.07% with "80%(含)-90%,计4分" but 得分 5.
 * Fix: write the 扣分 (or 得分) the rule gives; preferred only when the rule leaves no doubt.
 */
import type Decimal from 'decimal.js';
import type { Formula, Indicator, IndicatorRule, NumberLiteral, ScoringRule } from '../model/types';
import { correctionFixes } from '../engine/fixes';
import { looseKeyOf } from '../engine/modelIndex';
import type { Localized, RelatedPlace, Rule, RuleContext, RuleFinding } from '../engine/types';
import { formatNatural, plain } from '../services/derive';
import { looseName, normalizeName } from '../text/normalize';
import { Dec, formatLike, naturalDecimals, scanNumbers } from '../text/numbers';
import { halfUnit } from '../engine/rounding';

/** What the report states for one indicator row. */
interface Stated {
  indicator: Indicator;
  weight: Decimal;
  /** The written 扣分, else 分值 − 得分. */
  deduction: Decimal;
  /** The literal a fix rewrites: the 扣分 when written, else the 得分. */
  literal: NumberLiteral;
  field: 'deduction' | 'score';
  /** Half a unit of the last written decimal: how far a rounded figure may be from the exact one. */
  slack: Decimal;
}

/** One way of applying the rule, and the 扣分 it gives. */
interface Reading {
  name: Localized;
  deduction: Decimal;
}

interface Verdict {
  readings: Reading[];
  /** Every reading agrees and the rule text leaves no room for another: an error, not a warning. */
  certain: boolean;
  /** How the rule was applied, with the numbers. */
  explain: Localized;
  /** The reading a fix writes (default: the one nearest to what the report states). */
  preferred?: Reading;
}

const PRO_RATA: Localized = { zh: '按比例折算', en: 'pro rata' };

/** The rule's own row: the occurrence whose 评分标准 the rule was read from. */
function ruleIndicator(context: RuleContext, rule: IndicatorRule): Indicator | undefined {
  const list = context.index.indicatorsByKey.get(rule.key) ?? [];
  const text = rule.rule.text.range;
  return list.find((indicator) => indicator.criterion && indicator.criterion.range.start <= text.start && text.end <= indicator.criterion.range.end) ?? list[0];
}

/** The 分值 of the row: written once; of per-row parts, the part the row's 扣分 + 得分 make up. */
function rowWeight(indicator: Indicator): Decimal | undefined {
  if (indicator.weight) return indicator.weight.value;
  const parts = indicator.weightParts;
  if (parts.length === 0) return undefined;
  const { deduction, score } = indicator;
  if (deduction && score) {
    const total = deduction.value.plus(score.value);
    return parts.find((part) => part.value.minus(total).abs().lte(halfUnit(Math.max(deduction.decimals, score.decimals)).times(2)))?.value;
  }
  return parts.every((part) => part.value.eq(parts[0].value)) ? parts[0].value : undefined;
}

function statedOf(indicator: Indicator): Stated | undefined {
  const weight = rowWeight(indicator);
  if (!weight) return undefined;
  if (indicator.deduction) {
    return { indicator, weight, deduction: indicator.deduction.value, literal: indicator.deduction, field: 'deduction', slack: halfUnit(indicator.deduction.decimals) };
  }
  if (indicator.score) {
    return { indicator, weight, deduction: weight.minus(indicator.score.value), literal: indicator.score, field: 'score', slack: halfUnit(indicator.score.decimals) };
  }
  return undefined;
}

/** The percentage the report computes for the indicator (its formula), when exactly one value is written. */
function actualOf(context: RuleContext, indicator: Indicator): { value: Decimal; formula: Formula } | undefined {
  const own = looseKeyOf(indicator.path);
  const explanation = indicator.explanation ? looseName(indicator.explanation.text) : undefined;
  const candidates = context.model.formulas.filter((formula) => {
    if (!formula.subjectKey || formula.result.unit !== '%') return false;
    const key = looseKeyOf(formula.subjectKey.split('/'));
    return key === own || key.startsWith(`${own}/`);
  });
  // several rows under one merged name: the 四级 name written in the row's 指标解释 picks the formula
  const named = explanation ? candidates.filter((formula) => formula.subjectKey!.split('/').map(looseName).pop() === explanation) : [];
  const chosen = named.length > 0 ? named : candidates;
  const values = new Set(chosen.map((formula) => formula.result.value.toString()));
  return values.size === 1 ? { value: chosen[0].result.value, formula: chosen[0] } : undefined;
}

/** The standard a per-point rule measures against: stated in the rule, else the row's 标杆值. */
function thresholdOf(rule: Extract<ScoringRule, { kind: 'per-point' }>, indicator: Indicator): Decimal | undefined {
  if (rule.threshold) return rule.threshold;
  const target = indicator.target ? scanNumbers(indicator.target.text).filter((literal) => literal.unit === '%') : [];
  return target.length === 1 ? target[0].value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Element rules

/** Every 扣分 a set of failed elements can give (each subset of shares), plus 0 and the whole 分值. */
function elementDeductions(shares: readonly Decimal[], weight: Decimal): Decimal[] {
  const out = new Map<string, Decimal>([['0', new Dec(0)], [weight.toString(), weight]]);
  if (shares.length > 12) return [...out.values()];
  for (let mask = 1; mask < 1 << shares.length; mask++) {
    let share = new Dec(0);
    shares.forEach((s, i) => {
      if (mask & (1 << i)) share = share.plus(s);
    });
    const value = share.times(weight);
    out.set(value.toString(), value);
  }
  return [...out.values()];
}

/** "故扣除权重分 25%", "扣除25%权重分", "扣除权重 1/3": shares the 评分说明 says were deducted. */
function statedShares(remark: string): Decimal[] {
  const shares: Decimal[] = [];
  for (let at = remark.indexOf('扣除'); at >= 0; at = remark.indexOf('扣除', at + 2)) {
    const window = remark.slice(at + 2, at + 12);
    const numbers = scanNumbers(window);
    const first = numbers[0];
    if (!first) continue;
    if (first.unit === '%' && /权重/u.test(window)) shares.push(first.value.div(100));
    else if (numbers[1] && window.slice(first.range.end, numbers[1].range.start).trim() === '/' && /权重/u.test(window) && !numbers[1].value.isZero()) {
      shares.push(first.value.div(numbers[1].value));
    }
  }
  return shares;
}

/** Fixed points per element ("①…,1分;②…,1分"), when every element has them. */
function pointsOf(rule: Extract<ScoringRule, { kind: 'element' }>): Decimal[] | undefined {
  return rule.points && rule.points.length === rule.elements ? rule.points : undefined;
}

function elementVerdict(rule: Extract<ScoringRule, { kind: 'element' }>, stated: Stated): Verdict | undefined {
  if (rule.elements < 1) return undefined;
  const points = pointsOf(rule);
  if (points) return pointsVerdict(points, stated);
  const shares = rule.shares && rule.shares.length === rule.elements ? rule.shares : Array.from({ length: rule.elements }, () => new Dec(1).div(rule.elements));
  const said = stated.indicator.remark ? statedShares(stated.indicator.remark.text) : [];
  const shareText = shares.map((share) => `${formatNatural(share.times(100), 2)}%`).join('、');
  if (said.length > 0) {
    const share = said.reduce((acc, s) => acc.plus(s), new Dec(0));
    const deduction = Dec.min(stated.weight, share.times(stated.weight));
    return {
      readings: [{ name: { zh: '评分说明所述', en: 'as the 评分说明 says' }, deduction }],
      certain: true,
      explain: {
        zh: `评分说明扣除权重分的 ${formatNatural(share.times(100), 2)}%，即 ${formatNatural(stated.weight, 2)} × ${formatNatural(share.times(100), 2)}% = ${formatNatural(deduction, 4)} 分`,
        en: `the 评分说明 deducts ${formatNatural(share.times(100), 2)}% of the weight: ${formatNatural(stated.weight, 2)} × ${formatNatural(share.times(100), 2)}% = ${formatNatural(deduction, 4)}`,
      },
    };
  }
  return {
    readings: elementDeductions(shares, stated.weight).map((deduction) => ({ name: { zh: '若干要素不符', en: 'some elements failed' }, deduction })),
    certain: false,
    explain: {
      zh: `${rule.elements} 条要素各占权重分 ${shareText}（分值 ${formatNatural(stated.weight, 2)}），扣分应为不符要素所占权重分之和`,
      en: `${rule.elements} elements weighing ${shareText} of ${formatNatural(stated.weight, 2)}; the deduction must be the sum for the failed elements`,
    },
  };
}

/** Every sum of a subset of `points` (the score of each set of elements met). */
function subsetSums(points: readonly Decimal[]): Decimal[] {
  const out = new Map<string, Decimal>([['0', new Dec(0)]]);
  for (const point of points) {
    for (const value of [...out.values()]) {
      const next = value.plus(point);
      out.set(next.toString(), next);
    }
  }
  return [...out.values()];
}

/** Fixed points per element: the 得分 is the sum of the points of the elements met (never above the 分值). */
function pointsVerdict(points: readonly Decimal[], stated: Stated): Verdict | undefined {
  if (points.length > 12) return undefined;
  const scores = subsetSums(points).map((score) => Dec.min(stated.weight, score));
  const pointsText = points.map((point) => formatNatural(point, 2)).join('、');
  return {
    readings: scores.map((score) => ({ name: { zh: '所符合要素的分值之和', en: 'points of the elements met' }, deduction: stated.weight.minus(score) })),
    certain: false,
    explain: {
      zh: `${points.length} 条要素各计 ${pointsText} 分（得分为所符合要素的分值之和）`,
      en: `${points.length} elements worth ${pointsText} points (the score is the sum for the elements met)`,
    },
  };
}

/** Σ fixed points ≠ 分值: the rule text itself does not add up (info, on the rule). */
function pointsTotalFinding(rule: IndicatorRule, indicator: Indicator): RuleFinding | undefined {
  const points = rule.rule.kind === 'element' ? pointsOf(rule.rule) : undefined;
  const weight = rowWeight(indicator);
  if (!points || !weight) return undefined;
  const total = points.reduce((acc, point) => acc.plus(point), new Dec(0));
  if (total.eq(weight)) return undefined;
  const name = normalizeName(indicator.name);
  const terms = points.map((point) => formatNatural(point, 2)).join(' + ');
  return {
    severity: 'info',
    message: {
      zh: `“${name}”评分标准各要素分值 ${terms} = ${formatNatural(total, 2)}，与该指标分值 ${formatNatural(weight, 2)} 不符，评分标准本身不一致。`,
      en: `"${name}": the scoring rule's element points ${terms} = ${formatNatural(total, 2)} do not add up to its weight ${formatNatural(weight, 2)}; the rule text is inconsistent.`,
    },
    range: rule.rule.text.range,
    related: indicator.weight ? [{ range: indicator.weight.range, label: { zh: `分值 ${plain(indicator.weight)}`, en: `weight ${plain(indicator.weight)}` } }] : [],
    fixes: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Per-point rules

function perPointVerdict(context: RuleContext, rule: Extract<ScoringRule, { kind: 'per-point' }>, stated: Stated): Verdict | undefined {
  const { weight } = stated;
  const perStep = rule.family === 'weight-percent' ? weight.times(rule.per).div(100) : rule.per;
  if (rule.family === 'per-occurrence') {
    const count = stated.deduction.div(perStep).toDecimalPlaces(0);
    return {
      readings: [{ name: { zh: `${count.toString()} 次`, en: `${count.toString()} occurrence(s)` }, deduction: Dec.min(weight, count.times(perStep)) }],
      certain: false,
      explain: {
        zh: `每出现一次扣 ${formatNatural(perStep, 4)} 分，扣分应为 ${formatNatural(perStep, 4)} 的整数倍`,
        en: `${formatNatural(perStep, 4)} per occurrence, so the deduction must be a multiple of it`,
      },
    };
  }
  const actual = actualOf(context, stated.indicator);
  const threshold = thresholdOf(rule, stated.indicator);
  if (!actual || !threshold || rule.step.isZero()) return undefined;
  const gap = Dec.max(0, rule.family === 'over-threshold' ? actual.value.minus(threshold) : threshold.minus(actual.value));
  const steps = gap.div(rule.step);
  const deduct = (n: Decimal): Decimal => Dec.min(weight, n.times(perStep));
  const readings: Reading[] = [
    { name: PRO_RATA, deduction: deduct(steps) },
    { name: { zh: '不足一档按一档计', en: 'rounded up' }, deduction: deduct(steps.ceil()) },
    { name: { zh: '不足一档不扣', en: 'truncated' }, deduction: deduct(steps.floor()) },
  ];
  const per = rule.family === 'weight-percent' ? `${formatNatural(weight, 2)} × ${formatNatural(rule.per, 2)}%` : `${formatNatural(rule.per, 2)} 分`;
  const direction = rule.family === 'over-threshold' ? { zh: '高于', en: 'above' } : { zh: '低于', en: 'below' };
  return {
    readings,
    preferred: readings[0],
    certain: steps.isInteger(),
    explain: {
      zh: `${plain(actual.formula.result)}% ${direction.zh}标准 ${formatNatural(threshold, 2)}% ${formatNatural(gap, 4)} 个百分点，每 ${formatNatural(rule.step, 2)} 个百分点扣 ${per}：按比例 ${formatNatural(readings[0].deduction, 4)}、进一 ${formatNatural(readings[1].deduction, 4)}、去尾 ${formatNatural(readings[2].deduction, 4)} 分`,
      en: `${plain(actual.formula.result)}% is ${formatNatural(gap, 4)} points ${direction.en} the standard ${formatNatural(threshold, 2)}%, ${per} per ${formatNatural(rule.step, 2)} point(s): pro rata ${formatNatural(readings[0].deduction, 4)}, rounded up ${formatNatural(readings[1].deduction, 4)}, truncated ${formatNatural(readings[2].deduction, 4)}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Ratio and band rules (they give a 得分; the 扣分 is 分值 − 得分)

function ratioVerdict(context: RuleContext, rule: Extract<ScoringRule, { kind: 'ratio' }>, stated: Stated): Verdict | undefined {
  const actual = actualOf(context, stated.indicator);
  if (!actual) return undefined;
  if (rule.target) return targetRatioVerdict(rule.target, actual, stated);
  const raw = stated.weight.times(actual.value).div(100);
  const score = rule.capped ? Dec.min(stated.weight, raw) : raw;
  return {
    readings: [{ name: PRO_RATA, deduction: stated.weight.minus(score) }],
    certain: false,
    explain: {
      zh: `得分 = 分值 ${formatNatural(stated.weight, 2)} × ${plain(actual.formula.result)}% = ${formatNatural(raw, 4)}${rule.capped && raw.gt(stated.weight) ? `，以满分 ${formatNatural(stated.weight, 2)} 为限` : ''}`,
      en: `score = ${formatNatural(stated.weight, 2)} × ${plain(actual.formula.result)}% = ${formatNatural(raw, 4)}${rule.capped && raw.gt(stated.weight) ? `, capped at ${formatNatural(stated.weight, 2)}` : ''}`,
    },
  };
}

/** "≥5%得满分，未达到的按比例计分": the full 分值 at or above the target, else 分值 × actual / target. */
function targetRatioVerdict(target: Decimal, actual: NonNullable<ReturnType<typeof actualOf>>, stated: Stated): Verdict {
  const reached = actual.value.gte(target);
  const score = reached ? stated.weight : stated.weight.times(actual.value).div(target);
  const rate = `${plain(actual.formula.result)}%`;
  return {
    readings: [{ name: PRO_RATA, deduction: stated.weight.minus(score) }],
    certain: reached,
    explain: reached
      ? { zh: `${rate} 达到 ${formatNatural(target, 2)}%，得满分 ${formatNatural(stated.weight, 2)}`, en: `${rate} reaches ${formatNatural(target, 2)}%: full ${formatNatural(stated.weight, 2)}` }
      : {
          zh: `得分 = 分值 ${formatNatural(stated.weight, 2)} × ${rate} / ${formatNatural(target, 2)}% = ${formatNatural(score, 4)}`,
          en: `score = ${formatNatural(stated.weight, 2)} × ${rate} / ${formatNatural(target, 2)}% = ${formatNatural(score, 4)}`,
        },
  };
}

function bandVerdict(context: RuleContext, rule: Extract<ScoringRule, { kind: 'band' }>, stated: Stated): Verdict | undefined {
  const actual = actualOf(context, stated.indicator);
  if (!actual) return undefined;
  const a = actual.value;
  const bands = rule.bands.filter(
    (band) =>
      (band.low === undefined || (band.lowInclusive ? a.gte(band.low) : a.gt(band.low))) &&
      (band.high === undefined || (band.highInclusive ? a.lte(band.high) : a.lt(band.high))),
  );
  const scores = bands
    .map((band) => band.points ?? (band.weightShare ? band.weightShare.times(stated.weight) : undefined))
    .filter((score): score is Decimal => score !== undefined);
  if (scores.length === 0) return undefined;
  const bound = (band: (typeof rule.bands)[number]): string =>
    `${band.low === undefined ? '' : `${formatNatural(band.low, 2)}%${band.lowInclusive ? '(含)' : ''}`}–${band.high === undefined ? '' : `${formatNatural(band.high, 2)}%${band.highInclusive ? '(含)' : ''}`}`;
  return {
    readings: scores.map((score) => ({ name: { zh: '所在档次', en: 'its band' }, deduction: stated.weight.minus(score) })),
    certain: scores.length === 1,
    explain: {
      zh: `${plain(actual.formula.result)}% 落在 ${bound(bands[0])} 档，计 ${formatNatural(scores[0], 2)} 分`,
      en: `${plain(actual.formula.result)}% falls in the ${bound(bands[0])} band, worth ${formatNatural(scores[0], 2)}`,
    },
  };
}

function verdictFor(context: RuleContext, rule: ScoringRule, stated: Stated): Verdict | undefined {
  switch (rule.kind) {
    case 'element':
      return elementVerdict(rule, stated);
    case 'per-point':
      return perPointVerdict(context, rule, stated);
    case 'ratio':
      return ratioVerdict(context, rule, stated);
    case 'band':
      return bandVerdict(context, rule, stated);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

function matches(stated: Stated, deduction: Decimal): boolean {
  return stated.deduction.minus(deduction).abs().lte(stated.slack);
}

/** Does the row, as stated, break a rule whose verdict leaves no doubt (what this rule reports as an error)? */
function breaksCertainly(context: RuleContext, rule: IndicatorRule, indicator: Indicator): boolean {
  const stated = statedOf(indicator);
  const verdict = stated ? verdictFor(context, rule.rule, stated) : undefined;
  return verdict !== undefined && verdict.certain && !verdict.readings.some((reading) => matches(stated!, reading.deduction));
}

/**
 * Would replacing the row's 扣分/得分 by these values turn a row that follows its own 评分标准 into
 * one that certainly does not? score-arithmetic asks before offering an alternative, so that
 * "扣分 + 得分 = 分值" is not restored by writing a deduction the scoring rule forbids.
 */
export function breaksOwnRule(context: RuleContext, indicator: Indicator, values: { deduction?: Decimal; score?: Decimal }): boolean {
  const replace = (literal: NumberLiteral | undefined, value: Decimal | undefined): NumberLiteral | undefined => (literal && value ? { ...literal, value } : literal);
  const changed: Indicator = { ...indicator, deduction: replace(indicator.deduction, values.deduction), score: replace(indicator.score, values.score) };
  return context.model.indicatorRules.some(
    (rule) => ruleIndicator(context, rule) === indicator && !breaksCertainly(context, rule, indicator) && breaksCertainly(context, rule, changed),
  );
}

function checkRule(context: RuleContext, rule: IndicatorRule): RuleFinding | undefined {
  const indicator = ruleIndicator(context, rule);
  const stated = indicator ? statedOf(indicator) : undefined;
  if (!indicator || !stated) return undefined;
  const verdict = verdictFor(context, rule.rule, stated);
  if (!verdict || verdict.readings.some((reading) => matches(stated, reading.deduction))) return undefined;
  const nearest = verdict.preferred ?? [...verdict.readings].sort((a, b) => a.deduction.minus(stated.deduction).abs().comparedTo(b.deduction.minus(stated.deduction).abs()))[0];
  const value = stated.field === 'deduction' ? nearest.deduction : stated.weight.minus(nearest.deduction);
  const fieldName = stated.field === 'deduction' ? { zh: '扣分', en: 'deduction' } : { zh: '得分', en: 'score' };
  const name = normalizeName(indicator.name);
  const decimals = Math.max(stated.literal.decimals, naturalDecimals(value, 2));
  const expected = formatLike(value, stated.literal, decimals);
  const related: RelatedPlace[] = [{ range: rule.rule.text.range, label: { zh: `评分标准“${name}”`, en: `scoring rule of "${name}"` } }];
  const actual = rule.rule.kind === 'element' ? undefined : actualOf(context, indicator);
  if (actual) related.push({ range: actual.formula.result.range, label: { zh: `${actual.formula.label || name} ${plain(actual.formula.result)}%`, en: `${actual.formula.label || name} ${plain(actual.formula.result)}%` } });
  // a row that writes both keeps 扣分 + 得分 = 分值: the 得分 changes with the 扣分
  const score = stated.field === 'deduction' && indicator.score && indicator.score.value.plus(stated.deduction).eq(stated.weight) ? indicator.score : undefined;
  const fixes = correctionFixes(context, [
    { literal: stated.literal, value, decimals },
    ...(score ? [{ literal: score, value: stated.weight.minus(value), decimals: Math.max(score.decimals, decimals) }] : []),
  ]);
  return {
    severity: verdict.certain ? 'error' : 'warning',
    message: {
      zh: `“${name}”${fieldName.zh} ${stated.literal.text} 与评分标准不符：${verdict.explain.zh}，${fieldName.zh}应为 ${expected}。`,
      en: `"${name}": the ${fieldName.en} ${stated.literal.text} does not follow its scoring rule: ${verdict.explain.en}; the ${fieldName.en} should be ${expected}.`,
    },
    range: stated.literal.range,
    related,
    fixes: verdict.certain ? fixes : fixes.map((fix) => ({ ...fix, preferred: false })),
  };
}

export const ruleDeduction: Rule = {
  id: 'rule-deduction',
  description: { zh: '扣分或得分不符合该指标自己的评分标准', en: 'A deduction or score does not follow the indicator’s own scoring rule' },
  defaultSeverity: 'warning',
  docs: {
    what: {
      zh: '把评分标准（要素法、每降低/超过一个百分点扣分、每出现一次扣分、按比例计分、分档计分）应用到报告所写的实际值上，与扣分/得分比较；小数差按舍入处理，百分点不足一档时按比例、进一、去尾三种读法均可接受；各要素固定计分（“①…,1分”）时得分应为所符合要素的分值之和，要素分值之和不等于指标分值时提示评分标准本身不一致（提示）。',
      en: 'Applies the 评分标准 (element shares, per-point deductions of each family, per-occurrence deductions, ratio scoring, bands with (含)) to the actual values the report states and compares the result with the 扣分/得分; rounding differences are accepted, and a fractional shortfall may be read pro rata, rounded up or truncated; with fixed points per element ("①…,1分") the score must be the points of the elements met, and points that do not add up to the weight make the rule text inconsistent (info).',
    },
    why: {
      zh: '“评价计分正确”是报告质量考核的扣分项；得分与报告自己的评分标准不符属于计分错误。',
      en: 'Correct scoring is a reviewed item; a score that does not follow the report’s own rule is a scoring error.',
    },
    example: '重点支出安排率 86.07%（评分标准“80%(含)-90%,计4分”），得分 **5**',
    fix: {
      zh: '改为按评分标准计算的扣分或得分；规则存在多种读法时只提供、不自动应用。',
      en: 'Writes the deduction or score the rule gives; when the rule can be read several ways the fix is offered but not applied automatically.',
    },
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const rule of context.model.indicatorRules) {
      const indicator = ruleIndicator(context, rule);
      const inconsistent = indicator ? pointsTotalFinding(rule, indicator) : undefined;
      if (inconsistent) findings.push(inconsistent);
      const finding = checkRule(context, rule);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
