/**
 * Inlay hints after a wrong number: the value its preferred fix would write ("→ 18.72").
 */
import type { Range } from '../model/types';
import type { CheckResult } from '../engine/check';
import { intersects } from './derive';
import { tr, type Lang } from './locale';

export interface ValueHint {
  /** Offset the hint stands at (right after the wrong number). */
  offset: number;
  label: string;
  tooltip: string;
}

const MAX_LABEL = 24;

export function valueHints(result: CheckResult, lang: Lang, within?: Range): ValueHint[] {
  const hints: ValueHint[] = [];
  const seen = new Set<number>();
  for (const finding of result.findings) {
    if (within && !intersects(finding.range, within)) continue;
    const fix = finding.fixes.find((item) => item.preferred);
    // only a fix that rewrites a number inside the flagged place reads as "this should be …"
    const edit = fix?.edits.find((item) => intersects(item.range, finding.range) || item.range.start === finding.range.start);
    if (!edit || edit.newText.length === 0 || edit.newText.length > MAX_LABEL || !/\d/u.test(edit.newText) || seen.has(edit.range.end)) continue;
    seen.add(edit.range.end);
    hints.push({
      offset: edit.range.end,
      label: tr(lang, `应为 ${edit.newText}`, `→ ${edit.newText}`),
      tooltip: tr(lang, finding.message.zh, finding.message.en),
    });
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
