/**
 * Tally's own requests between the VS Code client and the language server. Plain types only:
 * the client imports this file too (it must not pull in the server's libraries).
 */

/** An LSP range (0-based line, UTF-16 character). */
export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export const ScoreStructureRequest = 'tally/scoreStructure';
export interface ScoreStructureParams {
  uri: string;
}
export interface WireScoreNode {
  key: string;
  name: string;
  level: number;
  weight?: string;
  score?: string;
  recomputed?: string;
  consistent: boolean;
  range: WireRange;
  children: WireScoreNode[];
}
export interface WireScoreTable {
  title: string;
  annex: boolean;
  range: WireRange;
  total?: string;
  weight?: string;
  recomputed?: string;
  consistent: boolean;
  children: WireScoreNode[];
}
export interface ScoreStructureResult {
  uri: string;
  version: number;
  tables: WireScoreTable[];
}

export const ReportSummaryRequest = 'tally/reportSummary';
export type ReportSummaryParams = ScoreStructureParams;
/** A total and grade as the status bar shows them (the report's, or one project's). */
export interface WireSummary {
  total?: string;
  recomputed?: string;
  grade?: string;
  expectedGrade?: string;
  consistent: boolean;
  /** Where to go from the status bar: the stated total. */
  totalRange?: WireRange;
}
export interface ReportSummaryResult extends WireSummary {
  uri: string;
  version: number;
  isReport: boolean;
  /** A report of several projects: one summary per project (the fields above are then unset, but `consistent`). */
  projects?: ProjectSummaryResult[];
}
export interface ProjectSummaryResult extends WireSummary {
  /** The project section's heading. */
  title: string;
}

/** Check documents that are not open (the workspace check); results are published as diagnostics. */
export const CheckFilesRequest = 'tally/checkFiles';
export interface CheckFilesParams {
  /** file: URIs are read by the server; other schemes (virtual workspaces) must carry their text. */
  files: { uri: string; text?: string }[];
}
export interface CheckFilesResult {
  checked: number;
  /** Documents with at least one finding. */
  withFindings: number;
  findings: number;
}

/** Client command that reveals a range of a document (code lens target). Arguments: uri, WireRange. */
export const RevealRangeCommand = 'tally.revealRange';

/** The code action kind of "fix all" (works with editor.codeActionsOnSave). */
export const FixAllKind = 'source.fixAll.tally';
