/**
 * The tally.* commands. Titles come from package.nls*.json; messages follow the UI language.
 */
import {
  CodeAction, ProgressLocation, Range, Selection, TextEditorRevealType, Uri, WorkspaceEdit, commands, window, workspace, type ExtensionContext,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CheckFilesRequest, FixAllKind, RevealRangeCommand, type CheckFilesParams, type CheckFilesResult, type WireRange,
} from '../../server/src/lsp/protocol';
import { tr } from './lang';

/** Files per tally/checkFiles request: progress and cancellation stay responsive on big workspaces. */
const BATCH = 20;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

export function registerCommands(context: ExtensionContext, client: LanguageClient, showStructure: () => Thenable<unknown>): void {
  context.subscriptions.push(
    commands.registerCommand('tally.checkWorkspace', () => checkWorkspace(client)),
    commands.registerCommand('tally.fixAll', fixAllActive),
    commands.registerCommand('tally.restartServer', () => client.restart()),
    commands.registerCommand('tally.showScoreStructure', showStructure),
    commands.registerCommand(RevealRangeCommand, revealRange),
  );
}

async function checkWorkspace(client: LanguageClient): Promise<void> {
  const files = await workspace.findFiles('**/*.md', EXCLUDE);
  const totals: CheckFilesResult = { checked: 0, withFindings: 0, findings: 0 };
  await window.withProgress(
    { location: ProgressLocation.Notification, title: tr('Tally：正在检查工作区报告', 'Tally: checking the workspace reports'), cancellable: true },
    async (progress, token) => {
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
        const batch = files.slice(i, i + BATCH);
        const params: CheckFilesParams = { files: await Promise.all(batch.map(describeFile)) };
        const result = await client.sendRequest<CheckFilesResult>(CheckFilesRequest, params, token);
        totals.checked += result.checked;
        totals.withFindings += result.withFindings;
        totals.findings += result.findings;
        progress.report({ increment: (batch.length / files.length) * 100, message: `${Math.min(i + BATCH, files.length)} / ${files.length}` });
      }
    },
  );
  void window.showInformationMessage(tr(
    `Tally：已检查 ${totals.checked} 个文件，其中 ${totals.withFindings} 个共有 ${totals.findings} 处问题（见“问题”面板）。`,
    `Tally: checked ${totals.checked} files; ${totals.withFindings} have ${totals.findings} problems (see the Problems panel).`,
  ));
}

/** file: URIs are read by the server; other schemes (virtual workspaces) travel with their text. */
async function describeFile(uri: Uri): Promise<{ uri: string; text?: string }> {
  if (uri.scheme === 'file') return { uri: uri.toString() };
  const bytes = await workspace.fs.readFile(uri);
  return { uri: uri.toString(), text: new TextDecoder('utf-8').decode(bytes) };
}

async function fixAllActive(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void window.showInformationMessage(tr('Tally：请先打开一份 Markdown 报告。', 'Tally: open a Markdown report first.'));
    return;
  }
  const doc = editor.document;
  const whole = new Range(0, 0, doc.lineCount, 0);
  const actions = (await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, FixAllKind)) ?? [];
  const action = actions.find((item) => item.kind?.value === FixAllKind && item.edit);
  if (!action?.edit) {
    void window.showInformationMessage(tr('Tally：没有可自动修复的问题。', 'Tally: nothing to fix automatically.'));
    return;
  }
  if (!(await workspace.applyEdit(action.edit as WorkspaceEdit))) {
    void window.showWarningMessage(tr('Tally：文档已改变，请重试。', 'Tally: the document changed; try again.'));
  }
}

async function revealRange(uri: string, range: WireRange): Promise<void> {
  const target = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await window.showTextDocument(Uri.parse(uri), { preserveFocus: false });
  editor.selection = new Selection(target.start, target.end);
  editor.revealRange(target, TextEditorRevealType.InCenterIfOutsideViewport);
}
