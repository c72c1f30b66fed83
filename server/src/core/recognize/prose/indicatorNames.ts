/**
 * Finding indicator names in prose. Every indicator of every indicator table is indexed by its
 * normalised and loose names (normalizeName / looseName), and a text is searched on a compact copy
 * (half-width, brackets unified, whitespace dropped) that maps back to source offsets, so a match
 * yields the name's exact source range.
 */
import type { IndicatorLevel, IndicatorTable, Range, TextSpan } from '../../model/types';
import { looseName, normalizeName } from '../../text/normalize';
import { fromCodes } from '../../text/numbers';
import { isSpaceCode } from '../../text/sentences';

export interface IndexedIndicator {
  key: string;
  level: IndicatorLevel;
  /** Key of the parent ('' for level 1). */
  parent: string;
  norm: string;
  loose: string;
  /** Bigram counts of `loose`, for similarity. */
  grams: Grams;
}

/** One searchable name of an indicator (its normalised or its loose form, at least 2 chars). */
export interface IndexedName {
  indicator: IndexedIndicator;
  name: string;
}

/**
 * The indicator name table of a document, built once: every name to search for in prose and the
 * exact-name lookups used to match titles.
 */
export interface IndicatorIndex {
  all: IndexedIndicator[];
  byKey: Map<string, IndexedIndicator>;
  names: IndexedName[];
  byNorm: Map<string, IndexedIndicator[]>;
  byLoose: Map<string, IndexedIndicator[]>;
  /** Bigram → the indicators whose loose name has it, with its count there. */
  postings: Map<number, { indicator: IndexedIndicator; count: number }[]>;
  /** Keys of the indicators that have children. */
  parents: Set<string>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
  const all = [...byKey.values()];
  const names: IndexedName[] = [];
  const byNorm = new Map<string, IndexedIndicator[]>();
  const byLoose = new Map<string, IndexedIndicator[]>();
  const postings: IndicatorIndex['postings'] = new Map();
  for (const indicator of all) {
    if (indicator.norm.length >= 2) names.push({ indicator, name: indicator.norm });
    if (indicator.loose.length >= 2 && indicator.loose !== indicator.norm) names.push({ indicator, name: indicator.loose });
    push(byNorm, indicator.norm, indicator);
    push(byLoose, indicator.loose, indicator);
    for (const [gram, count] of indicator.grams) push(postings, gram, { indicator, count });
  }
  return { all, byKey, names, byNorm, byLoose, postings, parents: new Set(all.map((indicator) => indicator.parent)) };
}

/** Is `key` equal to or below `ancestor`? */
export function isUnder(key: string, ancestor: string): boolean {
  return ancestor === '' || key === ancestor || key.startsWith(`${ancestor}/`);
}

const COMPACT_MAP: Record<string, string> = { '【': '[', '】': ']', '〔': '[', '〕': ']', '［': '[', '］': ']', '“': '"', '”': '"', '「': '"', '」': '"' };
const COMPACT_CODES = new Map<number, number>(Object.entries(COMPACT_MAP).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));

/** A whitespace-free, half-width copy of a text with the source offset of every kept char. */
export interface Compact {
  text: string;
  offsets: number[];
}

export function compact(text: string, base = 0): Compact {
  const codes: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (isSpaceCode(code)) continue;
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    codes.push(COMPACT_CODES.get(code) ?? code);
    offsets.push(base + i);
  }
  return { text: fromCodes(codes), offsets };
}

/** Memo of the compact copy of a sentence: several recognizers look for names in the same one. */
const compacts = new WeakMap<TextSpan, Compact>();

export function compactOf(span: TextSpan): Compact {
  let c = compacts.get(span);
  if (!c) {
    c = compact(span.text, span.range.start);
    compacts.set(span, c);
  }
  return c;
}

/** Index of the first kept char at or after document offset `offset` (binary search). */
function compactIndex(c: Compact, offset: number): number {
  let lo = 0;
  let hi = c.offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.offsets[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

export interface FindOptions {
  level?: IndicatorLevel;
  below?: IndicatorLevel;
  /** Document offsets bounding the search (default: the whole span). */
  from?: number;
  limit?: number;
}

/**
 * The indicator a sentence names first (the topic of a Chinese sentence comes first); among names
 * that overlap that first one the longest wins ("立项依据充分性" over "项目立项" in "项目立项依据充分性").
 * Optionally restricted to one level, to levels above (numerically below) `below`, and to the
 * text between the document offsets `from` and `limit`.
 */
export function findIndicatorIn(index: IndicatorIndex, span: TextSpan, options: FindOptions = {}): NameMatch | undefined {
  const c = compactOf(span);
  const lo = options.from === undefined ? 0 : compactIndex(c, options.from);
  const hi = options.limit === undefined ? c.text.length : compactIndex(c, options.limit);
  if (hi - lo < 2) return undefined;
  const startsWithin = (word: string, at: number): boolean => at + word.length <= hi && c.text.startsWith(word, at);
  const found: { ind: IndexedIndicator; at: number; length: number }[] = [];
  for (const { indicator, name } of index.names) {
    if (options.level !== undefined && indicator.level !== options.level) continue;
    if (options.below !== undefined && indicator.level >= options.below) continue;
    const at = c.text.indexOf(name, lo);
    if (at >= 0 && at + name.length <= hi) found.push({ ind: indicator, at, length: name.length });
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  let best = found[0];
  const cluster: typeof found = [];
  for (const f of found) {
    if (f.at >= best.at + best.length) break;
    cluster.push(f);
    if (f.length > best.length) best = f;
  }
  // "项目效益类指标" names a category, i.e. a level-1 indicator, even when a level-2 one is called 项目效益
  const category = cluster.find((f) => f.ind.level === 1 && startsWithin('类', f.at + f.length));
  if (category && startsWithin('类', best.at + best.length)) best = category;
  const chosen = best;
  let at = chosen.at;
  let end = chosen.at + chosen.length;
  const prefix = NAME_PREFIXES.find((p) => at - p.length >= lo && c.text.startsWith(p, at - p.length) && !chosen.ind.norm.startsWith(p));
  if (prefix) at -= prefix.length;
  const suffix = NAME_SUFFIXES.find((p) => startsWithin(p, end));
  if (suffix) end += suffix.length;
  return { indicator: chosen.ind, range: { start: c.offsets[at], end: c.offsets[end - 1] + 1 }, marked: suffix !== undefined };
}

/** Bigram counts keyed by the two UTF-16 codes (no substring per bigram). */
type Grams = Map<number, number>;

function bigramCounts(text: string): Grams {
  const counts: Grams = new Map();
  for (let i = 0; i + 1 < text.length; i++) {
    const gram = text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function bigramDice(x: Grams, xLength: number, y: Grams, yLength: number): number {
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
 * Dice similarity of `loose` with every indicator sharing a bigram with it (the others score 0 and
 * can never be a match), through the bigram postings: no pass over every indicator per title.
 */
function similarities(index: IndicatorIndex, loose: string): Map<IndexedIndicator, number> {
  const common = new Map<IndexedIndicator, number>();
  for (const [gram, count] of bigramCounts(loose)) {
    for (const posting of index.postings.get(gram) ?? []) {
      common.set(posting.indicator, (common.get(posting.indicator) ?? 0) + Math.min(count, posting.count));
    }
  }
  const scores = new Map<IndexedIndicator, number>();
  const xLength = loose.length - 1;
  for (const [indicator, shared] of common) {
    const yLength = indicator.loose.length - 1;
    if (xLength > 0 && yLength > 0) scores.set(indicator, (2 * shared) / (xLength + yLength));
  }
  return scores;
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
  const sameNorm = index.byNorm.get(norm) ?? [];
  const sameLoose = loose.length >= 2 ? (index.byLoose.get(loose) ?? []) : [];
  for (const within of chain) {
    const exact = sameNorm.find((ind) => inside(ind, within)) ?? sameLoose.find((ind) => inside(ind, within));
    if (exact) return exact;
  }
  const scores = similarities(index, loose);
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
