/**
 * Building fixes the same way in every rule: a corrected literal gets a 'direct' fix (that cell
 * only) and, when other numbers were derived from it, a 'cascade' fix (this cell and every
 * dependent total, rate, prose copy and grade word). The cascade is preferred — "fix all" must
 * leave the report consistent, not move the mismatch one level up.
 *
 * Every offered fix must leave the report with no new contradiction. The cascade edits the places
 * that agree with the corrected number now and would disagree after it changes (copies of it, sums
 * and rates computed from it, the grade). Changing the one cell alone would contradict them, so the
 * direct fix is offered next to the cascade only when the cascade merely updates copies that were
 * already at odds with the tables (see `CascadeResult.alone`); otherwise only the cascade is.
 */
import type Decimal from 'decimal.js';
import type { NumberLiteral, Range } from '../model/types';
import { formatLike } from '../text/numbers';
import { cascadeFix, type LiteralChange } from './cascade';
import type { Fix, Localized, RelatedPlace, RuleContext } from './types';

/** Fixes replacing `literal` by `value` (formatted like the literal). Empty when the text would not change. */
export function correctionFixes(context: RuleContext, changes: readonly LiteralChange[]): Fix[] {
  const direct = changes
    .map((change) => ({ range: change.literal.range, newText: formatLike(change.value, change.literal, change.decimals) }))
    .filter((edit, i) => edit.newText !== changes[i].literal.text);
  if (direct.length === 0) return [];
  const shown = direct.map((edit, i) => `${changes[i].literal.text} → ${edit.newText}`).join('，');
  const directFix: Fix = { kind: 'direct', title: { zh: `改为：${shown}`, en: `Change: ${shown}` }, preferred: true, edits: direct };
  const { edits, alone, blocked } = cascadeFix(context, changes);
  // a copy another table confirms would break whichever way: neither the cascade nor the cell alone helps
  if (blocked) return [];
  const extra = edits.length - direct.length;
  if (extra <= 0) return [directFix];
  const cascaded: Fix = { kind: 'cascade', title: cascadeTitle(shown, extra), preferred: true, edits };
  return alone ? [{ ...directFix, preferred: false }, cascaded] : [cascaded];
}

/** 「级联修正：18.73 → 18.72，并同步更新 1 处相关数字」: the same wording in every host. */
export function cascadeTitle(shown: string, extra: number): Localized {
  return {
    zh: `级联修正：${shown}，并同步更新 ${extra} 处相关数字`,
    en: `Cascade: ${shown}, and update ${extra} dependent number${extra > 1 ? 's' : ''}`,
  };
}

/** The one-literal case. */
export function correctLiteral(context: RuleContext, literal: NumberLiteral, value: Decimal, decimals?: number): Fix[] {
  return correctionFixes(context, [{ literal, value, decimals }]);
}

export function related(range: Range, zh: string, en: string): RelatedPlace {
  return { range, label: { zh, en } };
}

/** A literal as a related place: "表3-4 满意度 3.27". */
export function relatedLiteral(literal: NumberLiteral, where: Localized, name = ''): RelatedPlace {
  const zhName = name ? ` ${name}` : '';
  return { range: literal.range, label: { zh: `${where.zh}${zhName} ${literal.text}`, en: `${where.en}${zhName} ${literal.text}` } };
}

/** Short indicator name for labels (long 四级 names are cut). */
export function shortName(name: string, max = 14): string {
  const flat = name.replace(/\s+/gu, '');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const FIELD_NAMES: Record<'weight' | 'deduction' | 'score' | 'rate', Localized> = {
  weight: { zh: '分值', en: 'weight' },
  deduction: { zh: '扣分', en: 'deduction' },
  score: { zh: '得分', en: 'score' },
  rate: { zh: '得分率', en: 'score rate' },
};
