/**
 * Name normalisation: the same indicator written in two places must produce the same key.
 * "绩效目标 合理性", "绩效目标合理性（5分）" and "绩效目标合理性" are one indicator.
 */
import { toHalfWidth } from './numbers';

const BRACKETS: Record<string, string> = { '【': '[', '】': ']', '〔': '[', '〕': ']', '［': '[', '］': ']', '「': '"', '」': '"', '“': '"', '”': '"' };

const TRAILING_PUNCTUATION = new Set(['：', ':', '。', '，', ',', '；', ';', '、']);

/**
 * A weight written at the end of a name, "决策(20 分）" / "投入（15分）", is cut off. Written as a
 * scan from the end rather than an end-anchored regex, which would be quadratic on long text.
 */
function withoutWeightSuffix(text: string): string {
  if (!text.endsWith(')')) return text;
  const open = text.lastIndexOf('(');
  if (open < 0) return text;
  const inside = text.slice(open + 1, -1).replace(/\s/gu, '');
  const digits = inside.endsWith('分') ? inside.slice(0, -1) : inside;
  return /^\d+(?:\.\d+)?$/u.test(digits) ? text.slice(0, open) : text;
}

/**
 * Rules compare the same few hundred names over and over; a bounded memo keeps that cheap.
 * Cleared wholesale when full, which is simpler than LRU and just as good for this access pattern.
 */
const normalizedCache = new Map<string, string>();
const NORMALIZED_CACHE_LIMIT = 20_000;

/** Normalise an indicator or option name for comparison. */
export function normalizeName(name: string): string {
  const cached = normalizedCache.get(name);
  if (cached !== undefined) return cached;
  const normalized = computeNormalizedName(name);
  if (normalizedCache.size >= NORMALIZED_CACHE_LIMIT) normalizedCache.clear();
  normalizedCache.set(name, normalized);
  return normalized;
}

function computeNormalizedName(name: string): string {
  let out = '';
  for (const ch of toHalfWidth(name)) {
    if (/\s/u.test(ch)) continue;
    out += BRACKETS[ch] ?? ch;
  }
  out = withoutWeightSuffix(out);
  let end = out.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(out[end - 1])) end--;
  return out.slice(0, end);
}

/** Join normalised names into an indicator key. */
export function keyOf(path: readonly string[]): string {
  return path.map(normalizeName).join('/');
}

/**
 * Loose comparison used to match a name written in prose to a table's indicator: the prose
 * often drops a leading 项目 ("项目决策" vs "决策") or the trailing 指标/情况.
 */
export function looseName(name: string): string {
  const cached = looseCache.get(name);
  if (cached !== undefined) return cached;
  const loose = computeLooseName(name);
  if (looseCache.size >= NORMALIZED_CACHE_LIMIT) looseCache.clear();
  looseCache.set(name, loose);
  return loose;
}

const looseCache = new Map<string, string>();

function computeLooseName(name: string): string {
  return normalizeName(name)
    .replace(/^(项目|部门)/u, '')
    .replace(/(类指标|指标|情况|类)$/u, '');
}
