/**
 * The one entry point every host uses: text in, model and findings out.
 *
 * Order of work: host configuration → (document too large? check its first part) → build the
 * model → configuration incl. the front matter `tally:` block → every rule in isolation →
 * severities → inline directives → sort and de-duplicate (see run.ts).
 */
import type { ReportModel } from '../model/types';
import { buildModel, type BlockCache } from '../model/build';
import { rules as registeredRules } from '../rules';
import { resolveConfig, type ConfigLayer, type ResolvedConfig } from './config';
import type { ModelIndex } from './modelIndex';
import type { IndexedPart } from './parts';
import { ENGINE_RULE_IDS, runRules } from './run';
import type { Finding, Rule } from './types';

export interface CheckOptions {
  /** Configuration layers from the host (rc files outermost first, then settings or CLI flags). Front matter is read from the text. */
  layers?: readonly ConfigLayer[];
  /** Rules to run (default: every registered rule). */
  rules?: readonly Rule[];
  /** Block parse cache kept per open document by the language server, so that an edit re-parses only the edited block. */
  cache?: BlockCache;
}

export interface CheckResult {
  model: ReportModel;
  index: ModelIndex;
  config: ResolvedConfig;
  /** Sorted by range start. Configuration problems appear as findings of rule `config`; a throwing rule as `internal-error`. */
  findings: Finding[];
  /** A report of several projects: its parts, each project's model and index (see parts.ts `partAt`). */
  parts?: IndexedPart[];
}

/** Where to cut an oversized document: the end of the last whole line within the limit. */
function cutPoint(text: string, limit: number): number {
  const newline = text.lastIndexOf('\n', limit);
  return newline > 0 ? newline + 1 : limit;
}

function tooLargeFinding(size: number, limit: number, cut: number): Finding {
  return {
    ruleId: ENGINE_RULE_IDS.documentTooLarge,
    severity: 'info',
    message: {
      zh: `文档过大（${size} 字符，上限 ${limit}），只检查了前 ${cut} 个字符。`,
      en: `The document is too large (${size} characters, limit ${limit}); only the first ${cut} characters were checked.`,
    },
    range: { start: 0, end: 0 },
    related: [],
    fixes: [],
  };
}

export function checkReport(text: string, options: CheckOptions = {}): CheckResult {
  const layers = options.layers ?? [];
  const rules = options.rules ?? registeredRules;
  // The size limit comes from the host's configuration: the front matter is not parsed yet.
  const limit = resolveConfig(layers).config.maxDocumentSize;
  const extra: Finding[] = [];
  let checked = text;
  if (text.length > limit) {
    const cut = cutPoint(text, limit);
    checked = text.slice(0, cut);
    extra.push(tooLargeFinding(text.length, limit, cut));
  }
  const model = buildModel(checked, options.cache);
  const { config, index, findings, parts } = runRules(model, rules, layers, extra);
  return { model, index, config, findings, parts };
}
