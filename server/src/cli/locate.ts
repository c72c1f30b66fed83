/** Core findings → located findings (offsets plus line/column) for the output formats. */
import type { Finding } from '../core/engine/types';
import { LineIndex } from './lineIndex';
import type { LocatedFinding } from './results';

export function locateFindings(text: string, findings: readonly Finding[]): LocatedFinding[] {
  const lines = new LineIndex(text);
  return findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    location: lines.locate(finding.range),
    related: finding.related.map((place) => ({ location: lines.locate(place.range), label: place.label })),
    fixes: finding.fixes.map((fix) => ({
      kind: fix.kind,
      title: fix.title,
      preferred: fix.preferred,
      edits: fix.edits.map((edit) => ({ location: lines.locate(edit.range), newText: edit.newText })),
    })),
    ...(finding.rounding ? { rounding: true } : {}),
  }));
}
