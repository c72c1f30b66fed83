/**
 * Rates stated in words: "计划清运14.60万吨，实际清运14.82万吨，清运量完成率101.15%". No formula
 * is written, but the sentence names both figures the rate divides: one labelled 实际 (what was
 * done), one labelled 计划/预算/目标/任务/指标值 (what was planned), in the same unit, before the rate.
 * Such a rate is recorded as a formula 实际/计划×100% (Formula.inWords), so the formula rule checks
 * it and rule-deduction can apply a banded rule to it.
 *
 * Only rates whose meaning is that quotient are read (完成率, 执行率, 到位率, …; not 偏差率 or
 * 增长率). A 执行率 divides what was spent, a 到位率 what arrived: with several 实际 figures, the
 * rate's own verb picks one. When the pairs left are several and none gives the stated rate, which
 * one the writer meant is unknown and nothing is recorded. "完成率100%" for 101.5% is a rate
 * capped at 100%, not a miscalculation.
 */
import type Decimal from 'decimal.js';
import type { Formula, NumberLiteral, TextSpan } from '../../model/types';
import { Dec, roundHalfUp } from '../../text/numbers';
import type { SubjectContext } from './subjects';
import { resolveSubject } from './subjects';

/** Rate names that mean 实际 / 计划 × 100%, with the words a 实际 figure must carry when there are several. */
const RATE_KINDS: { suffix: string; verbs?: RegExp; base?: RegExp }[] = [
  { suffix: '完成率' },
  { suffix: '达成率' },
  { suffix: '实现率' },
  // spent of what arrived, when the sentence gives no budget ("实际到位资金…，实际支出…，预算执行率…")
  { suffix: '执行率', verbs: /支出|执行|使用|支付/u, base: /到位/u },
  { suffix: '支付率', verbs: /支付/u },
  { suffix: '到位率', verbs: /到位|拨付|下达/u },
  { suffix: '拨付率', verbs: /拨付/u },
];
const PLANNED = /计划|预算|目标|任务|指标值/u;
const ACTUAL = '实际';
/** Words that may stand between a rate's name and its figure ("完成率为 80%"). */
const LINKS = new Set(['为', '达', '是', '了', '到', '：', ':', ' ']);
/** A figure's label runs back to one of these; not to 、, which lists figures under one label ("计划新建10个、改建20个"). */
const CLAUSE_BREAKS = new Set(['，', ',', '：', ':', '；', ';', '。', '（', '(']);
const NAME_LENGTH = 12;

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';
}

/** The rate's name written right before its figure ("清运量完成率"), if it names a quotient rate. */
function rateName(text: string, at: number): { name: string; kind: (typeof RATE_KINDS)[number] } | undefined {
  let end = at;
  while (end > 0 && LINKS.has(text[end - 1])) end--;
  let start = end;
  while (start > 0 && end - start < NAME_LENGTH && isHan(text[start - 1])) start--;
  const name = text.slice(start, end);
  const kind = RATE_KINDS.find((candidate) => name.endsWith(candidate.suffix));
  return kind ? { name, kind } : undefined;
}

/** The words of the figure's clause written before it ("计划清运"). */
function labelBefore(text: string, at: number): string {
  let start = at;
  while (start > 0 && !CLAUSE_BREAKS.has(text[start - 1])) start--;
  return text.slice(start, at);
}

/** The unit after a figure: the scanner's, else the Han characters that follow ("万吨"). */
function unitOf(text: string, literal: NumberLiteral, base: number): string {
  if (literal.unit) return literal.unit;
  let end = literal.range.end - base;
  const start = end;
  while (end - start < 2 && isHan(text[end])) end++;
  return text.slice(start, end);
}

interface Operand {
  literal: NumberLiteral;
  label: string;
  unit: string;
}

function quotient(numerator: Operand, denominator: Operand): Decimal | undefined {
  return denominator.literal.value.isZero() ? undefined : numerator.literal.value.div(denominator.literal.value).times(100);
}

/** Does the stated rate write the quotient (rounded, cut off, or capped at 100%)? */
function writes(rate: NumberLiteral, exact: Decimal): boolean {
  if (roundHalfUp(exact, rate.decimals).eq(rate.value)) return true;
  if (exact.toDecimalPlaces(rate.decimals, Dec.ROUND_DOWN).eq(rate.value)) return true;
  return rate.value.eq(100) && exact.gt(100);
}

function formulaFor(ctx: SubjectContext, sentence: TextSpan, rate: NumberLiteral, name: string, numerator: Operand, denominator: Operand, exact: Decimal): Formula {
  const first = numerator.literal.range.start < denominator.literal.range.start ? numerator.literal : denominator.literal;
  const last = first === numerator.literal ? denominator.literal : numerator.literal;
  const subject = resolveSubject(ctx, sentence, { limit: rate.range.start });
  return {
    label: name,
    expression: { text: `${numerator.literal.text}/${denominator.literal.text}×100%`, range: { start: first.range.start, end: last.range.end } },
    result: rate,
    value: exact,
    inWords: { numerator: numerator.literal, denominator: denominator.literal, plannedWord: PLANNED.exec(denominator.label)?.[0] ?? (denominator.label.includes('到位') ? '到位' : '计划') },
    subjectKey: subject?.kind === 'indicator' ? subject.key : undefined,
    sentence,
  };
}

/**
 * `literals`: the sentence's number literals, in order. `written`: the formulas the sentence
 * writes out (their results are not read again).
 */
export function recognizeRatesInWords(ctx: SubjectContext, sentence: TextSpan, literals: readonly NumberLiteral[], written: readonly Formula[]): Formula[] {
  const text = sentence.text;
  if (!text.includes(ACTUAL) || !text.includes('率')) return [];
  const base = sentence.range.start;
  const out: Formula[] = [];
  let operands: Operand[] = [];
  for (const literal of literals) {
    const at = literal.range.start - base;
    if (literal.unit !== '%') {
      const label = labelBefore(text, at);
      if (literal.unit !== '分' && (label.includes(ACTUAL) || PLANNED.test(label))) operands.push({ literal, label, unit: unitOf(text, literal, base) });
      continue;
    }
    const rate = rateName(text, at);
    if (!rate || written.some((formula) => formula.result.range.start === literal.range.start)) continue;
    // a rate divides the figures written since the previous rate of the sentence
    const found = rateFrom(ctx, sentence, literal, rate, operands);
    if (found) out.push(found);
    operands = [];
  }
  return out;
}

function rateFrom(ctx: SubjectContext, sentence: TextSpan, rate: NumberLiteral, named: NonNullable<ReturnType<typeof rateName>>, operands: readonly Operand[]): Formula | undefined {
  const actual = operands.filter((operand) => operand.label.includes(ACTUAL) && operand.unit !== '');
  const verbs = named.kind.verbs;
  const numerators = actual.length > 1 && verbs ? actual.filter((operand) => verbs.test(operand.label)) : actual;
  const planned = operands.filter((operand) => !operand.label.includes(ACTUAL) && PLANNED.test(operand.label) && operand.unit !== '');
  const base = named.kind.base;
  const denominators = planned.length === 0 && base ? operands.filter((operand) => base.test(operand.label) && !numerators.includes(operand) && operand.unit !== '') : planned;
  const pairs: { numerator: Operand; denominator: Operand; exact: Decimal }[] = [];
  for (const numerator of numerators) {
    for (const denominator of denominators) {
      const exact = numerator.unit === denominator.unit ? quotient(numerator, denominator) : undefined;
      if (exact) pairs.push({ numerator, denominator, exact });
    }
  }
  const agreeing = pairs.find((pair) => writes(rate, pair.exact));
  if (agreeing) return rate.value.eq(100) && agreeing.exact.gt(100) ? undefined : formulaFor(ctx, sentence, rate, named.name, agreeing.numerator, agreeing.denominator, agreeing.exact);
  if (pairs.length !== 1) return undefined;
  const [pair] = pairs;
  return formulaFor(ctx, sentence, rate, named.name, pair.numerator, pair.denominator, pair.exact);
}
