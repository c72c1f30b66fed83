/**
 * Finding indicator names in prose. Every indicator of every indicator table is indexed by its
 * normalised and loose names (normalizeName / looseName), and a text is searched on a compact copy
 * (half-width, brackets unified, whitespace dropped) that maps back to source offsets, so a match
 * yields the name's exact source range.
 */
import type { IndicatorLevel, IndicatorTable, Range } from '../../model/types';
import { looseName, normalizeName } from '../../text/normalize';
import { toHalfWidthChar } from '../../text/numbers';

export interface IndexedIndicator {
  key: string;
  level: IndicatorLevel;
  /** Key of the parent ('' for level 1). */
  parent: string;
  norm: string;
  loose: string;
}

export interface IndicatorIndex {
  all: IndexedIndicator[];
  byKey: Map<string, IndexedIndicator>;
}

export function buildIndicatorIndex(tables: readonly IndicatorTable[]): IndicatorIndex {
  const byKey = new Map<string, IndexedIndicator>();
  for (const table of tables) {
    for (const ind of table.indicators) {
      if (byKey.has(ind.key)) continue;
      byKey.set(ind.key, { key: ind.key, level: ind.level, parent: ind.parent, norm: normalizeName(ind.name), loose: looseName(ind.name) });
    }
  }
  return { all: [...byKey.values()], byKey };
}

/** Is `key` equal to or below `ancestor`? */
export function isUnder(key: string, ancestor: string): boolean {
  return ancestor === '' || key === ancestor || key.startsWith(`${ancestor}/`);
}

const COMPACT_MAP: Record<string, string> = { '【': '[', '】': ']', '〔': '[', '〕': ']', '［': '[', '］': ']', '“': '"', '”': '"', '「': '"', '」': '"' };

/** A whitespace-free, half-width copy of a text with the source offset of every kept char. */
export interface Compact {
  text: string;
  offsets: number[];
}

export function compact(text: string, base = 0): Compact {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/u.test(ch)) continue;
    const half = toHalfWidthChar(ch);
    out += COMPACT_MAP[ch] ?? COMPACT_MAP[half] ?? half;
    offsets.push(base + i);
  }
  return { text: out, offsets };
}

export interface NameMatch {
  indicator: IndexedIndicator;
  /** Source range of the matched name. */
  range: Range;
}

/**
 * The longest indicator name found in `text` (document offset `base`), optionally restricted to
 * one level and to the part of the text before `limit` (a document offset).
 */
export function findIndicatorIn(
  index: IndicatorIndex,
  text: string,
  base: number,
  options: { level?: IndicatorLevel; limit?: number } = {},
): NameMatch | undefined {
  const c = compact(options.limit === undefined ? text : text.slice(0, Math.max(0, options.limit - base)), base);
  let best: { ind: IndexedIndicator; at: number; length: number } | undefined;
  for (const ind of index.all) {
    if (options.level !== undefined && ind.level !== options.level) continue;
    for (const name of [ind.norm, ind.loose]) {
      if (name.length < 2 || (best && name.length <= best.length)) continue;
      const at = c.text.indexOf(name);
      if (at >= 0) best = { ind, at, length: name.length };
    }
  }
  if (!best) return undefined;
  return { indicator: best.ind, range: { start: c.offsets[best.at], end: c.offsets[best.at + best.length - 1] + 1 } };
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}

/** Dice coefficient over character bigrams: how alike two written names are (0…1). */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let common = 0;
  for (const gram of x) {
    const at = pool.indexOf(gram);
    if (at >= 0) {
      common++;
      pool.splice(at, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/**
 * The indicator a written title (a heading) names: an exact normalised or loose match first, else
 * the clearly most similar name. `within` narrows the candidates to one subtree (the enclosing
 * heading's indicator). With `similar` false only exact matches count.
 */
export function matchTitle(index: IndicatorIndex, title: string, within = '', similar = true): IndexedIndicator | undefined {
  const norm = normalizeName(title);
  const loose = looseName(title);
  if (norm.length < 2) return undefined;
  const candidates = index.all.filter((ind) => isUnder(ind.key, within) && ind.key !== within);
  const exact = candidates.find((ind) => ind.norm === norm) ?? candidates.find((ind) => ind.loose === loose && loose.length >= 2);
  if (exact || !similar) return exact;
  let best: IndexedIndicator | undefined;
  let bestScore = 0;
  let second = 0;
  for (const ind of candidates) {
    const score = nameSimilarity(loose, ind.loose);
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = ind;
    } else if (score > second) second = score;
  }
  // within a known parent a looser match is safe; over the whole tree demand more
  const threshold = within === '' ? 0.66 : 0.55;
  return best && bestScore >= threshold && bestScore > second ? best : undefined;
}
