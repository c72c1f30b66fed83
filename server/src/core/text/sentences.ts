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
/** Characters after which a line end is a real break. */
const LINE_END_PUNCTUATION = new Set(['。', '！', '？', '!', '?', '；', ';', '：', ':', '）', ')', '”']);

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
    while (s < e && /\s/u.test(text[s])) s++;
    while (e > s && /\s/u.test(text[e - 1])) e--;
    if (e > s) out.push({ text: text.slice(s, e), range: { start: base + s, end: base + e } });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (STRONG_ENDS.has(ch) || (clauses && CLAUSE_ENDS.has(ch))) {
      // keep a closing quote or bracket that follows the mark with the sentence
      let end = i + 1;
      while (end < text.length && /[”’」』）)]/u.test(text[end])) end++;
      push(end);
      i = end - 1;
    } else if (ch === '\n') {
      const before = lastNonSpaceBefore(text, i, start);
      if (before === undefined) continue;
      if (LINE_END_PUNCTUATION.has(before) || startsWithItemMarker(text, i + 1) || text[i + 1] === '\n') push(i);
    }
  }
  push(text.length);
  return out;
}
