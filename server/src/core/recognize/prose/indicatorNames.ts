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
  /** Bigram counts of `loose`, for similarity. */
  grams: Map<string, number>;
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
      const loose = looseName(ind.name);
      byKey.set(ind.key, { key: ind.key, level: ind.level, parent: ind.parent, norm: normalizeName(ind.name), loose, grams: bigramCounts(loose) });
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
  /** Source range of the name as written, with a 项目/部门 prefix and 类指标/指标/类 suffix. */
  range: Range;
  /** Written as an indicator ("决策类指标", "过程指标"), not just a word that happens to be a name. */
  marked: boolean;
}

const NAME_PREFIXES = ['项目', '部门'];
const NAME_SUFFIXES = ['类指标', '指标', '类'];

/**
 * The indicator a text names first (the topic of a Chinese sentence comes first); among names that
 * overlap that first one the longest wins ("立项依据充分性" over "项目立项" in "项目立项依据充分性").
 * Optionally restricted to one level, to levels above (numerically below) `below`, and to the text
 * before `limit` (a document offset).
 */
export function findIndicatorIn(
  index: IndicatorIndex,
  text: string,
  base: number,
  options: { level?: IndicatorLevel; below?: IndicatorLevel; limit?: number } = {},
): NameMatch | undefined {
  const c = compact(options.limit === undefined ? text : text.slice(0, Math.max(0, options.limit - base)), base);
  const found: { ind: IndexedIndicator; at: number; length: number }[] = [];
  for (const ind of index.all) {
    if (options.level !== undefined && ind.level !== options.level) continue;
    if (options.below !== undefined && ind.level >= options.below) continue;
    for (const name of new Set([ind.norm, ind.loose])) {
      if (name.length < 2) continue;
      const at = c.text.indexOf(name);
      if (at >= 0) found.push({ ind, at, length: name.length });
    }
  }
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  let best = found[0];
  const cluster: typeof found = [];
  for (const f of found) {
    if (f.at >= best.at + best.length) break;
    cluster.push(f);
    if (f.length > best.length) best = f;
  }
  // "项目效益类指标" names a category, i.e. a level-1 indicator, even when a level-2 one is called 项目效益
  const category = cluster.find((f) => f.ind.level === 1 && c.text.startsWith('类', f.at + f.length));
  if (category && c.text.startsWith('类', best.at + best.length)) best = category;
  if (!best) return undefined;
  let at = best.at;
  let end = best.at + best.length;
  const prefix = NAME_PREFIXES.find((p) => c.text.slice(0, at).endsWith(p) && !best?.ind.norm.startsWith(p));
  if (prefix) at -= prefix.length;
  const suffix = NAME_SUFFIXES.find((p) => c.text.startsWith(p, end));
  if (suffix) end += suffix.length;
  return { indicator: best.ind, range: { start: c.offsets[at], end: c.offsets[end - 1] + 1 }, marked: suffix !== undefined };
}

function bigramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const gram = text.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function bigramDice(x: Map<string, number>, xLength: number, y: Map<string, number>, yLength: number): number {
  if (xLength <= 0 || yLength <= 0) return 0;
  let common = 0;
  for (const [gram, count] of x) common += Math.min(count, y.get(gram) ?? 0);
  return (2 * common) / (xLength + yLength);
}

/** Dice coefficient over character bigrams: how alike two written names are (0…1). */
export function nameSimilarity(a: string, b: string): number {
  return a === b ? 1 : bigramDice(bigramCounts(a), a.length - 1, bigramCounts(b), b.length - 1);
}

/**
 * The indicator a written title (a heading) names. `chain` lists the subtrees to try, narrowest
 * first ('' = the whole tree): an exact normalised or loose match in any of them wins; else the
 * clearly most similar name within the narrowest subtree that has one.
 */
export function matchTitle(index: IndicatorIndex, title: string, chain: readonly string[]): IndexedIndicator | undefined {
  const norm = normalizeName(title);
  const loose = looseName(title);
  if (norm.length < 2) return undefined;
  const inside = (ind: IndexedIndicator, within: string): boolean => isUnder(ind.key, within) && ind.key !== within;
  for (const within of chain) {
    const exact = index.all.find((ind) => inside(ind, within) && ind.norm === norm)
      ?? index.all.find((ind) => inside(ind, within) && ind.loose === loose && loose.length >= 2);
    if (exact) return exact;
  }
  const grams = bigramCounts(loose);
  const scores = new Map(index.all.map((ind) => [ind, bigramDice(grams, loose.length - 1, ind.grams, ind.loose.length - 1)]));
  for (const within of chain) {
    let best: IndexedIndicator | undefined;
    let bestScore = 0;
    let second = 0;
    for (const [ind, score] of scores) {
      if (!inside(ind, within)) continue;
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = ind;
      } else if (score > second) second = score;
    }
    // within a known parent a looser match is safe; over the whole tree demand more
    const threshold = within === '' ? 0.66 : 0.55;
    if (best && bestScore >= threshold && bestScore > second) return best;
  }
  return undefined;
}
