/**
 * `--format json`: the versioned machine output documented in docs/cli.md and described by
 * schemas/tally-output.schema.json. Bump JSON_FORMAT_VERSION on any incompatible change.
 */
import { pick, type Lang } from '../i18n';
import { TOOL_NAME, TOOL_VERSION } from '../meta';
import type { FileResult, LocatedFinding, Location } from '../results';
import type { Summary } from '../summary';

export const JSON_FORMAT_VERSION = 1;

function place(location: Location) {
  return {
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
    range: { start: location.start, end: location.end },
  };
}

function finding(item: LocatedFinding, lang: Lang) {
  return {
    ruleId: item.ruleId,
    severity: item.severity,
    message: pick(lang, item.message),
    ...place(item.location),
    related: item.related.map((related) => ({ message: pick(lang, related.label), ...place(related.location) })),
    fixes: item.fixes.map((fix) => ({
      kind: fix.kind,
      title: pick(lang, fix.title),
      preferred: fix.preferred,
      edits: fix.edits.map((edit) => ({ ...place(edit.location), newText: edit.newText })),
    })),
    ...(item.rounding ? { rounding: true } : {}),
  };
}

export function formatJson(results: readonly FileResult[], summary: Summary, lang: Lang | undefined): string {
  const output = {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    files: results.map((result) => {
      const fileLang = lang ?? result.language;
      return {
        path: result.display,
        findings: result.findings.map((item) => finding(item, fileLang)),
        notices: result.notices.map((notice) => ({ level: notice.level, message: pick(fileLang, notice.message) })),
        ...(result.fix ? { fix: result.fix } : {}),
      };
    }),
    summary,
  };
  return JSON.stringify(output, null, 2) + '\n';
}
