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
import { findIndicatorIn, isUnder, type NameMatch } from './indicatorNames';
import { isDeictic, resolveSubject, sectionSubject } from './subjects';

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
const CLAUSE_MARKS = new Set(['，', ',', '；', ';', '：', ':']);

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
  // "按每所学校扣 0.5 分", "每降低 1 个百分点扣 0.5 分": a rate per item, not the indicator's 扣分
  if (entry.field === 'deduction' && clauseBefore(sentence.text, literal.range.start - sentence.range.start).includes('每')) return undefined;
  // "本项目 2023 年度自评得分 96.72 分" is the report's; "产出指标分值 50 分，自评得分 48.5 分" a group's
  if (entry.word === '自评得分') {
    const before = sentence.text.slice(0, literal.range.start - sentence.range.start);
    return before.includes('指标') ? entry : { ...entry, report: true };
  }
  return entry;
}

/** The clause holding `index`: from the comma, semicolon or colon before it to the one after it. */
function clauseAround(text: string, index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && !CLAUSE_MARKS.has(text[start - 1])) start--;
  let end = index;
  while (end < text.length && !CLAUSE_MARKS.has(text[end])) end++;
  return { start, end };
}

/** The text of the clause before `index`. */
function clauseBefore(text: string, index: number): string {
  return text.slice(clauseAround(text, index).start, index);
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

/**
 * "决策、过程、产出、效益类指标分别得分 12.80 分、17.60 分、33.02 分和 26.75 分": the indicators
 * listed before 分别 take, in order, the figures after it — the first says what they are (得分),
 * the rest, written with the same unit, are of the same kind — when there are as many of each.
 */
function respectiveClaims(ctx: SubjectContext, sentence: TextSpan, literals: readonly NumberLiteral[]): Claim[] {
  const text = sentence.text;
  const at = text.indexOf('分别');
  if (at < 0) return [];
  const { start: clauseStart, end: clauseEnd } = clauseAround(text, at);
  const base = sentence.range.start;
  const names: NameMatch[] = [];
  for (let from = base + clauseStart; ; ) {
    const named = findIndicatorIn(ctx.index, sentence, { from, limit: base + at });
    if (!named) break;
    names.push(named);
    from = named.range.end;
  }
  const figures = literals.filter((literal) => literal.range.start > base + at && literal.range.end <= base + clauseEnd);
  const field = figures.length > 0 ? fieldOf(figures[0], sentence) : undefined;
  if (!field || field.report || names.length < 2 || figures.length !== names.length || figures.some((figure) => figure.unit !== figures[0].unit)) return [];
  return figures.map((literal, i) => ({
    field: field.field,
    literal,
    subject: { kind: 'indicator', key: names[i].indicator.key, name: text.slice(names[i].range.start - base, names[i].range.end - base), range: names[i].range },
    sentence,
  }));
}

/**
 * A sentence under a parent's title that names no indicator ("1.数量指标。全年完成 48 个…，得 10 分；
 * 更换管网 12.6 公里…，得 10 分") scores the items below the parent one by one, not the parent.
 */
function enumeratedBelow(ctx: SubjectContext, subject: ClaimSubject, sentence: TextSpan, deictic: boolean): boolean {
  if (deictic || subject.kind !== 'indicator' || subject.key === undefined || !ctx.index.parents.has(subject.key)) return false;
  const named = subject.range !== undefined && subject.range.start >= sentence.range.start && subject.range.end <= sentence.range.end;
  return !named;
}

/** How far into a sentence its topic may start ("其中", "而项目…"). */
const TOPIC_OFFSET = 4;

/**
 * The subject of a sentence's first claim: an indicator named in the claim's own clause
 * ("产出时效得分率仅 75.00%，绩效目标得分率 80.00%"), else the sentence's topic (named first). A name
 * in an earlier clause that does not open the sentence and is unrelated to the section's indicator
 * (neither above nor below it: "…未设置对应的产出指标，扣 1.00 分" under "绩效指标明确性：") is an
 * object of that clause: the section's indicator is meant.
 */
function firstSubject(ctx: SubjectContext, sentence: TextSpan, literal: NumberLiteral, deictic: boolean): ClaimSubject | undefined {
  const limit = literal.range.start;
  if (deictic) return resolveSubject(ctx, sentence, { limit });
  const clauseStart = limit - clauseBefore(sentence.text, limit - sentence.range.start).length;
  if (clauseStart > sentence.range.start && findIndicatorIn(ctx.index, sentence, { from: clauseStart, limit })) return resolveSubject(ctx, sentence, { from: clauseStart, limit });
  const named = resolveSubject(ctx, sentence, { limit });
  const section = sectionSubject(ctx, sentence.range.start, false);
  // a name opening the sentence is its topic ("过程类指标下设…，分值为 20 分"); one further in, an object
  const inside = named?.kind === 'indicator' && named.key !== undefined && named.range !== undefined && named.range.start - sentence.range.start > TOPIC_OFFSET;
  if (inside && section?.kind === 'indicator' && section.key !== undefined && !isUnder(named.key!, section.key) && !isUnder(section.key, named.key!)) return section;
  return named;
}

/** `literals`: the number literals of the sentence, in order. */
export function recognizeClaims(ctx: SubjectContext, sentence: TextSpan, literals: readonly NumberLiteral[]): Claim[] {
  const respective = respectiveClaims(ctx, sentence, literals);
  const listed = new Set(respective.map((claim) => claim.literal));
  const numbered = literals
    .filter((literal) => !listed.has(literal))
    .map((literal) => ({ literal, field: fieldOf(literal, sentence) }))
    .filter((x): x is { literal: NumberLiteral; field: FieldWord } => x.field !== undefined);
  const grades = gradeClaims(sentence);
  if (numbered.length === 0 && grades.length === 0) return respective;

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
    if (subject === null) subject = firstSubject(ctx, sentence, literal, deictic);
    else if (!deictic && from !== undefined && findIndicatorIn(ctx.index, sentence, { from, limit })) subject = resolveSubject(ctx, sentence, { from, limit });
    from = literal.range.end;
    if (subject && !enumeratedBelow(ctx, subject, sentence, deictic)) claims.push({ field: field.field, literal, subject, sentence });
  }
  // figures in document order, then the grades
  const figures = respective.length > 0 ? [...claims, ...respective].sort((a, b) => a.literal!.range.start - b.literal!.range.start) : claims;
  for (const { label } of grades) figures.push({ field: 'grade', label, subject: { kind: 'report' }, sentence });
  return figures;
}
