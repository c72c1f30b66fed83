/**
 * A stated total and its parts: "共支出 120.50 万元，其中：60 万元用于…；60.50 万元用于…". Read on
 * whole sentences (the parts are usually separated by ；). Recorded only when the total and every
 * amount after 其中 share one unit — mixed 元/万元 is left alone rather than converted.
 */
import type { NumberLiteral, PartsClaim, TextSpan } from '../../model/types';
import { keywordBefore } from './keywords';

const TOTAL_WORDS = ['支出共计', '共支出', '共计', '合计', '总计', '共'];
const AMOUNT_UNITS = new Set(['万元', '元', '亿元']);

/** `numbers`: the number literals of the sentence, in order. */
export function recognizeParts(sentence: TextSpan, numbers: readonly NumberLiteral[]): PartsClaim | undefined {
  const text = sentence.text;
  const base = sentence.range.start;
  const total = numbers.find((n) => AMOUNT_UNITS.has(n.unit) && keywordBefore(text, n.range.start - base, TOTAL_WORDS) !== undefined);
  if (!total) return undefined;
  const among = text.indexOf('其中', total.range.end - base);
  if (among < 0) return undefined;
  const amounts = numbers.filter((n) => n.range.start - base > among && AMOUNT_UNITS.has(n.unit));
  if (amounts.length < 2 || amounts.some((n) => n.unit !== total.unit)) return undefined;
  const parts: NumberLiteral[] = amounts;
  return { total, parts, sentence };
}
