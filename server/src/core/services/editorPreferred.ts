/**
 * The fix the editor marks preferred (Ctrl+. applies it): the engine's preferred fix, except that
 * when the engine prefers a cascade the direct fix of the same number stays the editor's choice —
 * the cascade touches other places and is offered next to it (its title says it is one:
 * 「级联修正：18.73 → 18.72 …」). `fixAll` still applies the cascade.
 */
import type { Fix } from '../engine/types';

export function editorPreferred(fixes: readonly Fix[]): Fix | undefined {
  const preferred = fixes.find((fix) => fix.preferred);
  if (preferred?.kind === 'cascade') return fixes.find((fix) => fix.kind === 'direct') ?? preferred;
  return preferred;
}
