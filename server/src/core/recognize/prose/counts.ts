/**
 * Structure counts: "由 3 个二级指标和 6 个三级指标构成", "下设项目立项、绩效目标、资金投入 3个二级指标".
 * The subject is the level-1 indicator named before the verb (由/下设/包括…) of the clause, else of
 * the sentence; a clause counting only 一级指标 speaks of the whole system ('').
 */
import type { CountClaim, IndicatorLevel, NumberLiteral, TextSpan } from '../../model/types';
import { scanNumbers } from '../../text/numbers';
import type { IndicatorIndex } from './indicatorNames';
import { findIndicatorIn } from './indicatorNames';

const LEVEL_WORDS: [string, IndicatorLevel][] = [['一级指标', 1], ['二级指标', 2], ['三级指标', 3], ['四级指标', 4]];
const VERBS = ['下设', '包括', '包含', '分为', '设置', '设有', '由'];
const CLAUSE_BREAKS = new Set(['，', ',', '；', ';']);

function levelAfter(text: string, index: number): IndicatorLevel | undefined {
  let i = index;
  while (text[i] === ' ' || text[i] === '\u3000') i++;
  if (text[i] === '个' || text[i] === '项') i++;
  while (text[i] === ' ' || text[i] === '\u3000') i++;
  return LEVEL_WORDS.find(([word]) => text.startsWith(word, i))?.[1];
}

/** The level-1 indicator named in text[from, first count) before the verb. */
function subjectIn(index: IndicatorIndex, sentence: TextSpan, from: number, firstCount: number): string | undefined {
  const text = sentence.text;
  const verbs = VERBS.map((v) => text.indexOf(v, from)).filter((at) => at >= 0 && at < firstCount);
  const limit = Math.min(firstCount, ...verbs);
  return findIndicatorIn(index, text.slice(from, limit), sentence.range.start + from, { level: 1 })?.indicator.key;
}

export function recognizeCounts(index: IndicatorIndex, sentence: TextSpan): CountClaim[] {
  const base = sentence.range.start;
  const text = sentence.text;
  const byClause = new Map<number, CountClaim['counts']>();
  for (const literal of scanNumbers(text, { base })) {
    if (literal.decimals > 0) continue;
    const level = levelAfter(text, literal.range.end - base);
    if (level === undefined) continue;
    let clauseStart = literal.range.start - base;
    while (clauseStart > 0 && !CLAUSE_BREAKS.has(text[clauseStart - 1])) clauseStart--;
    const counts = byClause.get(clauseStart) ?? [];
    counts.push({ level, literal });
    byClause.set(clauseStart, counts);
  }
  const out: CountClaim[] = [];
  for (const [clauseStart, counts] of byClause) {
    const first = (literal: NumberLiteral): number => literal.range.start - base;
    const subjectKey = counts.every((c) => c.level === 1)
      ? ''
      : (subjectIn(index, sentence, clauseStart, first(counts[0].literal)) ?? subjectIn(index, sentence, 0, first(counts[0].literal)) ?? '');
    out.push({ subjectKey, counts, sentence });
  }
  return out;
}
