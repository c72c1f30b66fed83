/** Counts over a run, shared by every output format and the exit code. */
import type { FileResult } from './results';
import { hasFailure } from './results';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings whose preferred fix --fix would apply. */
  fixable: number;
  /** Fixes applied (--fix) or that would be (--fix-dry-run). */
  fixed: number;
  /** Files that could not be checked or written (exit code 2). */
  failures: number;
  durationMs: number;
}

export function summarize(results: readonly FileResult[], durationMs: number): Summary {
  const summary: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0, fixable: 0, fixed: 0, failures: 0, durationMs };
  for (const result of results) {
    if (hasFailure(result)) summary.failures++;
    summary.fixed += result.fix?.applied ?? 0;
    for (const finding of result.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
      if (finding.fixes.some((fix) => fix.preferred && fix.edits.length > 0)) summary.fixable++;
    }
  }
  return summary;
}
