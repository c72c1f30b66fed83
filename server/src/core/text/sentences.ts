/**
 * Sentence splitting for prose: a sentence ends after 。；！？ (either width) or at a line end that
 * really ends something. Ranges are document offsets and `text === doc.slice(range)`.
 *
 * A line end only splits when the line ends with punctuation (a hard break) or the next line starts
 * a new enumerated item ("（2）…", "2.", "①", "- "). Otherwise it is a soft wrap of one sentence
 * (Markdown drafts converted from PDF keep the PDF's line wraps), and the sentence runs on.
 */
import type { TextSpan } from '../model/types';

const STRONG_ENDS = new Set(['。', '！', '？', '!', '?']);
const CLAUSE_ENDS = new Set(['；', ';']);
const codesOf = (set: ReadonlySet<string>): Set<number> => new Set([...set].map((ch) => ch.charCodeAt(0)));
const STRONG_END_CODES = codesOf(STRONG_ENDS);
const CLAUSE_END_CODES = codesOf(CLAUSE_ENDS);
/** Closing quotes and brackets kept with the sentence they end. */
const TRAILING_CLOSERS = new Set(['”', '’', '」', '』', '）', ')']);
/** Characters after which a line end is a real break. */
const LINE_END_PUNCTUATION = new Set(['。', '！', '？', '!', '?', '；', ';', '：', ':', '）', ')', '”']);

/** White space as /\s/u sees it, by code (no regex per character in the hot loop). */
export function isSpaceCode(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0x1680
    || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0xfeff;
}

export interface SentenceOptions {
  /** Offset of `text` in the document. */
  base?: number;
  /** Also split at ；/; (default true). A "full sentence" (false) keeps 其中…；… lists together. */
  clauses?: boolean;
}

/** Does the line starting at `index` begin with an enumeration or list marker? */
export function startsWithItemMarker(text: string, index: number): boolean {
  let i = index;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '>') i++;
  const ch = text[i];
  if (ch === undefined) return false;
  if (ch === '-' || ch === '*' || ch === '+') return text[i + 1] === ' ';
  if (ch >= '①' && ch <= '⑳') return true;
  if (ch === '（' || ch === '(') {
    const close = text.slice(i + 1, i + 5).search(/[）)]/u);
    return close > 0 && /^[0-9一二三四五六七八九十]+$/u.test(text.slice(i + 1, i + 1 + close));
  }
  let j = i;
  while (j < text.length && /[0-9一二三四五六七八九十]/u.test(text[j])) j++;
  return j > i && j - i <= 3 && ['.', '、', '．'].includes(text[j]) && !/[0-9]/u.test(text[j + 1] ?? '');
}

function lastNonSpaceBefore(text: string, index: number, floor: number): string | undefined {
  let i = index - 1;
  while (i >= floor && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i--;
  return i >= floor ? text[i] : undefined;
}

/** Split `text` into trimmed sentences; empty pieces are dropped. */
export function splitSentences(text: string, options: SentenceOptions = {}): TextSpan[] {
  const base = options.base ?? 0;
  const clauses = options.clauses ?? true;
  const out: TextSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ text: text.slice(s, e), range: { start: base + s, end: base + e } });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    // by code: most characters are none of the marks, and indexing a CJK one allocates a string
    const code = text.charCodeAt(i);
    if (STRONG_END_CODES.has(code) || (clauses && CLAUSE_END_CODES.has(code))) {
      // keep a closing quote or bracket that follows the mark with the sentence
      let end = i + 1;
      while (end < text.length && TRAILING_CLOSERS.has(text[end])) end++;
      push(end);
      i = end - 1;
    } else if (code === 0x0a) {
      const before = lastNonSpaceBefore(text, i, start);
      if (before === undefined) continue;
      if (LINE_END_PUNCTUATION.has(before) || startsWithItemMarker(text, i + 1) || text[i + 1] === '\n') push(i);
    }
  }
  push(text.length);
  return out;
}
