/**
 * Name normalisation: the same indicator written in two places must produce the same key.
 * "绩效目标 合理性", "绩效目标合理性（5分）" and "绩效目标合理性" are one indicator.
 */
import { toHalfWidth } from './numbers';

const BRACKETS: Record<string, string> = { '【': '[', '】': ']', '〔': '[', '〕': ']', '［': '[', '］': ']', '「': '"', '」': '"', '“': '"', '”': '"' };

/** Normalise an indicator or option name for comparison. */
export function normalizeName(name: string): string {
  let text = toHalfWidth(name);
  let out = '';
  for (const ch of text) out += BRACKETS[ch] ?? ch;
  text = out
    // a weight written into the name: "决策(20 分）", "投入（15分）"
    .replace(/\(\s*\d+(?:\.\d+)?\s*分?\s*\)\s*$/u, '')
    .replace(/\s+/gu, '')
    .replace(/[：:。，,；;、]+$/u, '');
  return text;
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
  return normalizeName(name)
    .replace(/^(项目|部门)/u, '')
    .replace(/(类指标|指标|情况|类)$/u, '');
}
