/**
 * Structure counts: "由 3 个二级指标和 6 个三级指标构成", "下设项目立项、绩效目标、资金投入 3个二级指标".
 * The subject is the indicator (of a level above the counted ones) named before the verb
 * (由/下设/包括…) of the clause, else of the sentence, else the section's when the sentence says
 * "该三级指标…"; otherwise, always for 一级指标 counts, and for counts that follow a count of the
 * 一级指标 ("四个一级指标，下设 11 个二级指标"), the whole system ('').
 */
import type { CountClaim, IndicatorLevel, NumberLiteral, TextSpan } from '../../model/types';
import { findIndicatorIn } from './indicatorNames';
import type { SubjectContext } from './subjects';
import { isDeictic, sectionSubject } from './subjects';

const LEVEL_WORDS: [string, IndicatorLevel][] = [['一级指标', 1], ['二级指标', 2], ['三级指标', 3], ['四级指标', 4]];
const VERBS = ['下设', '包括', '包含', '分为', '设置', '设有', '由'];
const CLAUSE_BREAKS = new Set(['，', ',', '；', ';']);
/** "四个一级指标", "4 个一级指标": the sentence counts the level-1 indicators, so what follows is the whole system's. */
const COUNTED_LEVEL_ONE = /[0-9０-９一二三四五六七八九十]\s*[个项]\s*一级指标/u;

function levelAfter(text: string, index: number): IndicatorLevel | undefined {
  let i = index;
  while (text[i] === ' ' || text[i] === '\u3000') i++;
  if (text[i] === '个' || text[i] === '项') i++;
  while (text[i] === ' ' || text[i] === '\u3000') i++;
  return LEVEL_WORDS.find(([word]) => text.startsWith(word, i))?.[1];
}

/** The indicator above `below` named in text[from, first count) before the verb. */
function subjectIn(ctx: SubjectContext, sentence: TextSpan, from: number, firstCount: number, below: IndicatorLevel): string | undefined {
  const text = sentence.text;
  const verbs = VERBS.map((v) => text.indexOf(v, from)).filter((at) => at >= 0 && at < firstCount);
  const limit = sentence.range.start + Math.min(firstCount, ...verbs);
  const named = findIndicatorIn(ctx.index, sentence, { from: sentence.range.start + from, limit, below });
  if (!named) return undefined;
  // "产出数量、产出质量…11个二级指标": 产出 begins the name of a counted indicator, it is not the subject
  const counted = findIndicatorIn(ctx.index, sentence, { from: named.range.start, limit });
  if (counted && counted.indicator.level >= below && counted.range.start <= named.range.start && counted.range.end > named.range.end) return undefined;
  return named.indicator.key;
}

/** `literals`: the number literals of the sentence, in order. */
export function recognizeCounts(ctx: SubjectContext, sentence: TextSpan, literals: readonly NumberLiteral[]): CountClaim[] {
  const base = sentence.range.start;
  const text = sentence.text;
  if (literals.length === 0 || !text.includes('级指标')) return [];
  const byClause = new Map<number, CountClaim['counts']>();
  for (const literal of literals) {
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
    const first = counts[0].literal.range.start - base;
    const below = Math.min(...counts.map((c) => c.level)) as IndicatorLevel;
    const section = isDeictic(text) ? sectionSubject(ctx, base, true) : undefined;
    // an indicator named in the clause is the subject; else, after a count of the 一级指标
    // ("“决策、过程、产出、效益”四个一级指标，下设 11 个二级指标…"), the whole system
    const subjectKey = below === 1
      ? ''
      : (subjectIn(ctx, sentence, clauseStart, first, below)
        ?? (COUNTED_LEVEL_ONE.test(text.slice(0, first)) ? '' : undefined)
        ?? subjectIn(ctx, sentence, 0, first, below) ?? (section?.kind === 'indicator' ? section.key : undefined) ?? '');
    out.push({ subjectKey, counts, sentence });
  }
  return out;
}
