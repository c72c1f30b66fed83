/**
 * claim-vs-table — what the prose says about an indicator's (or the report's) 分值, 扣分, 得分 and
 * 得分率 must be what its tables give.
 *
 * What: every prose claim ("该指标满分 2.5 分，扣分 0.63 分，得分 1.88 分", "分值为 20 分，实际得分
 * 18.72 分", "总分 95.18 分") is compared with its subject's value RECOMPUTED from the tables: a
 * 分值 as written (or the sum of its per-row parts), a 扣分/得分 as the sum of the rows below it
 * (so a claim that repeats a wrong 合计 is still flagged), a 得分率 as 得分/分值, the report total
 * as the sum of the level-1 scores. The section table is the source; the annex 评分表 is used for
 * what the section table does not write (扣分).
 * Why: the prose is what readers quote; a 满分 that is really the 扣分, or a level-1 score copied
 * from a 合计 row that does not add up, contradicts the report's own tables.
 * Example: "该指标满分 0.63 分，得分 1.88 分" for 制度执行有效性 (分值 2.5, 扣分 0.63).
 * Fix: write the table's value in place of the claimed one (written like the table writes it).
 */
import type Decimal from 'decimal.js';
import type { Claim, Indicator, NumberLiteral } from '../model/types';
import { agreesReadingRowsRight, roundedLiterals } from '../engine/contradictedRows';
import { scoredBySelfEvalOnly } from '../engine/dependencies';
import { correctLiteral, FIELD_NAMES, relatedLiteral, shortName } from '../engine/fixes';
import { isAmbiguous, levelOneOfKey, termsBelow } from '../engine/modelIndex';
import { claimSubjectKey, statementsFor, statementsOf, type QuantityField } from '../engine/quantities';
import { judgeRounding, verdictLabel } from '../engine/rounding';
import type { Localized, RelatedPlace, Rule, RuleContext, RuleFinding } from '../engine/types';
import { sum, weightLiterals, weightSum } from '../services/derive';
import { Dec, formatLike } from '../text/numbers';

/** A recomputed value with the literals it was computed from. */
interface Value {
  value: Decimal;
  terms: NumberLiteral[];
  /** Terms that are themselves roundings (a 得分 used to derive a 扣分). */
  roundedTerms: number;
  decimals: number;
  source?: Indicator;
  /** How a value no table writes was derived ("分值 2.5 − 得分 1.88"), for the message. */
  derivation?: Localized;
}

function maxDecimals(terms: readonly NumberLiteral[]): number {
  return terms.reduce((max, term) => Math.max(max, term.decimals), 0);
}

/** The occurrences of a subject, the level-1 primary table's first, then other section tables, then the annex. */
function occurrences(context: RuleContext, subject: string): Indicator[] {
  const all = context.index.indicatorsByLooseKey.get(subject) ?? [];
  const primaryTable = levelOneOfKey(context.index, subject)?.primary.tableIndex;
  const rank = (indicator: Indicator): number =>
    indicator.tableIndex === primaryTable ? 0 : context.index.tablesByIndex.get(indicator.tableIndex)?.annex ? 2 : 1;
  return [...all].sort((a, b) => rank(a) - rank(b));
}

function summed(context: RuleContext, indicator: Indicator, field: 'deduction' | 'score'): Value | undefined {
  const terms = termsBelow(context.index, indicator, field);
  if (terms.length === 0) return undefined;
  // a row whose 扣分 + 得分 ≠ 分值 by rounding holds roundings (1.125 written 1.13): its share of the sum may be off by one unit
  const rounded = roundedLiterals(context.index);
  return { value: sum(terms), terms, roundedTerms: terms.filter((term) => rounded.has(term.range.start)).length, decimals: maxDecimals(terms), source: indicator };
}

function weightValueOf(indicator: Indicator): Value | undefined {
  const value = weightSum(indicator);
  if (!value) return undefined;
  const terms = weightLiterals(indicator);
  return { value, terms, roundedTerms: 0, decimals: maxDecimals(terms), source: indicator };
}

const memos = new WeakMap<RuleContext['index'], Map<string, Value | undefined>>();

function indicatorValue(context: RuleContext, subject: string, field: QuantityField): Value | undefined {
  return memoised(context, subject, field, () => computeValue(context, subject, field));
}

/** A recomputed value, memoised per check (claims, notes and the report total ask for the same ones). */
function memoised(context: RuleContext, subject: string, field: QuantityField, compute: () => Value | undefined): Value | undefined {
  let memo = memos.get(context.index);
  if (!memo) {
    memo = new Map();
    memos.set(context.index, memo);
  }
  const key = `${field}\u0000${subject}`;
  if (memo.has(key)) return memo.get(key);
  const value = compute();
  memo.set(key, value);
  return value;
}

function computeValue(context: RuleContext, subject: string, field: QuantityField): Value | undefined {
  const list = occurrences(context, subject);
  const first = <T>(get: (indicator: Indicator) => T | undefined): T | undefined => {
    for (const indicator of list) {
      const found = get(indicator);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const weight = first(weightValueOf);
  if (field === 'weight') return weight;
  const score = first((indicator) => summed(context, indicator, 'score'));
  if (field === 'score') return score;
  if (field === 'deduction') {
    const written = first((indicator) => summed(context, indicator, 'deduction'));
    if (written || !weight || !score) return written;
    // 扣分 = 分值 − 得分, where the 得分 terms are themselves roundings
    const [weightText, scoreText] = [formatLike(weight.value, weight.terms[0] ?? score.terms[0]), formatLike(score.value, score.terms[0])];
    return {
      value: weight.value.minus(score.value),
      terms: [...weight.terms, ...score.terms],
      roundedTerms: score.terms.length,
      decimals: score.decimals,
      source: score.source,
      derivation: { zh: `分值 ${weightText} − 得分 ${scoreText}`, en: `分值 ${weightText} − 得分 ${scoreText}` },
    };
  }
  if (!weight || !score || weight.value.isZero()) return undefined;
  return { value: score.value.div(weight.value).times(100), terms: [...score.terms, ...weight.terms], roundedTerms: 0, decimals: 2, source: score.source };
}

/** The report total: Σ of the level-1 scores (weights), each recomputed from its own rows. */
function reportValue(context: RuleContext, field: QuantityField): Value | undefined {
  return memoised(context, '\u0001report', field, () => computeReportValue(context, field));
}

function computeReportValue(context: RuleContext, field: QuantityField): Value | undefined {
  if (field === 'rate') {
    const score = reportValue(context, 'score');
    const weight = reportValue(context, 'weight') ?? { value: new Dec(context.config.totalWeight), terms: [], roundedTerms: 0, decimals: 0 };
    return score && !weight.value.isZero() ? { ...score, value: score.value.div(weight.value).times(100), decimals: 2 } : undefined;
  }
  const parts = context.index.levelOne.map((entry) => indicatorValue(context, entry.looseKey, field));
  if (parts.length === 0 || parts.some((part) => part === undefined)) return undefined;
  const values = parts as Value[];
  const terms = values.flatMap((part) => part.terms);
  return {
    value: values.reduce((acc, part) => acc.plus(part.value), new Dec(0)),
    terms,
    roundedTerms: values.reduce((acc, part) => acc + part.roundedTerms, 0),
    decimals: maxDecimals(terms),
  };
}

function subjectName(claim: Claim, value: Value): string {
  if (claim.subject.kind === 'report') return '总分';
  return shortName(value.source?.name ?? claim.subject.name);
}

/** Other places stating the same quantity: those agreeing with the recomputed value, and those repeating the claim's wrong value (a 合计 row score-sum flags). */
function relatedPlaces(context: RuleContext, claim: Claim, subject: string, field: QuantityField, expected: string, value: Value): RelatedPlace[] {
  const literal = claim.literal!;
  const statements = statementsFor(statementsOf(context.model, context.index), subject, field).filter((s) => s.place !== 'claim');
  const places: RelatedPlace[] = [];
  for (const statement of statements) {
    const text = formatLike(statement.literal.value, statement.literal);
    if (statement.literal.value.eq(literal.value) && !statement.literal.value.eq(value.value)) {
      places.push({
        range: statement.literal.range,
        label: { zh: `${statement.where.zh} ${text}（与各行之和 ${expected} 不符）`, en: `${statement.where.en} ${text} (the rows add up to ${expected})` },
      });
    } else if (statement.literal.value.eq(value.value)) {
      places.push(relatedLiteral(statement.literal, statement.where, claim.subject.kind === 'indicator' ? shortName(value.source?.name ?? '') : ''));
    }
  }
  if (places.length === 0 && value.source && field !== 'rate') {
    const sourceLiteral = field === 'weight' ? value.source.weight : value.source[field];
    if (sourceLiteral) places.push(relatedLiteral(sourceLiteral, { zh: '表中', en: 'table' }, shortName(value.source.name)));
  }
  return places;
}

function checkClaim(context: RuleContext, claim: Claim): RuleFinding | undefined {
  const literal = claim.literal;
  if (!literal || claim.field === 'grade') return undefined;
  const field = claim.field;
  const subject = claimSubjectKey(context.index, claim.subject);
  // several tables score the subject (several projects): which one the sentence means is unknown
  if (subject === undefined || isAmbiguous(context.index, subject)) return undefined;
  // the 自评得分 of a report scored by a 自评表 only is the self-eval rule's (with the table's 总分)
  if (subject === '' && scoredBySelfEvalOnly(context.model)) return undefined;
  const value = subject === '' ? reportValue(context, field) : indicatorValue(context, subject, field);
  if (!value) return undefined;
  const exact = field === 'rate' && literal.unit !== '%' ? value.value.div(100) : value.value;
  const judgement = judgeRounding({
    stated: literal,
    exact,
    roundedTerms: value.roundedTerms,
    termDecimals: value.decimals,
    // a rate is a rounding; so is a 扣分 no table writes (25% of 2.5 = 0.625 is written 0.63), or one
    // summed from rows holding roundings (分值 − 得分 = 3.32 where the rows' 扣分 add up to 3.33)
    statedRounded: field === 'rate' || value.derivation !== undefined || (field === 'deduction' && value.roundedTerms > 0),
    tolerance: context.config.tolerance,
  });
  if (judgement.verdict === 'ok') return undefined;
  // the claim is right and a row of the table contradicts itself (score-arithmetic reports the row)
  if (field === 'score' && agreesReadingRowsRight(context.index, literal, value.terms)) return undefined;
  const decimals = field === 'rate' ? literal.decimals : value.decimals;
  const expected = formatLike(exact, literal, decimals);
  const name = FIELD_NAMES[field];
  const who = subjectName(claim, value);
  const unit = field === 'rate' ? literal.unit : '分';
  const rounding = judgement.verdict === 'rounding' ? verdictLabel('rounding') : undefined;
  const note = misplacedNote(context, subject, field, literal);
  return {
    message: {
      zh: `正文称“${who}”${name.zh}为 ${literal.text}${unit}，但${value.derivation ? `表中${value.derivation.zh} = ` : '表中为 '}${expected}${unit}${note ? `；${note.zh}` : ''}${rounding ? `（${rounding.zh}）` : ''}。`,
      en: `The text gives "${who}" a ${name.en} of ${literal.text}, but the tables give ${value.derivation ? `${value.derivation.en} = ` : ''}${expected}${note ? `; ${note.en}` : ''}${rounding ? ` (${rounding.en})` : ''}.`,
    },
    range: literal.range,
    related: relatedPlaces(context, claim, subject, field, expected, value),
    fixes: judgement.verdict === 'error' ? correctLiteral(context, literal, exact, decimals) : [],
    ...(judgement.verdict === 'rounding' ? { rounding: true } : {}),
  };
}

/** A claimed 分值 that is really the indicator's 扣分 (or a 扣分 that is its 得分, …): say so. */
function misplacedNote(context: RuleContext, subject: string, field: QuantityField, literal: NumberLiteral): Localized | undefined {
  if (subject === '' || field === 'rate') return undefined;
  for (const other of ['weight', 'deduction', 'score'] as const) {
    if (other === field) continue;
    const value = indicatorValue(context, subject, other);
    if (value && value.value.eq(literal.value)) {
      return { zh: `${literal.text} 是该指标的${FIELD_NAMES[other].zh}`, en: `${literal.text} is its ${FIELD_NAMES[other].en}` };
    }
  }
  return undefined;
}

export const claimVsTable: Rule = {
  id: 'claim-vs-table',
  description: { zh: '正文所述分值、扣分、得分、得分率与表格不一致', en: 'A weight, deduction, score or rate stated in the text differs from the tables' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '把正文中关于某指标或报告总分的“满分/分值、扣分、得分、得分率、总分”与表格重新计算的值比较：分值取表中写的值，得分和扣分取下级各行之和（合计行本身写错时，沿用错误合计的正文也会被标出），得分率取得分/分值，总分取各一级指标得分之和。',
      en: 'Compares every prose statement of an indicator’s (or the report’s) weight, deduction, score, rate or total with the value recomputed from the tables: weights as written, scores and deductions as the sum of the rows below (so prose repeating a wrong 合计 is flagged), rates as score / weight, the total as the sum of level-1 scores.',
    },
    why: {
      zh: '正文是读者引用的部分；把扣分写成满分、照抄写错的合计，都会与报告自己的表格矛盾。',
      en: 'Readers quote the prose; a weight that is really the deduction, or a score copied from a wrong total, contradicts the report’s own tables.',
    },
    example: '综上所述，该指标满分 **0.63** 分，得分 1.88 分。（表中分值 2.5，扣分 0.63）',
    fix: {
      zh: '把正文中的数字改为表格的值（按表格的写法），必要时同步更新相关数字。',
      en: 'Writes the table’s value in place of the claimed one, and updates dependent numbers when needed.',
    },
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const claim of context.model.claims) {
      const finding = checkClaim(context, claim);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
