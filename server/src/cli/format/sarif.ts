/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning services. Columns are counted in Unicode
 * code points (run.columnKind), artifact URIs are relative to the working folder (SRCROOT).
 */
import { pathToFileURL } from 'node:url';
import type { Rule, Severity } from '../../core/engine/types';
import { pick, type Lang } from '../i18n';
import { INFORMATION_URI, TOOL_NAME, TOOL_VERSION, ruleHelpUri } from '../meta';
import type { FileResult, LocatedFinding, Location } from '../results';
import type { Summary } from '../summary';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const BASE_ID = 'SRCROOT';

type RuleInfo = Pick<Rule, 'id' | 'description' | 'defaultSeverity' | 'docs'>;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function uriOf(display: string): string {
  return display.split('/').map(encodeURIComponent).join('/');
}

function region(location: Location) {
  return { startLine: location.line, startColumn: location.column, endLine: location.endLine, endColumn: location.endColumn };
}

function descriptor(rule: RuleInfo, lang: Lang) {
  return {
    id: rule.id,
    shortDescription: { text: pick(lang, rule.description) },
    fullDescription: { text: `${pick(lang, rule.docs.what)} ${pick(lang, rule.docs.why)}` },
    help: { text: pick(lang, rule.docs.fix) },
    helpUri: ruleHelpUri(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

function result(item: LocatedFinding, file: FileResult, lang: Lang, ruleIndex: Map<string, number>) {
  const artifactLocation = { uri: uriOf(file.display), uriBaseId: BASE_ID };
  const index = ruleIndex.get(item.ruleId);
  return {
    ruleId: item.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[item.severity],
    message: { text: pick(lang, item.message) },
    locations: [{ physicalLocation: { artifactLocation, region: region(item.location) } }],
    ...(item.related.length > 0
      ? {
          relatedLocations: item.related.map((related, id) => ({
            id,
            message: { text: pick(lang, related.label) },
            physicalLocation: { artifactLocation, region: region(related.location) },
          })),
        }
      : {}),
    ...(item.fixes.length > 0
      ? {
          fixes: item.fixes.map((fix) => ({
            description: { text: pick(lang, fix.title) },
            artifactChanges: [
              {
                artifactLocation,
                replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.location), insertedContent: { text: edit.newText } })),
              },
            ],
            properties: { kind: fix.kind, preferred: fix.preferred },
          })),
        }
      : {}),
    ...(item.rounding ? { properties: { rounding: true } } : {}),
  };
}

export function formatSarif(results: readonly FileResult[], summary: Summary, rules: readonly RuleInfo[], lang: Lang | undefined, cwd: string): string {
  const descriptorLang = lang ?? 'zh';
  const descriptors: ReturnType<typeof descriptor>[] = rules.map((rule) => descriptor(rule, descriptorLang));
  const ruleIndex = new Map(descriptors.map((rule, i) => [rule.id, i]));
  const sarifResults = results.flatMap((file) => file.findings.map((item) => result(item, file, lang ?? file.language, ruleIndex)));
  const notifications = results.flatMap((file) =>
    file.notices.map((notice) => ({
      level: notice.level === 'failure' ? 'error' : 'warning',
      message: { text: pick(lang ?? file.language, notice.message) },
      locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(file.display), uriBaseId: BASE_ID } } }],
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: INFORMATION_URI, rules: descriptors } },
        originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'unicodeCodePoints',
        invocations: [{ executionSuccessful: summary.failures === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
