/**
 * The word written right before a number: "满分 5 分", "分值为 20 分", "得分率：85.4%". Looks back a
 * few characters, ignoring whitespace and filler words (为, 是, 达到, 仅, ：…), and returns the first
 * keyword of `keywords` the remaining text ends with (list longer keywords first).
 */
import { isSpaceCode } from '../../text/sentences';

const FILLERS = ['达到', '为', '是', '了', '达', '约', '共', '计', '仅', '只有', '只', '：', ':', '"', '“', '”'];
const WINDOW = 16;

export function keywordBefore(text: string, index: number, keywords: readonly string[]): string | undefined {
  const from = Math.max(0, index - WINDOW);
  let before = text.slice(from, index);
  if (hasSpace(before)) before = withoutSpaces(before);
  for (;;) {
    // checked before stripping so that a keyword ending in a filler ("共计") is found whole
    const keyword = keywords.find((k) => before.endsWith(k));
    if (keyword !== undefined) return keyword;
    const filler = FILLERS.find((f) => before.endsWith(f));
    if (filler === undefined) return undefined;
    before = before.slice(0, before.length - filler.length);
  }
}

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

function withoutSpaces(text: string): string {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isSpaceCode(code)) codes.push(code);
  }
  return String.fromCharCode(...codes);
}
