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

const NORMALIZED_CACHE_LIMIT = 20_000;

/**
 * `compute` with a memo of its answers. Rules compare the same few hundred names over and over;
 * cleared wholesale when full, which is simpler than LRU and just as good for this access pattern.
 */
function boundedMemo(compute: (name: string) => string): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const value = compute(name);
    if (cache.size >= NORMALIZED_CACHE_LIMIT) cache.clear();
    cache.set(name, value);
    return value;
  };
}

/** Normalise an indicator or option name for comparison. */
export const normalizeName = boundedMemo(computeNormalizedName);

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
export const looseName = boundedMemo(computeLooseName);

function computeLooseName(name: string): string {
  return normalizeName(name)
    .replace(/^(项目|部门)/u, '')
    .replace(/(类指标|指标|情况|类)$/u, '');
}
