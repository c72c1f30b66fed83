/**
 * A minimal LSP client over stdio for the benchmarks: open documents, send edits, and wait for
 * the diagnostics of a given version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_EXEC_ARGV } from '../server/src/lsp/memory';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

export class BenchLspClient {
  private readonly process: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly waiters = new Map<string, { version: number; resolve: (p: Published) => void }>();

  constructor(serverPath: string) {
    // started the way the VS Code client starts it (same Node flags)
    this.process = spawn(process.execPath, [...SERVER_EXEC_ARGV, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      const waiter = this.waiters.get(params.uri);
      if (waiter && (params.version === undefined || params.version >= waiter.version)) {
        this.waiters.delete(params.uri);
        waiter.resolve(params);
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid ?? 0;
  }

  async initialize(): Promise<void> {
    // No pull-diagnostics capability: the server pushes, which is what the latency measurement waits for.
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
    await this.connection.sendNotification('initialized', {});
  }

  diagnosticsFor(uri: string, version: number): Promise<Published> {
    return new Promise((resolve) => this.waiters.set(uri, { version, resolve }));
  }

  async open(uri: string, text: string): Promise<Published> {
    const published = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return published;
  }

  async change(uri: string, version: number, edit: { start: { line: number; character: number }; end: { line: number; character: number }; text: string }): Promise<Published> {
    const published = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: edit.start, end: edit.end }, text: edit.text }],
    });
    return published;
  }

  /** Resident set size of the server process in MB (Linux /proc). */
  rssMegabytes(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone; the kill below is what matters
    }
    this.connection.dispose();
    this.process.kill();
  }
}
