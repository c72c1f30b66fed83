/**
 * "Fix all": check → take every finding's preferred fix → applyFixes → check again, until the
 * text is stable. Shared by the editor command, the CLI's --fix and the fixture tests.
 */
import { applyFixes, editsOverlap, normalizeEdits, sameEdit } from './applyFixes';
import { checkReport, type CheckOptions } from './check';
import type { Finding, TextEdit } from './types';

export interface FixAllOptions extends CheckOptions {
  /** Maximum check → fix passes (a cascade may reveal a further fix). Default 5. */
  maxPasses?: number;
}

export interface FixAllResult {
  text: string;
  /** Passes that changed the text. */
  passes: number;
  /** Fixes applied over all passes. */
  applied: number;
}

/**
 * The preferred fix of every finding, taken whole or not at all: a fix whose edits overlap an
 * already taken edit waits for the next pass (identical edits, e.g. two cascades reaching the
 * same total, are merged).
 */
export function preferredEdits(findings: readonly Finding[]): { edits: TextEdit[]; fixes: number } {
  const taken: TextEdit[] = [];
  let fixes = 0;
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.preferred);
    if (!fix || fix.edits.length === 0) continue;
    const fresh = fix.edits.filter((edit) => !taken.some((other) => sameEdit(edit, other)));
    if (fresh.some((edit) => taken.some((other) => editsOverlap(edit, other)))) continue;
    try {
      normalizeEdits(fresh);
    } catch {
      continue; // a fix that overlaps itself is broken; skip it rather than corrupt the text
    }
    taken.push(...fresh);
    fixes++;
  }
  return { edits: taken, fixes };
}

/** Apply preferred fixes until the text is stable. Running it on its own output changes nothing. */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const maxPasses = options.maxPasses ?? 5;
  let current = text;
  let passes = 0;
  let applied = 0;
  while (passes < maxPasses) {
    const { findings } = checkReport(current, options);
    const { edits, fixes } = preferredEdits(findings);
    if (edits.length === 0) break;
    const next = applyFixes(current, edits);
    if (next === current) break;
    current = next;
    passes++;
    applied += fixes;
  }
  return { text: current, passes, applied };
}
