/**
 * Quick fixes from the diagnostics' data (direct fix, cascade, rounding alternatives), "disable
 * this rule here", and source.fixAll.tally computed with the engine's fixAll. Every edit is a
 * versioned TextDocumentEdit: the editor refuses it if the document moved on.
 */
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { fixAll } from '../core/engine/fixAll';
import { BlockCache } from '../core/model/build';
import type { Range } from '../core/model/types';
import { intersects } from '../core/services/derive';
import { pick, tr } from '../core/services/locale';
import { suppressionFor } from '../core/services/suppress';
import type { Checked } from './checker';
import { SOURCE, isDiagnosticData, toDiagnostic, toLspRange, toOffsets, type DiagnosticData } from './convert';
import { FixAllKind } from './protocol';

function editOf(checked: Checked, edits: LspTextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: checked.uri, version: checked.version }, edits }] };
}

/** Is an action of `kind` wanted by the request's `only` filter? */
function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((filter) => kind === filter || kind.startsWith(`${filter}.`));
}

function fixActions(checked: Checked, diagnostic: Diagnostic, data: DiagnosticData): CodeAction[] {
  return data.fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred ? true : undefined,
    edit: editOf(checked, fix.edits),
  }));
}

function suppressionAction(checked: Checked, diagnostic: Diagnostic, data: DiagnosticData): CodeAction {
  const suppression = suppressionFor(checked.result.model, data.ruleId, data.offsets);
  return {
    title: pick(suppression.title, checked.lang),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: editOf(checked, suppression.edits.map((edit) => ({ range: toLspRange(checked.snapshot, edit.range), newText: edit.newText }))),
  };
}

/**
 * The diagnostics to act on: those the client sent (when they belong to this version), else the
 * current findings under the requested range (clients that send no context).
 */
function diagnosticsFor(checked: Checked, params: CodeActionParams): { diagnostic: Diagnostic; data: DiagnosticData }[] {
  const sent = params.context.diagnostics
    .filter((diagnostic) => diagnostic.source === SOURCE && isDiagnosticData(diagnostic.data))
    .map((diagnostic) => ({ diagnostic, data: diagnostic.data as DiagnosticData }));
  if (sent.length > 0) return sent.filter((item) => item.data.version === checked.version);
  const requested: Range = toOffsets(checked.snapshot, params.range);
  return checked.result.findings
    .filter((finding) => intersects(finding.range, requested) || finding.range.start === requested.start)
    .map((finding) => {
      const diagnostic = toDiagnostic(checked.snapshot, finding, checked.lang);
      return { diagnostic, data: diagnostic.data as DiagnosticData };
    });
}

export function codeActions(checked: Checked, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    // two findings of one rule in one table offer the same "disable for this table": list it once
    const suppressions = new Map<string, CodeAction>();
    for (const { diagnostic, data } of diagnosticsFor(checked, params)) {
      actions.push(...fixActions(checked, diagnostic, data));
      const suppression = suppressionAction(checked, diagnostic, data);
      if (!suppressions.has(suppression.title)) suppressions.set(suppression.title, suppression);
    }
    actions.push(...suppressions.values());
  }
  // "fix all" is a source action: only when asked for (on save, the command), never in the light bulb
  if (only && wanted(only, FixAllKind)) {
    const action = fixAllAction(checked);
    if (action) actions.push(action);
  }
  return actions;
}

/** source.fixAll.tally: the engine's fixAll, as one edit over the part of the text that changed. */
export function fixAllAction(checked: Checked): CodeAction | undefined {
  const text = checked.snapshot.getText();
  // its trial checks run on other texts: the document's cache (whose latest model is `checked`) stays out of it
  const fixed = fixAll(text, { layers: checked.layers, cache: new BlockCache() }).text;
  if (fixed === text) return undefined;
  let start = 0;
  while (start < text.length && start < fixed.length && text[start] === fixed[start]) start++;
  let tail = 0;
  while (tail < text.length - start && tail < fixed.length - start && text[text.length - 1 - tail] === fixed[fixed.length - 1 - tail]) tail++;
  const range = toLspRange(checked.snapshot, { start, end: text.length - tail });
  return {
    title: tr(checked.lang, 'Tally：修复全部可自动修复的问题', 'Tally: fix all auto-fixable problems'),
    kind: FixAllKind,
    edit: editOf(checked, [{ range, newText: fixed.slice(start, fixed.length - tail) }]),
  };
}
