/**
 * A stated total and its parts: "共支出 120.50 万元，其中：60 万元用于…；60.50 万元用于…", or an
 * amount and the uses listed after it ("894.67 万元主要用于：…"), or a sentence that opens with
 * 其中 and splits an amount of the sentence before it ("项目全年执行数298.43万元，…。其中：当年
 * 财政拨款执行278.65万元，上年结转资金执行19.87万元。"). Read on whole sentences (the parts are
 * usually separated by ；).
 */
import type { NumberLiteral, PartsClaim, TextSpan } from '../../model/types';
import { Dec } from '../../text/numbers';
import { keywordBefore } from './keywords';

const TOTAL_WORDS = ['支出共计', '共支出', '共计', '合计', '总计', '共'];
const AMOUNT_UNITS = new Set(['万元', '元', '亿元']);

/**
 * "项目支出 894.67 万元主要用于：A 366.18 万元，B 148.50 万元…": an amount whose use is listed
 * right after it, after a colon. 主要 (mainly) may leave parts out.
 */
const USE_LIST = /^(主要)?(?:用于|包括|构成为|具体为)[：:]/u;

/** `numbers`: the number literals of the sentence, in order. */
export function recognizeParts(sentence: TextSpan, numbers: readonly NumberLiteral[]): PartsClaim | undefined {
  return totalWithAmong(sentence, numbers) ?? amountWithUses(sentence, numbers);
}

/** Words that say which amount a split is of: the one whose clause shares a word with the parts. */
const AMOUNT_WORDS = ['执行', '支出', '到位', '拨付', '下达', '预算', '结余', '结转', '投资'];
const AMONG_OPENING = /^其中[：:，,]?/u;

/**
 * "…全年执行数298.43万元，…。其中：…278.65万元，…19.87万元。": a sentence that opens with 其中 and
 * states no total of its own splits an amount of the sentence before it — its only amount in the
 * parts' unit, else the one equal to the parts' sum, else the one whose clause shares a word
 * (执行, 到位, …) with the split. Anything less certain is left alone.
 */
export function recognizeAmongAfter(previous: { sentence: TextSpan; numbers: readonly NumberLiteral[] }, sentence: TextSpan, numbers: readonly NumberLiteral[]): PartsClaim | undefined {
  if (!AMONG_OPENING.test(sentence.text)) return undefined;
  const parts = amountsInOneUnit(numbers);
  if (!parts) return undefined;
  const candidates = previous.numbers.filter((n) => n.unit === parts[0].unit);
  const sum = parts.reduce((acc, part) => acc.plus(part.value), new Dec(0));
  const total = candidates.length === 1 ? candidates[0] : candidates.find((n) => n.value.eq(sum)) ?? sharedWord(previous.sentence, candidates, sentence.text);
  return total ? { total, parts, sentence } : undefined;
}

function sharedWord(previous: TextSpan, candidates: readonly NumberLiteral[], among: string): NumberLiteral | undefined {
  const words = AMOUNT_WORDS.filter((word) => among.includes(word));
  const matching = candidates.filter((n) => {
    const before = previous.text.slice(0, n.range.start - previous.range.start);
    const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('：')) + 1);
    return words.some((word) => clause.includes(word));
  });
  return matching.length === 1 ? matching[0] : undefined;
}

/** "共支出 120.50 万元，其中：60 万元用于…；60.50 万元用于…". */
function totalWithAmong(sentence: TextSpan, numbers: readonly NumberLiteral[]): PartsClaim | undefined {
  const text = sentence.text;
  const base = sentence.range.start;
  const total = numbers.find((n) => AMOUNT_UNITS.has(n.unit) && keywordBefore(text, n.range.start - base, TOTAL_WORDS) !== undefined);
  if (!total) return undefined;
  const among = text.indexOf('其中', total.range.end - base);
  if (among < 0) return undefined;
  return withParts(total, numbers.filter((n) => n.range.start - base > among), sentence);
}

function amountWithUses(sentence: TextSpan, numbers: readonly NumberLiteral[]): PartsClaim | undefined {
  const text = sentence.text;
  const base = sentence.range.start;
  for (const total of numbers) {
    if (!AMOUNT_UNITS.has(total.unit)) continue;
    const unitEnd = text.indexOf(total.unit, total.range.end - base) + total.unit.length;
    const uses = USE_LIST.exec(text.slice(unitEnd, unitEnd + 8));
    if (!uses) continue;
    const claim = withParts(total, numbers.filter((n) => n.range.start - base >= unitEnd), sentence);
    return claim && uses[1] ? { ...claim, mainOnly: true } : claim;
  }
  return undefined;
}

/** The amounts listed, when there are two at least and all share one unit — mixed 元/万元 is left alone rather than converted. */
function amountsInOneUnit(listed: readonly NumberLiteral[]): NumberLiteral[] | undefined {
  const amounts = listed.filter((n) => AMOUNT_UNITS.has(n.unit));
  return amounts.length >= 2 && amounts.every((n) => n.unit === amounts[0].unit) ? amounts : undefined;
}

function withParts(total: NumberLiteral, listed: readonly NumberLiteral[], sentence: TextSpan): PartsClaim | undefined {
  const parts = amountsInOneUnit(listed);
  return parts && parts[0].unit === total.unit ? { total, parts, sentence } : undefined;
}
