/**
 * Core (UTF-16 offsets, Localized texts) → LSP (line/character, one language). Every conversion
 * goes through the TextDocument snapshot the findings were computed on, never the live document.
 */
import { ruleDocUri } from '../node/ruleDocs';
import { DiagnosticSeverity, type Diagnostic, type Range as LspRange } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../core/model/types';
import type { ConfigProblem } from '../core/engine/config';
import type { Finding, Fix, Severity } from '../core/engine/types';
import { editorPreferred } from '../core/services/editorPreferred';
import { pick, type Lang } from '../core/services/locale';

/** A diagnostic's code links to the rule's section of docs/rules.md (same address as the CLI's SARIF helpUri). */
export const ruleDocUrl = ruleDocUri;

export const SOURCE = 'tally';

export function toLspRange(doc: TextDocument, range: Range): LspRange {
  return { start: doc.positionAt(range.start), end: doc.positionAt(range.end) };
}

export function toOffsets(doc: TextDocument, range: LspRange): Range {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A fix as carried in `Diagnostic.data`: titles in the display language, LSP ranges of `version`. */
export interface WireFix {
  kind: Fix['kind'];
  title: string;
  /** Marked preferred in the editor (see editorPreferred). */
  preferred: boolean;
  edits: { range: LspRange; newText: string }[];
}

export interface DiagnosticData {
  version: number;
  ruleId: string;
  /** The finding's offsets in that version (for the suppression comment). */
  offsets: Range;
  fixes: WireFix[];
}

export function toWireFix(doc: TextDocument, fix: Fix, lang: Lang, preferred: boolean): WireFix {
  return {
    kind: fix.kind,
    title: pick(fix.title, lang),
    preferred,
    edits: fix.edits.map((edit) => ({ range: toLspRange(doc, edit.range), newText: edit.newText })),
  };
}

export function toDiagnostic(doc: TextDocument, finding: Finding, lang: Lang): Diagnostic {
  const data: DiagnosticData = {
    version: doc.version,
    ruleId: finding.ruleId,
    offsets: finding.range,
    fixes: finding.fixes.map((fix) => toWireFix(doc, fix, lang, fix === editorPreferred(finding.fixes))),
  };
  return {
    range: toLspRange(doc, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: SOURCE,
    message: pick(finding.message, lang),
    relatedInformation: finding.related.map((place) => ({
      location: { uri: doc.uri, range: toLspRange(doc, place.range) },
      message: pick(place.label, lang),
    })),
    data,
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<DiagnosticData>;
  return typeof data.version === 'number' && typeof data.ruleId === 'string' && Array.isArray(data.fixes) && typeof data.offsets === 'object';
}

/** A configuration file that could not be read, shown at the top of the document like the engine's `config` findings. */
export function problemDiagnostic(problem: ConfigProblem, lang: Lang): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: 'config',
    codeDescription: { href: ruleDocUrl('config') },
    source: SOURCE,
    message: `${problem.source}: ${pick(problem.message, lang)}`,
  };
}

export function diagnosticsOf(doc: TextDocument, findings: readonly Finding[], problems: readonly ConfigProblem[], lang: Lang): Diagnostic[] {
  return [...problems.map((problem) => problemDiagnostic(problem, lang)), ...findings.map((finding) => toDiagnostic(doc, finding, lang))];
}
