/**
 * Passages a text quotes rather than states: an inline code span (`…`) and a “…” quotation that
 * holds a clause of its own (，。；： or an "=" statement inside). A text citing a sentence — a
 * reviewer's note quoting the draft, an interview quoting a speaker — does not make the claims,
 * counts or facts in it; a short quoted term (“三公经费”, “优”) is part of the sentence and is not
 * a quotation here.
 */
import type { Range } from '../../model/types';

const CLAUSE_MARKS = new Set(['，', '。', '；', '：', ';', '=', '＝']);

const BACKTICK = 0x60;
const OPEN_QUOTE = 0x201c;
const CLOSE_QUOTE = 0x201d;
const NEWLINE = 0x0a;

function holdsClause(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (CLAUSE_MARKS.has(text[i])) return true;
  return false;
}

/** Quoted passages of `text` as document ranges (`base` = offset of `text`), in order. */
export function quotedPassages(text: string, base: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i); // by code: no string per character
    if (code === BACKTICK && depth === 0) {
      const close = text.indexOf('`', i + 1);
      const lineEnd = text.indexOf('\n', i + 1);
      if (close < 0 || (lineEnd >= 0 && lineEnd < close)) continue;
      out.push({ start: base + i, end: base + close + 1 });
      i = close;
    } else if (code === OPEN_QUOTE) {
      if (depth === 0) open = i;
      depth++;
    } else if (code === CLOSE_QUOTE && depth > 0) {
      depth--;
      if (depth === 0 && holdsClause(text, open, i)) out.push({ start: base + open, end: base + i + 1 });
    } else if (code === NEWLINE && text.charCodeAt(i + 1) === NEWLINE) {
      depth = 0; // an unclosed quotation does not run on past its block
    }
  }
  return out;
}

/** Is `range` inside one of `passages` (sorted, as quotedPassages returns them)? */
export function isQuoted(passages: readonly Range[], range: Range): boolean {
  for (const p of passages) {
    if (p.start > range.start) return false;
    if (range.end <= p.end) return true;
  }
  return false;
}
