/**
 * What checking one file yields, as plain data: it crosses the worker boundary (structured
 * clone) and feeds every output format. Positions are computed where the text is, once.
 */
import type { ConfigLayer } from '../core/engine/config';
import type { FixKind, Localized, Severity } from '../core/engine/types';
import type { FixMode } from './args';
import type { Lang } from './i18n';

/** A range with both offsets (UTF-16, half-open) and 1-based line/column (columns in characters; end exclusive). */
export interface Location {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LocatedEdit {
  location: Location;
  newText: string;
}

export interface LocatedFix {
  kind: FixKind;
  title: Localized;
  preferred: boolean;
  edits: LocatedEdit[];
}

export interface LocatedFinding {
  ruleId: string;
  severity: Severity;
  message: Localized;
  location: Location;
  related: { location: Location; label: Localized }[];
  fixes: LocatedFix[];
  rounding?: boolean;
}

/** Something about the file itself rather than its content: a warning, or a failure (exit code 2). */
export interface FileNotice {
  level: 'warning' | 'failure';
  message: Localized;
}

export interface FixReport {
  /** Fixes applied (or that would be, for a dry run). */
  applied: number;
  /** Lines of the fixed text that changed (1-based). */
  lines: number[];
  /** The file was rewritten. */
  written: boolean;
  /** Unified diff from the file to the fixed text, for a dry run. */
  diff?: string;
}

export interface FileResult {
  /** Absolute path. */
  path: string;
  /** Path as shown (relative to the working folder, `/` separators). */
  display: string;
  /** Message language the file's configuration asks for (`--lang` overrides it). */
  language: Lang;
  /** Sorted by position. After --fix, what remains in the fixed text. */
  findings: LocatedFinding[];
  notices: FileNotice[];
  fix?: FixReport;
}

export interface FileTask {
  path: string;
  display: string;
  layers: ConfigLayer[];
  fix: FixMode;
}

export function hasFailure(result: FileResult): boolean {
  return result.notices.some((notice) => notice.level === 'failure');
}
