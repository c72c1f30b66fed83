/**
 * The built language server (dist/server.js --stdio) driven over JSON-RPC like an editor would:
 * push and pull diagnostics on the seed report, hover, quick fixes applied through incremental
 * changes, version handling, robustness against bad requests, and a clean shutdown.
 * Needs `npm run build` first.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyEdits, initialize, offsetAt, positionAt, sample, startServer, textOf, type Diagnostic, type LspRange, type Published, type TestServer,
} from './client';

const seed = sample('seed-report.md');
/** The first check includes the server's start-up and a cold parse; CI machines are slow. */
const HOOK_TIMEOUT = 60_000;

/** Range of the 合计 18.73 of 表 3-4 in `text`. */
function total34(text: string): LspRange {
  const caption = text.indexOf('表 3-4 项目效益类指标及分值\n');
  const row = text.indexOf('| 合计', caption);
  const at = text.indexOf('18.73', row);
  return { start: positionAt(text, at), end: positionAt(text, at + 5) };
}

const sameRange = (a: LspRange, b: LspRange) => JSON.stringify(a) === JSON.stringify(b);

interface WorkspaceEdit { documentChanges?: { textDocument: { uri: string; version: number }; edits: { range: LspRange; newText: string }[] }[] }
interface CodeAction { title: string; kind?: string; isPreferred?: boolean; edit?: WorkspaceEdit; diagnostics?: Diagnostic[] }

async function open(server: TestServer, uri: string, text: string, version = 1): Promise<void> {
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}

/** Sends the edits as one incremental didChange (last edit first, so earlier ranges stay valid). */
async function change(server: TestServer, uri: string, version: number, edits: { range: LspRange; newText: string }[]): Promise<void> {
  const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })) });
}

describe('push diagnostics (client without pull support)', () => {
  let server: TestServer;
  let capabilities: Record<string, unknown>;
  let first: Published;
  let text = seed.text;

  beforeAll(async () => {
    server = startServer();
    ({ capabilities } = await initialize(server, false));
    await open(server, seed.uri, seed.text);
    first = await server.waitForDiagnostics(seed.uri, (p) => p.version === 1);
  }, HOOK_TIMEOUT);
  afterAll(() => server.stop());

  it('announces the features, without a diagnostic provider', () => {
    expect(capabilities).toMatchObject({ hoverProvider: true, documentSymbolProvider: expect.anything(), codeLensProvider: expect.anything() });
    expect((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds).toEqual(expect.arrayContaining(['quickfix', 'source.fixAll.tally']));
    expect(capabilities.diagnosticProvider).toBeUndefined();
  });

  it('publishes score-sum on the 18.73 of 表 3-4 with code, link, source, zh message and related places', () => {
    const hit = first.diagnostics.find((d) => d.code === 'score-sum' && sameRange(d.range, total34(seed.text)));
    expect(hit, JSON.stringify(first.diagnostics.map((d) => [d.code, d.range.start.line]))).toBeDefined();
    expect(textOf(seed.text, hit!.range)).toBe('18.73');
    expect(hit!.source).toBe('tally');
    expect(hit!.severity).toBe(1);
    expect(hit!.codeDescription?.href).toMatch(/docs\/rules\.md#score-sum$/u);
    expect(hit!.message).toContain('18.72');
    expect(hit!.message).toMatch(/[\u4e00-\u9fff]/u);
    const related = hit!.relatedInformation ?? [];
    expect(related.length).toBeGreaterThan(0);
    expect(related.every((r) => r.location.uri === seed.uri && r.message.length > 0)).toBe(true);
    expect(related.map((r) => textOf(seed.text, r.location.range))).toEqual(expect.arrayContaining(['3.27', '3.45']));
  });

  it('hover on 18.73 explains the sum 18.72', async () => {
    const { start } = total34(seed.text);
    const hover = await server.conn.sendRequest<{ contents: { kind: string; value: string }; range: LspRange }>('textDocument/hover', {
      textDocument: { uri: seed.uri }, position: { line: start.line, character: start.character + 2 },
    });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('6 + 6 + 3.27 + 3.45 = 18.72');
    expect(sameRange(hover.range, total34(seed.text))).toBe(true);
  });

  it('code actions on 18.73: a preferred direct fix, a cascade fix and a table-wide disable; the cascade clears score-sum', async () => {
    const range = total34(text);
    const diagnostic = first.diagnostics.find((d) => d.code === 'score-sum' && sameRange(d.range, range))!;
    const actions = await server.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seed.uri }, range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const direct = actions.find((a) => a.isPreferred);
    expect(direct?.kind).toBe('quickfix');
    expect(direct!.edit!.documentChanges![0].textDocument).toEqual({ uri: seed.uri, version: 1 });
    expect(direct!.edit!.documentChanges![0].edits).toEqual([{ range, newText: '18.72' }]);
    const cascade = actions.find((a) => a.title.startsWith('级联修正：'));
    expect(cascade, actions.map((a) => a.title).join(' | ')).toBeDefined();
    expect(cascade!.isPreferred).toBeUndefined();
    const cascadeEdits = cascade!.edit!.documentChanges![0].edits;
    expect(cascadeEdits.length).toBeGreaterThan(1);
    const disable = actions.find((a) => a.title === '在此表格中停用规则 score-sum');
    expect(disable?.edit?.documentChanges?.[0].edits.map((e) => e.newText.trim())).toEqual(['<!-- tally-disable score-sum -->', '<!-- tally-enable score-sum -->']);

    // apply the cascade as an editor would (incremental change), then the error is gone
    text = applyEdits(text, cascadeEdits);
    await change(server, seed.uri, 2, cascadeEdits);
    const after = await server.waitForDiagnostics(seed.uri, (p) => p.version === 2);
    const fixedAt = offsetAt(text, range.start);
    expect(text.slice(fixedAt, fixedAt + 5)).toBe('18.72');
    expect(text).toMatch(/实际得分\s*18\.72/u);
    expect(after.diagnostics.filter((d) => d.code === 'score-sum' && d.range.start.line === range.start.line)).toEqual([]);
  });

  it('ignores diagnostics of an older version when asked for code actions', async () => {
    const stale = first.diagnostics.find((d) => d.code === 'score-sum')!;
    const actions = await server.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seed.uri }, range: stale.range, context: { diagnostics: [stale] },
    });
    expect(actions).toEqual([]);
  });

  it('never publishes a result for a version that was superseded', async () => {
    const at = text.indexOf('摘 要');
    const pos = positionAt(text, at);
    const edit = (n: string) => [{ range: { start: pos, end: pos }, newText: n }];
    await change(server, seed.uri, 3, edit('甲'));
    // the hover forces a check of version 3 at once; version 4 lands while it runs
    const hover = server.conn.sendRequest('textDocument/hover', { textDocument: { uri: seed.uri }, position: pos });
    await change(server, seed.uri, 4, edit('乙'));
    await hover;
    const latest = await server.waitForDiagnostics(seed.uri, (p) => p.version === 4);
    expect(latest.diagnostics.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.published.filter((p) => p.uri === seed.uri && p.version === 3)).toEqual([]);
    const versions = server.published.filter((p) => p.uri === seed.uri).map((p) => p.version!);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    text = applyEdits(applyEdits(text, edit('甲')), edit('乙'));
  });

  it('answers bad or unknown requests with empty results and keeps serving', async () => {
    expect(await server.conn.sendRequest('textDocument/hover', {})).toBeNull();
    expect(await server.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere.md' } })).toEqual([]);
    expect(await server.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.md' } })).toEqual([]);
    expect(await server.conn.sendRequest('tally/scoreStructure', { uri: 'file:///nowhere.md' })).toBeNull();
    expect(await server.conn.sendRequest('tally/reportSummary', null)).toBeNull();
    await expect(server.conn.sendRequest('tally/noSuchRequest', {})).rejects.toThrow();
    const symbols = await server.conn.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: seed.uri } });
    expect(symbols.length).toBeGreaterThan(0);
  });

  it('checks files that are not open on tally/checkFiles and publishes their diagnostics', async () => {
    const other = sample('seed-report-html.md');
    const result = await server.conn.sendRequest<{ checked: number; findings: number }>('tally/checkFiles', { files: [{ uri: other.uri }, { uri: 'file:///does/not/exist.md' }] });
    expect(result.checked).toBe(1);
    const published = await server.waitForDiagnostics(other.uri);
    expect(published.diagnostics.length).toBe(result.findings);
    expect(published.diagnostics.every((d) => d.source === 'tally')).toBe(true);
  });

  it('re-checks open documents when the settings change, merging them over the defaults', async () => {
    const before = server.published.length;
    server.settings.rules = { 'grade-label': 'off' };
    server.settings.inlayHints = { enabled: true };
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const republished = await server.waitForDiagnostics(seed.uri, (p) => server.published.indexOf(p) >= before);
    expect(republished.version).toBe(4);
    expect(republished.diagnostics.some((d) => d.code === 'grade-label')).toBe(false);
    expect(republished.diagnostics.length).toBeGreaterThan(0);
    const end = positionAt(text, text.length);
    const hints = await server.conn.sendRequest<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri: seed.uri }, range: { start: { line: 0, character: 0 }, end },
    });
    expect(hints.length).toBeGreaterThan(0);
    for (const hint of hints) expect(hint.label).toMatch(/^应为 /u);
    server.settings.rules = {};
    server.settings.inlayHints = { enabled: false };
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(await server.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri: seed.uri }, range: { start: { line: 0, character: 0 }, end } })).toEqual([]);
  });

  it('reads .tallyrc.json files above a file: document (a broken one becomes a config diagnostic), none for untitled ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-rc-'));
    try {
      writeFileSync(path.join(dir, '.tallyrc.json'), JSON.stringify({ rules: { 'score-sum': 'off' } }));
      mkdirSync(path.join(dir, 'broken'));
      writeFileSync(path.join(dir, 'broken', '.tallyrc.json'), '{ "rules": ');
      const quiet = pathToFileURL(path.join(dir, 'report.md')).href;
      const broken = pathToFileURL(path.join(dir, 'broken', 'report.md')).href;
      const untitled = 'untitled:Untitled-1';
      await open(server, quiet, seed.text);
      await open(server, broken, seed.text);
      await open(server, untitled, seed.text);
      const [q, b, u] = await Promise.all([quiet, broken, untitled].map((uri) => server.waitForDiagnostics(uri, (p) => p.version === 1)));
      expect(q.diagnostics.some((d) => d.code === 'score-sum')).toBe(false);
      expect(q.diagnostics.length).toBeGreaterThan(0);
      const config = b.diagnostics.find((d) => d.code === 'config');
      expect(config?.message).toContain(path.join(dir, 'broken', '.tallyrc.json'));
      // the broken file is left out; the one above it still applies
      expect(b.diagnostics.some((d) => d.code === 'score-sum')).toBe(false);
      expect(u.diagnostics.some((d) => d.code === 'score-sum')).toBe(true);
      for (const uri of [quiet, broken, untitled]) await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const cleared = await server.waitForDiagnostics(untitled, (p) => p.diagnostics.length === 0);
      expect(cleared.diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows tally.language over the client locale', async () => {
    const before = server.published.length;
    server.settings.language = 'en';
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const english = await server.waitForDiagnostics(seed.uri, (p) => server.published.indexOf(p) >= before);
    const arithmetic = english.diagnostics.find((d) => d.code === 'score-arithmetic')!;
    const chinese = first.diagnostics.find((d) => d.code === 'score-arithmetic')!;
    expect(arithmetic.message).toMatch(/^[A-Za-z]/u);
    expect(chinese.message).toMatch(/^[\u4e00-\u9fff]/u);
    delete server.settings.language;
  });

  it('shuts down and exits cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => server.proc.once('exit', (code) => resolve(code)));
    await server.conn.sendRequest('shutdown');
    await server.conn.sendNotification('exit');
    expect(await exited).toBe(0);
  });
});

describe('pull diagnostics (LSP 3.17 client)', () => {
  let server: TestServer;
  let capabilities: Record<string, unknown>;

  beforeAll(async () => {
    server = startServer();
    ({ capabilities } = await initialize(server, true, 'en'));
    await open(server, seed.uri, seed.text);
  }, HOOK_TIMEOUT);
  afterAll(() => server.stop());

  it('announces a diagnostic provider and answers textDocument/diagnostic in English', { timeout: 60_000 }, async () => {
    expect(capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
    const report = await server.conn.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: seed.uri } });
    expect(report.kind).toBe('full');
    const hit = report.items.find((d) => d.code === 'score-sum' && sameRange(d.range, total34(seed.text)));
    expect(hit).toBeDefined();
    expect(hit!.message).not.toMatch(/[\u4e00-\u9fff]{4}/u);
    expect(server.published.filter((p) => p.uri === seed.uri)).toEqual([]);
  });

  it('answers for the current version after a change', async () => {
    const range = total34(seed.text);
    await change(server, seed.uri, 2, [{ range, newText: '18.72' }]);
    const report = await server.conn.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: seed.uri } });
    expect(report.items.filter((d) => d.code === 'score-sum' && d.range.start.line === range.start.line)).toEqual([]);
  });

  it('offers source.fixAll.tally, which leaves no error behind', async () => {
    const current = applyEdits(seed.text, [{ range: total34(seed.text), newText: '18.72' }]);
    const end = positionAt(current, current.length);
    const actions = await server.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seed.uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.tally']);
    const change3 = actions[0].edit!.documentChanges![0];
    expect(change3.textDocument.version).toBe(2);
    await change(server, seed.uri, 3, change3.edits);
    const report = await server.conn.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: seed.uri } });
    expect(report.items.filter((d) => d.severity === 1).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  it('serves code lenses, symbols and the custom requests', async () => {
    const lenses = await server.conn.sendRequest<{ command: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument: { uri: seed.uri } });
    expect(lenses.length).toBeGreaterThan(0);
    expect(lenses.every((lens) => lens.command.command === 'tally.revealRange')).toBe(true);
    expect(lenses.map((lens) => lens.command.title)).toContain('Total 19.38 / 20 · rate 96.9% · recomputation agrees');
    const structure = await server.conn.sendRequest<{ tables: { title: string; children: { name: string }[] }[] }>('tally/scoreStructure', { uri: seed.uri });
    expect(structure.tables.some((table) => table.children.map((c) => c.name).join() === '项目决策,项目过程,项目产出,项目效益')).toBe(true);
    const summary = await server.conn.sendRequest<{ isReport: boolean; total: string }>('tally/reportSummary', { uri: seed.uri });
    expect(summary).toMatchObject({ isReport: true, total: '95.18' });
  });

  it('summarises a report of several projects project by project', async () => {
    const multi = sample('multi-project-report.md');
    await open(server, multi.uri, multi.text);
    const summary = await server.conn.sendRequest<{ isReport: boolean; consistent: boolean; total?: string; projects: { title: string; total: string; grade: string; expectedGrade: string; consistent: boolean; totalRange: LspRange }[] }>('tally/reportSummary', { uri: multi.uri });
    expect(summary.isReport).toBe(true);
    expect(summary.total).toBeUndefined();
    expect(summary.consistent).toBe(false);
    expect(summary.projects.map((project) => [project.title, project.total, project.grade, project.expectedGrade, project.consistent])).toEqual([
      ['三、子项目一：高标准农田灌溉设施改造', '92.5', '优', '优', true],
      ['四、子项目二：特色果蔬产业基地建设', '84.25', '优', '良', false],
      ['五、子项目三：农产品冷链仓储设施建设', '76', '中', '中', true],
    ]);
    expect(textOf(multi.text, summary.projects[1].totalRange)).toBe('84.25');
  });
});
