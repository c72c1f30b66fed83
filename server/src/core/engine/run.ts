/**
 * Running rules over an already built model: configuration (host layers + the front matter's
 * `tally:` block), one isolated run per rule (per project of a report of several, parts.ts),
 * severities, inline directives, ordering and de-duplication. `checkReport` (check.ts) builds the
 * model and calls this; tests may call it with hand-built models.
 */
import type { Range, ReportModel } from '../model/types';
import { resolveConfig, type ConfigLayer, type ConfigProblem, type ResolvedConfig } from './config';
import { applyDirectives } from './directives';
import { buildModelIndex } from './modelIndex';
import { PartFindings } from './partFindings';
import { modelParts, type IndexedPart } from './parts';
import type { Finding, Rule, RuleFinding, Severity } from './types';

/** Rule ids the engine itself reports under. */
export const ENGINE_RULE_IDS = {
  config: 'config',
  internalError: 'internal-error',
  documentTooLarge: 'document-too-large',
} as const;

export interface RunResult {
  config: ResolvedConfig;
  index: ReturnType<typeof buildModelIndex>;
  findings: Finding[];
  /** The parts of a report of several projects, with their indexes (parts.ts); undefined for one project. */
  parts?: IndexedPart[];
}

/** The front matter's `tally:` block, if any, as a configuration layer. */
export function frontMatterLayer(model: ReportModel): ConfigLayer | undefined {
  const data = model.frontMatter?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const block = (data as Record<string, unknown>).tally;
  return block === undefined ? undefined : { source: 'front matter', data: block };
}

export function knownRuleIds(rules: readonly Rule[]): Set<string> {
  return new Set([...rules.map((rule) => rule.id), ...Object.values(ENGINE_RULE_IDS)]);
}

function configFinding(problem: ConfigProblem, range: Range): Finding {
  return {
    ruleId: ENGINE_RULE_IDS.config,
    severity: 'warning',
    message: { zh: `配置（${problem.source}）：${problem.message.zh}`, en: `Configuration (${problem.source}): ${problem.message.en}` },
    range,
    related: [],
    fixes: [],
  };
}

function internalErrorFinding(rule: Rule, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: ENGINE_RULE_IDS.internalError,
    severity: 'error',
    message: { zh: `规则 ${rule.id} 运行出错：${detail}`, en: `Rule ${rule.id} failed: ${detail}` },
    range: { start: 0, end: 0 },
    related: [],
    fixes: [],
  };
}

/** Configured severity wins; otherwise the finding's own, else the rule's default. Rounding artefacts drop to info. */
function finish(rule: Rule, finding: RuleFinding, configured: Severity | undefined): Finding {
  const severity: Severity = finding.rounding ? 'info' : (configured ?? finding.severity ?? rule.defaultSeverity);
  return { ...finding, ruleId: rule.id, severity };
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** One finding per (rule, range): rules that reach one literal along two paths report it once. */
function dedupe(sorted: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return sorted.filter((finding) => {
    const key = `${finding.ruleId}\u0000${finding.range.start}\u0000${finding.range.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function runRules(model: ReportModel, rules: readonly Rule[], layers: readonly ConfigLayer[] = [], extra: Finding[] = []): RunResult {
  const fm = frontMatterLayer(model);
  const { config, problems } = resolveConfig(fm ? [...layers, fm] : layers, knownRuleIds(rules));
  const configRange = model.frontMatter?.range ?? { start: 0, end: 0 };
  const findings: Finding[] = [...extra, ...problems.map((problem) => configFinding(problem, problem.source === 'front matter' ? configRange : { start: 0, end: 0 }))];
  const index = buildModelIndex(model);
  // a report of several projects is checked project by project (parts.ts), unchanged projects' findings kept (partFindings.ts)
  const parts = modelParts(model, index)?.map((part): IndexedPart => ({ ...part, index: buildModelIndex(part.model) }));
  const partFindings = parts && new PartFindings({ config });
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    try {
      const ruleFindings = parts && partFindings ? parts.flatMap((part) => partFindings.check(rule, part)) : rule.check({ model, index, config });
      for (const finding of ruleFindings) findings.push(finish(rule, finding, setting));
    } catch (error) {
      findings.push(internalErrorFinding(rule, error));
    }
  }
  const kept = applyDirectives(model.text, model.directives, findings.filter((finding) => config.rules[finding.ruleId] !== 'off'));
  return { config, index, findings: dedupe(kept.sort(compareFindings)), parts };
}
