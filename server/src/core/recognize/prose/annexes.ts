/**
 * Annexes and references to them: title lines "附件 1：项目评分情况表" (in headings or paragraphs) and
 * references "详见报告附件 3" with what the sentence says is there (问卷/调查 → survey, 评分 → scoring),
 * so a rule can check that the annex a sentence points to holds what it says.
 */
import type { Annex, AnnexReference, Heading, Paragraph, TextSpan } from '../../model/types';
import { toHalfWidth } from '../../text/numbers';

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** Topic words, checked in order: a survey sentence often also says 得分; "调研照片" are photos. */
const TOPICS: [RegExp, string][] = [
  [/照片|图片|影像/u, 'photos'],
  [/问卷|调查|调研|满意度/u, 'survey'],
  [/评分|得分|打分|分值/u, 'scoring'],
  [/财务|资金|账|凭证/u, 'finance'],
];

/** What a text speaks of: 'survey', 'scoring', 'finance', 'photos' or ''. */
export function annexTopic(text: string): string {
  return TOPICS.find(([pattern]) => pattern.test(text))?.[1] ?? '';
}

/** "附件 3" / "附件３" / "附件三" at `index` (the 附 of 附件): number and end offset. */
function annexNumberAt(text: string, index: number): { number: number; end: number } | undefined {
  let i = index + 2;
  while (text[i] === ' ' || text[i] === '\u3000') i++;
  const start = i;
  let digits = '';
  while (i < text.length && /[0-9]/u.test(toHalfWidth(text[i]))) digits += toHalfWidth(text[i++]);
  if (digits.length > 0 && digits.length <= 2) return { number: Number(digits), end: i };
  if (i === start && NUMERALS[text[i]] !== undefined) return { number: NUMERALS[text[i]], end: i + 1 };
  return undefined;
}

/** A line "附件 N：标题" at document offset `base`. */
function annexLine(line: string, base: number): Annex | undefined {
  const lead = line.length - line.replace(/^[\s#>*_-]+/u, '').length;
  if (!line.startsWith('附件', lead)) return undefined;
  const num = annexNumberAt(line, lead);
  if (!num) return undefined;
  let i = num.end;
  while (line[i] === ' ' || line[i] === '\u3000') i++;
  const spaced = i > num.end;
  let end = line.length;
  while (end > i && /[\s*_]/u.test(line[end - 1])) end--;
  // "**附件1**" on a line of its own: an annex whose title is the caption below it
  if (end <= i) return { number: num.number, title: { text: '', range: { start: base + end, end: base + end } }, range: { start: base + lead, end: base + end }, topic: '' };
  // "附件1：标题", "附件 1 标题", "附件1" and a title after a full-width space
  if (line[i] === '：' || line[i] === ':' || line[i] === '、' || line[i] === '.') i++;
  else if (!spaced) return undefined;
  while (i < end && /\s/u.test(line[i])) i++;
  if (end <= i) return undefined;
  const title: TextSpan = { text: line.slice(i, end), range: { start: base + i, end: base + end } };
  return { number: num.number, title, range: { start: base + lead, end: base + end }, topic: annexTopic(title.text) };
}

export function recognizeAnnexes(text: string, headings: readonly Heading[], paragraphs: readonly Paragraph[]): Annex[] {
  const out: Annex[] = [];
  const lines = (start: number, end: number): void => {
    let from = start;
    while (from <= end) {
      let to = text.indexOf('\n', from);
      if (to < 0 || to > end) to = end;
      const annex = annexLine(text.slice(from, to), from);
      if (annex) out.push(annex);
      from = to + 1;
    }
  };
  for (const heading of headings) lines(heading.range.start, heading.range.end);
  for (const paragraph of paragraphs) lines(paragraph.range.start, paragraph.range.end);
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** How far below a title-less annex line its caption may start (a blank line or two). */
const TITLE_BELOW_DISTANCE = 8;

/**
 * An annex line without a title ("**附件1**") takes the paragraph below it (its table's caption)
 * as its title. New objects: the annexes may be memoised with their paragraph.
 */
export function withTopicsFromBelow(annexes: readonly Annex[], paragraphs: readonly Paragraph[]): Annex[] {
  return annexes.map((annex) => {
    if (annex.title.text !== '') return annex;
    const below = paragraphs.find((paragraph) => paragraph.range.start >= annex.range.end);
    if (!below || below.range.start - annex.range.end > TITLE_BELOW_DISTANCE) return annex;
    const title = below.text.trim();
    const start = below.range.start + below.text.indexOf(title);
    return { ...annex, title: { text: title, range: { start, end: start + title.length } }, topic: annexTopic(title) };
  });
}

/** "详见报告附件 3", "见附件1": references inside a sentence (not an annex title line). */
export function recognizeAnnexReferences(sentence: TextSpan): AnnexReference[] {
  const out: AnnexReference[] = [];
  const text = sentence.text;
  for (let at = text.indexOf('附件'); at >= 0; at = text.indexOf('附件', at + 2)) {
    const before = text.slice(Math.max(0, at - 6), at);
    if (!/见|参见|参考|详见|列于|附后|载于/u.test(before)) continue;
    const num = annexNumberAt(text, at);
    if (!num) continue;
    const start = sentence.range.start + at;
    out.push({ number: num.number, topic: annexTopic(text), span: { text: text.slice(at, num.end), range: { start, end: sentence.range.start + num.end } } });
  }
  return out;
}
