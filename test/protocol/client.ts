/**
 * A minimal LSP client for protocol tests: spawns the built server (dist/server.js --stdio) and
 * talks JSON-RPC to it with vscode-jsonrpc. Run `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface Position { line: number; character: number }
export interface LspRange { start: Position; end: Position }
export interface Diagnostic { range: LspRange; code?: string | number; source?: string; message: string; severity?: number; data?: unknown; relatedInformation?: { location: { uri: string; range: LspRange }; message: string }[]; codeDescription?: { href: string } }
export interface Published { uri: string; version?: number; diagnostics: Diagnostic[] }

export interface TestServer {
  conn: MessageConnection;
  proc: ChildProcess;
  published: Published[];
  logs: string[];
  /** What the client answers to workspace/configuration for the `tally` section. */
  settings: Record<string, unknown>;
  /** Resolves with the first publishDiagnostics for `uri` (and `version`, when given) matching `predicate`. */
  waitForDiagnostics(uri: string, predicate?: (p: Published) => boolean, timeoutMs?: number): Promise<Published>;
  stop(): Promise<void>;
}

export function startServer(): TestServer {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: Published[] = [];
  const logs: string[] = [];
  const waiters: { uri: string; predicate: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    for (const waiter of [...waiters]) {
      if (waiter.uri === p.uri && waiter.predicate(p)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(p);
      }
    }
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  // the server asks for settings and registrations; answer like a client configured with `settings`
  const settings: Record<string, unknown> = {};
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('workspace/codeLens/refresh', () => null);
  conn.onRequest('workspace/inlayHint/refresh', () => null);
  proc.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  conn.listen();
  return {
    conn,
    proc,
    published,
    logs,
    settings,
    waitForDiagnostics(uri, predicate = () => true, timeoutMs = 45_000) {
      const done = published.find((p) => p.uri === uri && predicate(p));
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const waiter = { uri, predicate, resolve: (p: Published) => { clearTimeout(timer); resolve(p); } };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no matching publishDiagnostics for ${uri} within ${timeoutMs} ms (got ${published.filter((p) => p.uri === uri).length})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        proc.kill();
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (proc.exitCode === null) proc.kill();
      conn.dispose();
    },
  };
}

/** Capabilities of a client that supports pull diagnostics (LSP 3.17) or not. */
export function capabilities(pull: boolean): Record<string, unknown> {
  return {
    workspace: { configuration: true, diagnostics: { refreshSupport: true } },
    textDocument: {
      publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    },
  };
}

export async function initialize(server: TestServer, pull: boolean, locale = 'zh-cn'): Promise<{ capabilities: Record<string, unknown> }> {
  const result = await server.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, locale, capabilities: capabilities(pull) });
  await server.conn.sendNotification('initialized', {});
  return result as { capabilities: Record<string, unknown> };
}

export function sample(name: string): { uri: string; text: string } {
  const file = path.join(ROOT, 'samples', name);
  return { uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
}

/** Offsets ↔ positions on a text (UTF-16, like the server). */
export function offsetAt(text: string, position: Position): number {
  let line = 0;
  let offset = 0;
  while (line < position.line) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
    line++;
  }
  return offset + position.character;
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function textOf(text: string, range: LspRange): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Apply LSP text edits to a text (edits refer to the original text). */
export function applyEdits(text: string, edits: { range: LspRange; newText: string }[]): string {
  const sorted = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
