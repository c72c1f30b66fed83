/**
 * A stated total and its parts: "共支出 120.50 万元，其中：60 万元用于…；60.50 万元用于…", or an
 * amount and the uses listed after it ("894.67 万元主要用于：…"). Read on whole sentences (the parts
 * are usually separated by ；).
 */
import type { NumberLiteral, PartsClaim, TextSpan } from '../../model/types';
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

/** Recorded only when the total and every amount listed share one unit — mixed 元/万元 is left alone rather than converted. */
function withParts(total: NumberLiteral, listed: readonly NumberLiteral[], sentence: TextSpan): PartsClaim | undefined {
  const amounts = listed.filter((n) => AMOUNT_UNITS.has(n.unit));
  if (amounts.length < 2 || amounts.some((n) => n.unit !== total.unit)) return undefined;
  return { total, parts: amounts, sentence };
}
