/**
 * The word written right before a number: "满分 5 分", "分值为 20 分", "得分率：85.4%". Looks back a
 * few characters, ignoring whitespace and filler words (为, 是, 达到, ：…), and returns the first
 * keyword of `keywords` the remaining text ends with (list longer keywords first).
 */
const FILLERS = ['达到', '为', '是', '了', '达', '约', '共', '计', '：', ':', '"', '“', '”'];
const WINDOW = 16;

export function keywordBefore(text: string, index: number, keywords: readonly string[]): string | undefined {
  let before = text.slice(Math.max(0, index - WINDOW), index).replace(/\s+/gu, '');
  for (;;) {
    // checked before stripping so that a keyword ending in a filler ("共计") is found whole
    const keyword = keywords.find((k) => before.endsWith(k));
    if (keyword !== undefined) return keyword;
    const filler = FILLERS.find((f) => before.endsWith(f));
    if (filler === undefined) return undefined;
    before = before.slice(0, before.length - filler.length);
  }
}
