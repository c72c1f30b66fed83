/**
 * Findings, fixes and rules: the contract between rules (core/rules), hosts (LSP server, CLI)
 * and `applyFixes`.
 */
import type { Range, ReportModel } from '../model/types';
import type { ModelIndex } from './modelIndex';
import type { ResolvedConfig } from './config';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Localized {
  zh: string;
  en: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type FixKind = 'direct' | 'cascade' | 'alternative';

/** A declarative fix: text edits only, applied by `applyFixes`. */
export interface Fix {
  kind: FixKind;
  title: Localized;
  /** The one fix that `fix all`, `--fix` and the editor's preferred quick fix apply. */
  preferred: boolean;
  edits: TextEdit[];
}

export interface RelatedPlace {
  range: Range;
  label: Localized;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: Localized;
  range: Range;
  related: RelatedPlace[];
  fixes: Fix[];
  /** The mismatch is explained by 四舍五入 of exact values (reported at a lower severity). */
  rounding?: boolean;
}

/** What a rule returns; the engine fills in the configured severity. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface RuleDocs {
  /** What the rule checks. */
  what: Localized;
  /** Why reviewers care. */
  why: Localized;
  /** A short Markdown example of a report passage the rule flags. */
  example: string;
  /** What the fix does. */
  fix: Localized;
}

export interface RuleContext {
  model: ReportModel;
  index: ModelIndex;
  config: ResolvedConfig;
}

export interface Rule {
  id: string;
  description: Localized;
  defaultSeverity: Severity;
  docs: RuleDocs;
  check(context: RuleContext): RuleFinding[];
  /**
   * The rule reads the report's paragraphs, not only the items recognised in them: in a report of
   * several projects its findings on a project are not kept from one check to the next while the
   * project is unchanged (engine/partFindings.ts), as the prose it reads may have changed.
   */
  readsProse?: boolean;
}
