/**
 * Quick-fix titles as the editor lists them: a cascade says so up front (「级联修正：18.73 → 18.72
 * …」) so that it reads apart from the direct fix of the same number.
 */
import type { Fix } from '../engine/types';
import { pick, type Lang } from './locale';

const CASCADE_PREFIX = { zh: '级联修正：', en: 'Cascade: ' };
/** The engine's titles start with a verb ("改为：", "Change: ") that the prefix replaces. */
const LEADING_VERB = { zh: /^改为[：:]\s*/u, en: /^change:\s*/iu };

export function fixTitle(fix: Fix, lang: Lang): string {
  const title = pick(fix.title, lang);
  if (fix.kind !== 'cascade' || /级联|cascade/iu.test(title)) return title;
  return CASCADE_PREFIX[lang] + title.replace(LEADING_VERB[lang], '');
}

/**
 * The fix the editor marks preferred (Ctrl+. applies it): the engine's preferred fix, except that
 * when the engine prefers a cascade the direct fix of the same number stays the editor's choice —
 * the cascade touches other places and is offered next to it. `fixAll` still applies the cascade.
 */
export function editorPreferred(fixes: readonly Fix[]): Fix | undefined {
  const preferred = fixes.find((fix) => fix.preferred);
  if (preferred?.kind === 'cascade') return fixes.find((fix) => fix.kind === 'direct') ?? preferred;
  return preferred;
}
