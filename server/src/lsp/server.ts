/**
 * The language server: wiring of documents, configuration, checks and features onto an LSP
 * connection. Every handler is wrapped: a handler that throws logs the error and answers with an
 * empty result, and a cancelled request answers empty too — the server never goes down.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import manifest from '../../../package.json';
import { checkReport } from '../core/engine/check';
import { langOfLocale, type Lang } from '../core/services/locale';
import { loadConfigLayers } from '../node/configFiles';
import { DocumentChecker, yieldToLoop, type Checked, type HostConfig } from './checker';
import { codeActions } from './codeActions';
import { diagnosticsOf } from './convert';
import { IdleCollector } from './memory';
import { codeLenses, documentSymbols, hover, inlayHints, structureOf, summaryOf } from './features';
import {
  CheckFilesRequest, FixAllKind, ReportSummaryRequest, ScoreStructureRequest,
  type CheckFilesParams, type CheckFilesResult, type ReportSummaryParams, type ScoreStructureParams,
} from './protocol';
import { inlayHintsEnabled, localeLayer, settingsLayer, type TallySettings } from './settings';

interface ClientSupport {
  pullDiagnostics: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  inlayHintRefresh: boolean;
}

/** The file system path of a file: URI; undefined for other schemes (untitled, virtual workspaces). */
function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let support: ClientSupport = {
    pullDiagnostics: false, configuration: false, configurationRegistration: false, diagnosticRefresh: false, codeLensRefresh: false, inlayHintRefresh: false,
  };
  let localeLang: Lang = 'en';
  /** Settings sent with didChangeConfiguration, for clients without workspace/configuration. */
  let pushedSettings: TallySettings | undefined;
  const settingsCache = new Map<string, Promise<TallySettings | undefined>>();
  /** Closed documents whose diagnostics were pushed by the workspace check. */
  const workspacePublished = new Set<string>();

  const log = (message: string) => connection.console.error(message);

  /** Wrap a request handler: errors and cancellation give `empty`. */
  function safe<P, R>(name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        if (token.isCancellationRequested) return empty;
        const result = await handler(params, token);
        return token.isCancellationRequested ? empty : result;
      } catch (error) {
        log(`tally: ${name} failed: ${describe(error)}`);
        return empty;
      }
    };
  }

  function guard<P>(name: string, handler: (params: P) => void | Promise<void>) {
    return async (params: P): Promise<void> => {
      try {
        await handler(params);
      } catch (error) {
        log(`tally: ${name} failed: ${describe(error)}`);
      }
    };
  }

  function settingsFor(uri: string): Promise<TallySettings | undefined> {
    if (!support.configuration) return Promise.resolve(pushedSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'tally' }).then(
        (value: unknown) => (typeof value === 'object' && value !== null ? (value as TallySettings) : undefined),
        (error: unknown) => {
          log(`tally: reading settings failed: ${describe(error)}`);
          return undefined;
        },
      );
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  async function configFor(uri: string): Promise<HostConfig> {
    const path = filePathOf(uri);
    const files = path ? loadConfigLayers(path) : { layers: [], problems: [] };
    const settings = settingsLayer(await settingsFor(uri));
    return { layers: [localeLayer(localeLang), ...files.layers, ...(settings ? [settings] : [])], problems: files.problems };
  }

  const diagnosticsOfChecked = (checked: Checked) => diagnosticsOf(checked.snapshot, checked.result.findings, checked.problems, checked.lang);

  const idleCollector = new IdleCollector();
  connection.onShutdown(() => idleCollector.dispose());
  const checker = new DocumentChecker({
    documents,
    configFor,
    onChecked: (checked) => {
      idleCollector.afterWork();
      if (support.pullDiagnostics) return;
      void connection.sendDiagnostics({ uri: checked.uri, version: checked.version, diagnostics: diagnosticsOfChecked(checked) });
    },
    error: log,
  });

  const current = (uri: string, token: CancellationToken) => checker.current(uri, () => token.isCancellationRequested);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    support = {
      pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
      configuration: capabilities.workspace?.configuration === true,
      configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
      codeLensRefresh: capabilities.workspace?.codeLens?.refreshSupport === true,
      inlayHintRefresh: capabilities.workspace?.inlayHint?.refreshSupport === true,
    };
    localeLang = langOfLocale(params.locale);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FixAllKind], resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Tally' },
        inlayHintProvider: { resolveProvider: false },
        ...(support.pullDiagnostics ? { diagnosticProvider: { identifier: 'tally', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'tally-language-server', version: manifest.version },
    };
  });

  connection.onInitialized(guard('initialized', async () => {
    if (support.configuration && support.configurationRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'tally' });
    }
  }));

  /** Settings or rc files changed: re-check everything, and have pull clients ask again. */
  function configurationChanged(): void {
    settingsCache.clear();
    checker.invalidate();
    if (support.pullDiagnostics && support.diagnosticRefresh) connection.languages.diagnostics.refresh();
    if (support.codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh');
    if (support.inlayHintRefresh) connection.languages.inlayHint.refresh();
  }

  connection.onDidChangeConfiguration(guard('didChangeConfiguration', (params) => {
    const settings = (params.settings as { tally?: TallySettings } | null | undefined)?.tally;
    if (settings !== undefined) pushedSettings = settings;
    configurationChanged();
  }));
  connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', () => configurationChanged()));

  documents.onDidOpen(guard('didOpen', (event) => {
    // a workspace-check result would sit next to the pulled one
    if (workspacePublished.delete(event.document.uri) && support.pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  }));
  documents.onDidChangeContent(guard('didChange', (event) => checker.schedule(event.document.uri)));
  documents.onDidClose(guard('didClose', (event) => {
    checker.close(event.document.uri);
    if (!support.pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  }));

  connection.languages.diagnostics.on(safe('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) => {
    const checked = await current(params.textDocument.uri, token);
    return { kind: DocumentDiagnosticReportKind.Full, items: checked ? diagnosticsOfChecked(checked) : [] };
  }));

  connection.onHover(safe('hover', null, async (params, token) => {
    const checked = await current(params.textDocument.uri, token);
    return checked ? hover(checked, params.position) : null;
  }));

  connection.onCodeAction(safe('codeAction', [], async (params, token) => {
    const checked = await current(params.textDocument.uri, token);
    return checked ? codeActions(checked, params) : [];
  }));

  connection.onCodeLens(safe('codeLens', [], async (params, token) => {
    const checked = await current(params.textDocument.uri, token);
    return checked ? codeLenses(checked) : [];
  }));

  connection.onDocumentSymbol(safe('documentSymbol', [], async (params, token) => {
    const checked = await current(params.textDocument.uri, token);
    return checked ? documentSymbols(checked) : [];
  }));

  connection.languages.inlayHint.on(safe('inlayHint', [], async (params, token) => {
    if (!inlayHintsEnabled(await settingsFor(params.textDocument.uri))) return [];
    const checked = await current(params.textDocument.uri, token);
    return checked ? inlayHints(checked, params.range) : [];
  }));

  connection.onRequest(ScoreStructureRequest, safe('scoreStructure', null, async (params: ScoreStructureParams, token) => {
    const checked = await current(params.uri, token);
    return checked ? structureOf(checked) : null;
  }));

  connection.onRequest(ReportSummaryRequest, safe('reportSummary', null, async (params: ReportSummaryParams, token) => {
    const checked = await current(params.uri, token);
    return checked ? summaryOf(checked) : null;
  }));

  const noFiles: CheckFilesResult = { checked: 0, withFindings: 0, findings: 0 };
  connection.onRequest(CheckFilesRequest, safe('checkFiles', noFiles, async (params: CheckFilesParams, token) => {
    const totals = { ...noFiles };
    for (const file of params.files) {
      if (token.isCancellationRequested) break;
      try {
        const findings = await checkFile(file.uri, file.text, token);
        if (findings === undefined) continue;
        totals.checked++;
        totals.findings += findings;
        if (findings > 0) totals.withFindings++;
      } catch (error) {
        log(`tally: checking ${file.uri} failed: ${describe(error)}`);
      }
    }
    return totals;
  }));

  /** Check one document of the workspace check; open documents are checked (and published) as usual. */
  async function checkFile(uri: string, given: string | undefined, token: CancellationToken): Promise<number | undefined> {
    if (documents.get(uri)) return (await current(uri, token))?.result.findings.length;
    const path = filePathOf(uri);
    const text = given ?? (path ? await readFile(path, 'utf8') : undefined);
    if (text === undefined) return undefined;
    const { layers, problems } = await configFor(uri);
    await yieldToLoop();
    if (token.isCancellationRequested || documents.get(uri)) return undefined;
    const result = checkReport(text, { layers });
    const snapshot = TextDocument.create(uri, 'markdown', 0, text);
    await connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(snapshot, result.findings, problems, result.config.language) });
    workspacePublished.add(uri);
    return result.findings.length;
  }

  documents.listen(connection);
  connection.listen();
}
