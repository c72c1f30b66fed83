/**
 * Mutations that turn a good report into the kinds of drafts Tally meets in practice: pasted
 * from Word, half-written, converted by pandoc, hand-edited tables — and into hostile input.
 * Every mutator is a pure function of (text, random) so a seed reproduces a run.
 */
export type Random = () => number;

export interface Mutator {
  name: string;
  apply(text: string, random: Random): string;
}

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

function lines(text: string): string[] {
  return text.split('\n');
}

function randomLineIndex(all: string[], random: Random, predicate: (line: string) => boolean = () => true): number {
  const candidates = all.map((line, index) => (predicate(line) ? index : -1)).filter((index) => index >= 0);
  return candidates.length ? pick(candidates, random) : Math.floor(random() * all.length);
}

function insertAt(text: string, random: Random, fragment: string): string {
  const at = Math.floor(random() * (text.length + 1));
  return text.slice(0, at) + fragment + text.slice(at);
}

const isTableRow = (line: string): boolean => line.trimStart().startsWith('|');

export const MUTATORS: Mutator[] = [
  { name: 'delete-line', apply: (text, random) => { const all = lines(text); all.splice(randomLineIndex(all, random), 1); return all.join('\n'); } },
  { name: 'duplicate-line', apply: (text, random) => { const all = lines(text); const i = randomLineIndex(all, random); all.splice(i, 0, all[i]); return all.join('\n'); } },
  {
    name: 'swap-lines',
    apply: (text, random) => {
      const all = lines(text);
      const a = randomLineIndex(all, random);
      const b = randomLineIndex(all, random);
      [all[a], all[b]] = [all[b], all[a]];
      return all.join('\n');
    },
  },
  {
    name: 'delete-cell',
    apply: (text, random) => {
      const all = lines(text);
      const i = randomLineIndex(all, random, isTableRow);
      const cells = all[i].split('|');
      if (cells.length > 2) cells.splice(1 + Math.floor(random() * (cells.length - 2)), 1);
      all[i] = cells.join('|');
      return all.join('\n');
    },
  },
  {
    name: 'duplicate-cell',
    apply: (text, random) => {
      const all = lines(text);
      const i = randomLineIndex(all, random, isTableRow);
      const cells = all[i].split('|');
      const c = Math.floor(random() * cells.length);
      cells.splice(c, 0, cells[c]);
      all[i] = cells.join('|');
      return all.join('\n');
    },
  },
  {
    name: 'change-number',
    apply: (text, random) => {
      const matches = [...text.matchAll(/\d+(?:\.\d+)?/g)];
      if (!matches.length) return text;
      const match = pick(matches, random);
      const replacement = pick(['0', '100', '18.72', '99999999999999999999', '0.000001', '1e309', '-3', '９５．１８', '1,000,000', String(Math.floor(random() * 1000) / 100)], random);
      return text.slice(0, match.index) + replacement + text.slice((match.index ?? 0) + match[0].length);
    },
  },
  {
    name: 'flip-character',
    apply: (text, random) => {
      if (!text.length) return text;
      const at = Math.floor(random() * text.length);
      return text.slice(0, at) + pick(['|', '-', '\n', ' ', '（', '）', '［', '=', '%', '分', '\u0000', '\uFFFD', '<', '>'], random) + text.slice(at + 1);
    },
  },
  { name: 'insert-pipes', apply: (text, random) => insertAt(text, random, pick(['|', '||', '| --- |', '\n| a | b |\n|---|---|\n| 1 |', '\\|'], random)) },
  {
    name: 'insert-html',
    apply: (text, random) =>
      insertAt(text, random, pick(['<table>', '</table>', '<td rowspan="999999">9</td>', '<tr><td colspan="0">', '<!--', '-->', '<table><tr><td>合计</td><td>1</td>', '<br />', '&amp;#x39;', '<td rowspan=-1>'], random)),
  },
  { name: 'nan-words', apply: (text, random) => insertAt(text, random, pick(['NaN 分', 'Infinity%', '满分 分', '得分 — 分', '得分率 %', '总分 ∞ 分', '绩效评级为“”'], random)) },
  {
    name: 'unbalanced-formula',
    apply: (text, random) => insertAt(text, random, pick(['＝（10/10', '=((((((1', '资金到位率=（10/0）×100%=100%', '=［（12*100%+5*80%）/22*1*100%=86.36%', `=${'('.repeat(500)}1${')'.repeat(500)}=1`], random)),
  },
  { name: 'wide-row', apply: (text, random) => insertAt(text, random, `\n\n| 指标 |${' 1 |'.repeat(10_000)}\n| --- |${' --- |'.repeat(10_000)}\n`) },
  {
    name: 'nested-list',
    apply: (text, random) => insertAt(text, random, '\n\n' + Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- 得分 ${depth} 分`).join('\n') + '\n'),
  },
  { name: 'invalid-utf8', apply: (text, random) => insertAt(text, random, pick(['\uD800', '\uDFFF', '\uFFFD\uFFFD', Buffer.from([0xc3, 0x28, 0xa0, 0xa1]).toString('utf8')], random)) },
  { name: 'nul-bytes', apply: (text, random) => insertAt(text, random, '\u0000'.repeat(1 + Math.floor(random() * 8))) },
  { name: 'crlf', apply: (text) => text.replace(/\n/g, '\r\n') },
  { name: 'truncate', apply: (text, random) => text.slice(0, Math.floor(random() * text.length)) },
];
