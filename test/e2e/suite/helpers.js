// Shared helpers of the real-editor suite. Plain CommonJS against the real `vscode` API.
// No fixed sleeps: every wait is on an event (diagnostics change) with a deadline, and the error
// on timeout says what was awaited and what was there instead.
'use strict';

const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'tally.tally';
const SOURCE = 'tally';
const REPO = path.resolve(__dirname, '..', '..', '..');
const SAMPLES = path.join(REPO, 'samples');
const SEED = 'seed-report.md';

function workspaceRoot() {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders || folders.length === 0) throw new Error('the suite needs a workspace folder (the runner opens a scratch copy of samples/)');
  return folders[0].uri;
}

/** Activates the extension under test (also a check that it is there and activates). */
async function activate() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    const ids = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`extension ${EXTENSION_ID} is not loaded (non-builtin extensions: ${ids.join(', ') || 'none'})`);
  }
  await ext.activate();
  return ext;
}

let copies = 0;
/**
 * Copies samples/<name> (from the repo) into the scratch workspace under a fresh name, so that a
 * test that edits or saves never disturbs another test.
 */
async function freshCopy(name = SEED, tag = 'copy') {
  const src = vscode.Uri.file(path.join(SAMPLES, name));
  const dst = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `${tag}-${++copies}-${name}`);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'scratch'));
  await vscode.workspace.fs.copy(src, dst, { overwrite: true });
  return dst;
}

async function openCopy(name = SEED, tag = 'copy') {
  return openUri(await freshCopy(name, tag));
}

async function openUri(uri) {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'markdown') throw new Error(`${uri.fsPath} opened as ${doc.languageId}, expected markdown`);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { uri, doc, editor };
}

function codeOf(d) {
  if (d.code === undefined || d.code === null) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function tallyDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

const SEVERITY = ['Error', 'Warning', 'Information', 'Hint'];
function describeDiagnostics(uri) {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return '(no diagnostics at all)';
  return all
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ` +
      `${SEVERITY[d.severity]} [${d.source}/${codeOf(d)}] ${d.message.replace(/\s+/g, ' ').slice(0, 140)}`)
    .join('\n');
}

// Deadlines. The first check of the run includes starting the language server; later ones do not.
// Pass `timeout: 'first'` for a wait that may be the first of the run.
const FIRST_TIMEOUT = Number(process.env.TALLY_E2E_FIRST_TIMEOUT || 60_000);
const WAIT_TIMEOUT = Number(process.env.TALLY_E2E_WAIT_TIMEOUT || 20_000);
let warmedUp = false;

/**
 * Resolves with the tally diagnostics of `uri` as soon as `predicate(diags)` holds, checking now and
 * on every onDidChangeDiagnostics event for that uri. With `requireEvent`, the current state does not
 * count: at least one change event must arrive first (used after restart / settings changes).
 */
function waitForDiagnostics(uri, predicate, what, { timeout = WAIT_TIMEOUT, requireEvent = false } = {}) {
  if (timeout === 'first') timeout = warmedUp ? WAIT_TIMEOUT : FIRST_TIMEOUT;
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      warmedUp = true; // one long wait per run is enough, whether it succeeded or not
      sub.dispose();
      clearTimeout(timer);
      fn(value);
    };
    const check = () => {
      let ok = false;
      const diags = tallyDiagnostics(uri);
      try { ok = predicate(diags); } catch (err) { finish(reject, err); return; }
      if (ok) finish(resolve, diags);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => finish(reject, new Error(
      `timed out after ${timeout} ms waiting for ${what} on ${path.basename(uri.fsPath)}; diagnostics now:\n${describeDiagnostics(uri)}`)), timeout);
    if (!requireEvent) check();
  });
}

/**
 * Opens a fresh copy of a sample and resolves once the server has published diagnostics for it
 * (an empty list counts: the subscription is made before the document is opened, so the first
 * publish cannot be missed).
 */
async function openCopyChecked(name, tag, timeout = 'first') {
  const uri = await freshCopy(name, tag);
  const published = waitForDiagnostics(uri, () => true, 'a first publish of diagnostics', { timeout, requireEvent: true });
  const opened = await openUri(uri);
  await published;
  return opened;
}

/** Waits until the server has published at least one tally diagnostic for the document. */
function waitForFirstCheck(uri, opts) {
  return waitForDiagnostics(uri, (d) => d.length > 0, 'the first tally diagnostics', opts);
}

// ---- locating things in the seed by its text, never by line numbers ----

function lines(doc) {
  return doc.getText().split(/\r?\n/);
}

function isTableRow(text) {
  return /^\s*\|/.test(text);
}

/** The caption line of a table ("表 3-4 …") that is followed by a pipe table. */
function findTableCaption(doc, label) {
  const ls = lines(doc);
  const re = new RegExp(`表\\s*${label.replace('-', '\\s*[-－—–]\\s*')}(?![0-9])`);
  let fallback = -1;
  for (let i = 0; i < ls.length; i++) {
    if (!re.test(ls[i]) || isTableRow(ls[i])) continue;
    if (fallback < 0) fallback = i;
    for (let j = i + 1; j < Math.min(ls.length, i + 6); j++) {
      if (ls[j].trim() === '') continue;
      if (isTableRow(ls[j])) return i;
      break;
    }
  }
  if (fallback >= 0) return fallback;
  throw new Error(`no caption "表 ${label}" in ${path.basename(doc.uri.fsPath)}`);
}

/** Lines [first, last] of the pipe table after the caption of `label`. */
function findTable(doc, label) {
  const ls = lines(doc);
  const caption = findTableCaption(doc, label);
  let first = caption + 1;
  while (first < ls.length && !isTableRow(ls[first])) first++;
  if (first >= ls.length) throw new Error(`no pipe table after "表 ${label}" (line ${caption + 1})`);
  let last = first;
  while (last + 1 < ls.length && isTableRow(ls[last + 1])) last++;
  return { caption, first, last };
}

/** The row of table `label` whose text contains `rowText`. */
function findRow(doc, label, rowText) {
  const ls = lines(doc);
  const t = findTable(doc, label);
  for (let i = t.first; i <= t.last; i++) if (ls[i].includes(rowText)) return i;
  throw new Error(`table "表 ${label}" (lines ${t.first + 1}-${t.last + 1}) has no row containing "${rowText}"`);
}

/** Range of the first occurrence of `needle` on `line` (a whole number token, not a prefix of a longer one). */
function rangeOn(doc, line, needle) {
  const text = doc.lineAt(line).text;
  const re = new RegExp(`(?<![0-9.])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9])`);
  const m = re.exec(text);
  if (!m) throw new Error(`"${needle}" not found on line ${line + 1}: ${text}`);
  return new vscode.Range(line, m.index, line, m.index + needle.length);
}

/** First line matching `re`; throws with a clear message otherwise. */
function findLine(doc, re, what) {
  const ls = lines(doc);
  for (let i = 0; i < ls.length; i++) if (re.test(ls[i])) return i;
  throw new Error(`no line with ${what || re} in ${path.basename(doc.uri.fsPath)}`);
}

/** Where the seed's known findings are. */
function seedLocations(doc) {
  const table34 = findTable(doc, '3-4');
  const totalLine = findRow(doc, '3-4', '合计');
  const total = rangeOn(doc, totalLine, '18.73');
  const rowLine188 = findRow(doc, '3-2', '制度执行有效性');
  const cell188 = rangeOn(doc, rowLine188, '1.88');
  const claimLine = findLine(doc, /满分\s*0\.63\s*分\s*[，,]\s*得分\s*1\.88\s*分/, '"满分 0.63 分，得分 1.88 分"');
  const gradeLine = findLine(doc, /绩效评级为\s*[“"「]优秀[”"」]/, '绩效评级为“优秀”');
  const gradeRange = rangeOn(doc, gradeLine, '优秀');
  return { table34, totalLine, total, rowLine188, cell188, claimLine, gradeLine, gradeRange };
}

// ---- providers ----

function hoverText(hovers) {
  const parts = [];
  for (const h of hovers || []) {
    for (const c of h.contents) parts.push(typeof c === 'string' ? c : c.value);
  }
  return parts.join('\n');
}

async function codeActions(uri, range, kind) {
  // itemResolveCount resolves lazily computed edits (codeAction/resolve).
  return (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind, 50)) || [];
}

/** Applies a code action the way the editor does: its edit, then its command. */
async function applyCodeAction(action) {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`workspace.applyEdit refused the edit of "${action.title}"`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
  }
  if (!action.edit && !action.command) throw new Error(`code action "${action.title}" has neither an edit nor a command`);
}

function editsFor(action, uri) {
  if (!action.edit) return [];
  return action.edit.get(uri) || [];
}

function flattenSymbols(symbols, depth = 0, out = [], parent = null) {
  for (const s of symbols || []) {
    out.push({ name: s.name, depth, symbol: s, parent });
    if (s.children) flattenSymbols(s.children, depth + 1, out, s);
  }
  return out;
}

/** Runs a command; if it has not settled in `softMs`, closes any quick pick it opened, then waits up to `hardMs`. */
async function runCommand(id, args = [], { softMs = 10_000, hardMs = 30_000 } = {}) {
  let settled = false;
  const p = Promise.resolve(vscode.commands.executeCommand(id, ...args)).finally(() => { settled = true; });
  const timeout = (ms) => new Promise((r) => setTimeout(r, ms, 'timeout'));
  let r = await Promise.race([p.then(() => 'done'), timeout(softMs)]);
  if (r === 'timeout' && !settled) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    r = await Promise.race([p.then(() => 'done'), timeout(hardMs - softMs)]);
    if (r === 'timeout') throw new Error(`command ${id} did not finish within ${hardMs} ms`);
  }
  return p;
}

async function setTallySetting(key, value) {
  await vscode.workspace.getConfiguration('tally').update(key, value, vscode.ConfigurationTarget.Global);
}

async function closeAll() {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

module.exports = {
  EXTENSION_ID, SOURCE, REPO, SAMPLES, SEED, SEVERITY,
  workspaceRoot, activate, freshCopy, openCopy, openUri, openCopyChecked,
  codeOf, tallyDiagnostics, describeDiagnostics, waitForDiagnostics, waitForFirstCheck,
  findTableCaption, findTable, findRow, rangeOn, findLine, seedLocations,
  hoverText, codeActions, applyCodeAction, editsFor, flattenSymbols, runCommand, setTallySetting, closeAll,
};
