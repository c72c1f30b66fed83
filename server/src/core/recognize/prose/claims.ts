/**
 * Score claims in prose: "该指标满分 2.5 分，扣分 0.63 分，得分 1.88 分", "分值为 20 分，实际得分
 * 17.08 分", "故扣 0.73 分", "得分率 85.4%", "总分 95.18 分，绩效评级为“优”", "自评得分 96.72 分" (the
 * report total of a 自评报告). Each number keeps its own
 * range; a number is read as what the word before it says it is, never reinterpreted (a 满分
 * that is smaller than the 得分 is still the 满分 — the rules flag it).
 */
import type { Claim, ClaimField, ClaimSubject, NumberLiteral, TextSpan } from '../../model/types';
import { keywordBefore } from './keywords';
import type { SubjectContext } from './subjects';
import { findIndicatorIn } from './indicatorNames';
import { isDeictic, resolveSubject } from './subjects';

interface FieldWord {
  word: string;
  field: ClaimField;
  /** The claim is about the whole report (总分), whatever the section. */
  report?: boolean;
}

/** Longer words first: "实际得分" before "得分", "得满分" before "满分", "得分率" before "得分". */
const FIELD_WORDS: FieldWord[] = [
  { word: '得分率', field: 'rate' },
  { word: '综合得分', field: 'score', report: true },
  { word: '最终得分', field: 'score', report: true },
  { word: '评价总分', field: 'score', report: true },
  { word: '自评总分', field: 'score', report: true },
  { word: '自评得分', field: 'score' },
  { word: '总得分', field: 'score', report: true },
  { word: '总分值', field: 'weight', report: true },
  { word: '总分', field: 'score', report: true },
  { word: '实际得分', field: 'score' },
  { word: '得满分', field: 'score' },
  { word: '得分', field: 'score' },
  { word: '满分', field: 'weight' },
  { word: '分值', field: 'weight' },
  { word: '权重分', field: 'weight' },
  { word: '扣分', field: 'deduction' },
  { word: '扣除', field: 'deduction' },
  { word: '扣减', field: 'deduction' },
  { word: '扣', field: 'deduction' },
  { word: '得', field: 'score' },
];
const WORDS = FIELD_WORDS.map((f) => f.word);

const GRADE_INTRODUCERS = ['评价等级为', '绩效评级为', '评价结果为', '等级评定为', '评定等级为', '等级为', '评级为', '评定为', '评为'];
/** Longest first so 优秀 wins over 优 and 不合格 over 合格. */
const GRADE_LABELS = ['不合格', '优秀', '良好', '合格', '中等', '较差', '一般', '优', '良', '中', '差'];

function fieldOf(literal: NumberLiteral, sentence: TextSpan): FieldWord | undefined {
  const word = keywordBefore(sentence.text, literal.range.start - sentence.range.start, WORDS);
  const entry = FIELD_WORDS.find((f) => f.word === word);
  if (!entry) return undefined;
  // 扣除 25%权重分 / 得 100%权重分 are shares of the weight, not points
  if (entry.field === 'rate') return literal.unit === '%' ? entry : undefined;
  if (literal.unit !== '分') return undefined;
  // "本项目 2023 年度自评得分 96.72 分" is the report's; "产出指标分值 50 分，自评得分 48.5 分" a group's
  if (entry.word === '自评得分') {
    const before = sentence.text.slice(0, literal.range.start - sentence.range.start);
    return before.includes('指标') ? entry : { ...entry, report: true };
  }
  return entry;
}

/** Grade claims: "绩效评级为“优”", "评价等级为良". */
function gradeClaims(sentence: TextSpan): { label: TextSpan }[] {
  const out: { label: TextSpan }[] = [];
  const text = sentence.text;
  if (!text.includes('为')) return out; // every introducer ends with 为
  for (const intro of GRADE_INTRODUCERS) {
    let from = 0;
    for (let at = text.indexOf(intro, from); at >= 0; at = text.indexOf(intro, from)) {
      from = at + intro.length;
      // a longer introducer ending here was already read
      if (GRADE_INTRODUCERS.some((longer) => longer !== intro && longer.endsWith(intro) && text.slice(0, from).endsWith(longer))) continue;
      let i = from;
      while (i < text.length && /[\s"“「『：:]/u.test(text[i])) i++;
      const label = GRADE_LABELS.find((l) => text.startsWith(l, i));
      if (!label) continue;
      const start = sentence.range.start + i;
      out.push({ label: { text: label, range: { start, end: start + label.length } } });
    }
  }
  return out;
}

/** `literals`: the number literals of the sentence, in order. */
export function recognizeClaims(ctx: SubjectContext, sentence: TextSpan, literals: readonly NumberLiteral[]): Claim[] {
  const numbered = literals
    .map((literal) => ({ literal, field: fieldOf(literal, sentence) }))
    .filter((x): x is { literal: NumberLiteral; field: FieldWord } => x.field !== undefined);
  const grades = gradeClaims(sentence);
  if (numbered.length === 0 && grades.length === 0) return [];

  // One subject per clause: "决策类指标得分 19 分，过程类指标得分 18.5 分" names a new indicator
  // before its claim, "该指标满分 2.5 分，扣分 0.63 分" keeps the first one (as does any sentence
  // about "this indicator", whatever else it names).
  const deictic = isDeictic(sentence.text);
  let subject: ClaimSubject | undefined | null = null; // null: no indicator claim read yet
  let from: number | undefined;
  const claims: Claim[] = [];
  for (const { literal, field } of numbered) {
    if (field.report) {
      claims.push({ field: field.field, literal, subject: { kind: 'report' }, sentence });
      continue;
    }
    const limit = literal.range.start;
    if (subject === null) subject = resolveSubject(ctx, sentence, { limit });
    else if (!deictic && from !== undefined && findIndicatorIn(ctx.index, sentence, { from, limit })) subject = resolveSubject(ctx, sentence, { from, limit });
    from = literal.range.end;
    if (subject) claims.push({ field: field.field, literal, subject, sentence });
  }
  for (const { label } of grades) claims.push({ field: 'grade', label, subject: { kind: 'report' }, sentence });
  return claims;
}
