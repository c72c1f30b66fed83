/**
 * Where a sentence stands in the indicator tree. The analysis chapter of a report walks the tree
 * with headings or enumerated title lines ("1.项目立项", "（1）立项依据充分性"); every such
 * title is matched to an indicator, narrowing the candidates to the subtree of the titles above
 * it so that a title written slightly differently from the table ("绩效目标明确性" for
 * "绩效指标明确性") still finds its indicator — while keeping the name as written.
 */
import type { Heading, Paragraph, Range } from '../../model/types';
import { startsWithItemMarker } from '../../text/sentences';
import type { IndicatorIndex, IndexedIndicator } from './indicatorNames';
import { matchTitle } from './indicatorNames';

export interface SectionTitle {
  /** The title as written, without numbering or Markdown marks. */
  title: string;
  titleRange: Range;
  /** Offset where the title line starts. */
  start: number;
  /** A Markdown heading (true) or an enumerated title line inside a paragraph (false). */
  heading: boolean;
  /** The first sentence of an enumerated paragraph; kept only when it names an indicator. */
  inline?: boolean;
  /** The indicator the title names, when one matches. */
  indicator?: IndexedIndicator;
}

const NUMBERING = /^(?:[（(][0-9一二三四五六七八九十]{1,3}[）)]|[0-9一二三四五六七八九十]{1,3}[.、．](?![0-9])|[①-⑳]|第[一二三四五六七八九十]{1,3}[章节部分]+)/u;
/** Indicator names can be long ("昌吉州金融办对…平台的使用效果满意度"); a title has no sentence punctuation. */
const TITLE_MAX = 80;

/** Strip Markdown marks and numbering; returns the offset of the title inside `line`. */
function stripTitle(line: string): { title: string; offset: number } {
  let start = 0;
  let end = line.length;
  const skippable = (ch: string): boolean => ch === '#' || ch === '>' || ch === '-' || ch === '+' || ch === '*' || ch === '_' || ch === ' ' || ch === '\t' || ch === '\u3000';
  while (start < end && skippable(line[start])) start++;
  const numbering = NUMBERING.exec(line.slice(start));
  if (numbering) start += numbering[0].length;
  while (start < end && skippable(line[start])) start++;
  while (end > start && (skippable(line[end - 1]) || line[end - 1] === '\r')) end--;
  return { title: line.slice(start, end), offset: start };
}

function looksLikeTitle(title: string): boolean {
  return title.length >= 2 && title.length <= TITLE_MAX && !/[。，,；;：:]/u.test(title);
}

/** An enumerated title line of a paragraph, relative to the paragraph's start. */
interface TitleLine {
  title: string;
  lineStart: number;
  /** Of the title within its line. */
  offset: number;
  inline: boolean;
}

/**
 * A paragraph keeps its object while its text is unchanged (parse/structure.ts), so its title lines
 * are read once: a build then scans no paragraph line for titles but those of edited paragraphs.
 */
const titleLines = new WeakMap<Paragraph, { text: string; lines: TitleLine[] }>();

function titleLinesOf(paragraph: Paragraph): TitleLine[] {
  const known = titleLines.get(paragraph);
  if (known && known.text === paragraph.text) return known.lines;
  const lines: TitleLine[] = [];
  let lineStart = 0;
  while (lineStart <= paragraph.text.length) {
    let lineEnd = paragraph.text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = paragraph.text.length;
    const line = paragraph.text.slice(lineStart, lineEnd);
    const bold = /^\s*(\*\*|__)/u.test(line);
    const item = startsWithItemMarker(line, 0);
    if (bold || item) {
      const { title, offset } = stripTitle(line);
      if (looksLikeTitle(title)) lines.push({ title, lineStart, offset, inline: false });
      else if (item) {
        // "1.在职人员控制率。年末在职人员 82 名…": the item's first sentence is its title
        const first = title.search(/[。：:]/u);
        const head = first > 0 ? title.slice(0, first) : '';
        if (looksLikeTitle(head)) lines.push({ title: head, lineStart, offset, inline: true });
      }
    }
    lineStart = lineEnd + 1;
  }
  titleLines.set(paragraph, { text: paragraph.text, lines });
  return lines;
}

/** Every heading and enumerated title line, in document order. */
function collectTitles(text: string, headings: readonly Heading[], paragraphs: readonly Paragraph[]): SectionTitle[] {
  const titles: SectionTitle[] = [];
  for (const heading of headings) {
    const source = text.slice(heading.range.start, heading.range.end);
    const { title, offset } = stripTitle(source);
    if (title.length === 0) continue;
    const at = heading.range.start + offset;
    titles.push({ title, titleRange: { start: at, end: at + title.length }, start: heading.range.start, heading: true });
  }
  for (const paragraph of paragraphs) {
    for (const line of titleLinesOf(paragraph)) {
      const start = paragraph.range.start + line.lineStart;
      const at = start + line.offset;
      titles.push({ title: line.title, titleRange: { start: at, end: at + line.title.length }, start, heading: false, inline: line.inline });
    }
  }
  return titles.sort((a, b) => a.start - b.start);
}

export interface Sections {
  titles: SectionTitle[];
}

/**
 * matchTitle depends on the name table, the title and the chain alone; the language server keeps
 * one name table while only prose changes, so a title already resolved is not scored again (the
 * similarity scoring is most of a section pass). Bounded: cleared when it grows past this.
 */
const MATCHES_KEPT = 10_000;
const matches = new WeakMap<IndicatorIndex, Map<string, IndexedIndicator | null>>();

function matchTitleOnce(index: IndicatorIndex, title: string, chain: readonly string[]): IndexedIndicator | undefined {
  let memo = matches.get(index);
  if (!memo) matches.set(index, (memo = new Map()));
  const key = `${chain.join('\u0001')}\u0000${title}`;
  const known = memo.get(key);
  if (known !== undefined) return known ?? undefined;
  const match = matchTitle(index, title, chain);
  if (memo.size >= MATCHES_KEPT) memo.clear();
  memo.set(key, match ?? null);
  return match;
}

/**
 * Resolve every title in one forward pass. The context is the last matched indicator; a title is
 * tried within that indicator's subtree, then within each ancestor's, exact names before similar
 * ones. A Markdown heading that names no indicator ends the indicator chapter.
 */
export function buildSections(index: IndicatorIndex, text: string, headings: readonly Heading[], paragraphs: readonly Paragraph[]): Sections {
  const titles = collectTitles(text, headings, paragraphs);
  let context: string | undefined;
  for (const entry of titles) {
    const chain: string[] = [];
    for (let key = context; key !== undefined; key = key === '' ? undefined : (index.byKey.get(key)?.parent ?? '')) chain.push(key);
    if (chain[chain.length - 1] !== '') chain.push('');
    const match = matchTitleOnce(index, entry.title, chain);
    if (match) {
      entry.indicator = match;
      context = match.key;
    } else if (entry.heading) {
      context = undefined;
    }
  }
  return { titles: titles.filter((entry) => !entry.inline || entry.indicator) };
}

/** How many titles start before `offset` (titles are sorted by start: a binary search). */
function countBefore(titles: readonly SectionTitle[], offset: number): number {
  let lo = 0;
  let hi = titles.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (titles[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The nearest title before `offset`. */
export function titleBefore(sections: Sections, offset: number): SectionTitle | undefined {
  const n = countBefore(sections.titles, offset);
  return n > 0 ? sections.titles[n - 1] : undefined;
}

/**
 * The titles a paragraph's recognition can see: the one in force before it starts and those inside
 * it. Recognition with these alone gives the same result as with every title of the document.
 */
export function sectionsFor(sections: Sections, range: Range): Sections {
  const first = Math.max(0, countBefore(sections.titles, range.start) - 1);
  return { titles: sections.titles.slice(first, countBefore(sections.titles, range.end)) };
}
