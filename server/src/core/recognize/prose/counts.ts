/**
 * Structure counts: "由 3 个二级指标和 6 个三级指标构成", "下设项目立项、绩效目标、资金投入 3个二级指标".
 * The subject is the level-1 indicator named before the verb (由/下设/包括…), or the whole system.
 */
import type { CountClaim, IndicatorLevel, TextSpan } from '../../model/types';
import { scanNumbers } from '../../text/numbers';
import type { IndicatorIndex } from './indicatorNames';
import { findIndicatorIn } from './indicatorNames';

const LEVEL_WORDS: [string, IndicatorLevel][] = [['一级指标', 1], ['二级指标', 2], ['三级指标', 3], ['四级指标', 4]];
const VERBS = ['下设', '包括', '包含', '分为', '设置', '设有', '由'];

function levelAfter(text: string, index: number): IndicatorLevel | undefined {
  let i = index;
  while (text[i] === ' ' || text[i] === '\u3000') i++;
  if (text[i] === '个' || text[i] === '项') i++;
  while (text[i] === ' ' || text[i] === '\u3000') i++;
  return LEVEL_WORDS.find(([word]) => text.startsWith(word, i))?.[1];
}

export function recognizeCounts(index: IndicatorIndex, sentence: TextSpan): CountClaim | undefined {
  const base = sentence.range.start;
  const counts: CountClaim['counts'] = [];
  for (const literal of scanNumbers(sentence.text, { base })) {
    if (literal.decimals > 0) continue;
    const level = levelAfter(sentence.text, literal.range.end - base);
    if (level !== undefined) counts.push({ level, literal });
  }
  if (counts.length === 0) return undefined;
  const firstCount = counts[0].literal.range.start - base;
  const verbAt = Math.min(...VERBS.map((v) => sentence.text.indexOf(v)).filter((at) => at >= 0 && at < firstCount), firstCount);
  const named = counts.every((c) => c.level === 1) ? undefined : findIndicatorIn(index, sentence.text, base, { level: 1, limit: base + verbAt });
  return { subjectKey: named?.indicator.key ?? '', counts, sentence };
}
