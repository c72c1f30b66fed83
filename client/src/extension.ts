/**
 * The VS Code client: starts the language server over IPC and adds what only an editor can do —
 * commands, the score-structure tree view and the status bar item.
 */
import * as path from 'node:path';
import { commands, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { ReportStatus } from './statusBar';
import { ScoreTreeProvider, SCORE_VIEW_ID } from './scoreTree';
import { watchActiveReport } from './activeReport';
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/memory';

let client: LanguageClient | undefined;

/** Markdown reports on disk and unsaved; vscode-vfs for virtual workspaces (the server then skips .tallyrc.json discovery). */
const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'vscode-vfs', language: 'markdown' },
];

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    diagnosticPullOptions: { onChange: true, onSave: true },
    synchronize: {
      configurationSection: 'tally',
      fileEvents: workspace.createFileSystemWatcher('**/.tallyrc.json'),
    },
  };
  const languageClient = new LanguageClient('tally', 'Tally', serverOptions, clientOptions);
  client = languageClient;

  const tree = new ScoreTreeProvider(languageClient);
  const status = new ReportStatus(languageClient);
  context.subscriptions.push(tree.register(), status, watchActiveReport(() => {
    tree.refresh();
    status.refresh();
  }));
  registerCommands(context, languageClient, () => commands.executeCommand(`${SCORE_VIEW_ID}.focus`).then(() => tree.refresh()));
  await languageClient.start();
  tree.refresh();
  status.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
