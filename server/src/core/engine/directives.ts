/**
 * Inline directives written in the document (`<!-- tally-disable-next-line rule-a -->`,
 * `<!-- tally-disable … -->` … `<!-- tally-enable … -->`). The parser records them in
 * `model.directives`; this module decides which findings they silence.
 *
 * - disable-next-line: silences findings starting on the line right after the comment's last line.
 * - disable / enable: for a finding at offset p and rule r, the last disable/enable before p
 *   that names r (or names no rule = every rule) decides.
 * - no rule ids = every rule.
 */
import type { Directive } from '../model/types';
import type { Finding } from './types';

/** Offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 0-based line containing `offset` (binary search over line starts). */
export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** Keep the findings no directive silences. */
export function applyDirectives(text: string, directives: readonly Directive[], findings: readonly Finding[]): Finding[] {
  if (directives.length === 0) return [...findings];
  const starts = lineStarts(text);
  const ordered = [...directives].sort((a, b) => a.range.start - b.range.start);
  const silencedLines = new Map<number, Directive[]>();
  for (const directive of ordered) {
    if (directive.kind !== 'disable-next-line') continue;
    const line = lineOf(starts, Math.max(directive.range.start, directive.range.end - 1)) + 1;
    const list = silencedLines.get(line) ?? [];
    list.push(directive);
    silencedLines.set(line, list);
  }
  const regions = ordered.filter((directive) => directive.kind !== 'disable-next-line');
  return findings.filter((finding) => {
    const line = lineOf(starts, finding.range.start);
    if (silencedLines.get(line)?.some((directive) => names(directive, finding.ruleId))) return false;
    let disabled = false;
    for (const directive of regions) {
      if (directive.range.end > finding.range.start) break;
      if (names(directive, finding.ruleId)) disabled = directive.kind === 'disable';
    }
    return !disabled;
  });
}
