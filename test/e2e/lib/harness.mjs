// Shared plumbing of the real-editor runners: an isolated scratch directory, code-server started in
// its own process group, headless Debian Chromium via playwright-core, and a workspace holding
// copies of samples/*.md. See /work/shared/harness.md for why each flag is there.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(E2E, '..', '..');
export const ARTIFACTS = path.join(ROOT, '.ci', 'artifacts');
export const NODE24_BIN = path.join(E2E, '.tools', 'node24', 'node_modules', '.bin');
export const CODE_SERVER = path.join(E2E, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const GALLERY = '{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/items"}';

export function log(...args) {
  console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);
}

export function seconds(t0) {
  return ((Date.now() - t0) / 1000).toFixed(1);
}

/** Node 24 (code-server 4.139 runs on nothing else): the tools copy, or the running node if it is 24. */
export function node24() {
  const tools = path.join(NODE24_BIN, 'node');
  if (fs.existsSync(tools)) return tools;
  if (process.versions.node.split('.')[0] === '24') return process.execPath;
  throw new Error(`Node 24 not found at ${tools}; run: bash test/e2e/setup.sh`);
}

export function requireInstalled() {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(`code-server is not installed in ${E2E}/node_modules; run: bash test/e2e/setup.sh`);
  }
}

/**
 * A short scratch directory (unix-socket paths must stay < 108 bytes) that receives every file the
 * editors would otherwise write into $HOME or /tmp; `env` is the environment for child processes.
 */
export function makeScratch(prefix = 'tally-e2e') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}.`));
  const env = { ...process.env };
  // A caller running inside VS Code (or code-server) must not leak its IPC hooks: code-server would
  // forward to that instance instead of starting its own.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  Object.assign(env, {
    TMPDIR: path.join(dir, 'tmp'),
    XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(dir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg', 'cache'),
    XDG_STATE_HOME: path.join(dir, 'xdg', 'state'),
    EXTENSIONS_GALLERY: GALLERY,
  });
  // code-server is `#!/usr/bin/env node` and spawns helpers the same way: Node 24 first on PATH.
  try { env.PATH = `${path.dirname(node24())}${path.delimiter}${process.env.PATH}`; } catch { /* not needed by every runner */ }
  for (const k of ['TMPDIR', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME']) fs.mkdirSync(env[k], { recursive: true });
  const keep = !!process.env.TALLY_E2E_KEEP;
  return {
    dir,
    env,
    cleanup() {
      if (keep) { log(`kept scratch dir ${dir}`); return; }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A workspace folder with copies of samples/*.md (the tests never touch the repo's samples). */
export function prepareWorkspace(ws) {
  fs.mkdirSync(ws, { recursive: true });
  const samples = path.join(ROOT, 'samples');
  const names = fs.existsSync(samples) ? fs.readdirSync(samples).filter((n) => n.endsWith('.md')) : [];
  for (const n of names) fs.copyFileSync(path.join(samples, n), path.join(ws, n));
  return names;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 100,
  'files.autoSave': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
};

/** Runs the code-server CLI to completion (e.g. --install-extension). */
export function codeServerCli(run, env, args) {
  const r = spawnSync(node24(), [CODE_SERVER, '--config', path.join(run, 'config.yaml'),
    '--user-data-dir', path.join(run, 'user'), '--extensions-dir', path.join(run, 'exts'), ...args],
  { env, encoding: 'utf8', timeout: 120_000 });
  return r;
}

/**
 * Starts code-server on a free loopback port in its own session/process group (detached = setsid),
 * with fresh user-data and extensions dirs under `run`. Resolves once /healthz answers.
 */
export async function startCodeServer(run, env, extraArgs = []) {
  requireInstalled();
  fs.mkdirSync(path.join(run, 'user', 'User'), { recursive: true });
  fs.mkdirSync(path.join(run, 'exts'), { recursive: true });
  fs.writeFileSync(path.join(run, 'user', 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const port = await freePort();
  const logFile = path.join(run, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(node24(), [CODE_SERVER,
    '--config', path.join(run, 'config.yaml'),
    '--user-data-dir', path.join(run, 'user'),
    '--extensions-dir', path.join(run, 'exts'),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...extraArgs], { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const url = `http://127.0.0.1:${port}`;
  const server = {
    url, port, logFile, pid: child.pid,
    stop() { return stopGroup(child, () => exited !== null); },
  };
  activeServers.add(server);
  // .ci/run kills these process groups in its exit trap, should this runner itself be killed hard.
  if (process.env.TALLY_E2E_PIDFILE) fs.appendFileSync(process.env.TALLY_E2E_PIDFILE, `${child.pid}\n`);
  const t0 = Date.now();
  while (Date.now() - t0 < 60_000) {
    if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}) before answering; log:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) { log(`code-server up on ${url} after ${seconds(t0)} s`); return server; }
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error(`code-server did not answer /healthz within 60 s; log:\n${tail(logFile)}`);
}

const activeServers = new Set();

/** Kills the whole process group (extension host, our LSP server, tsserver too). */
async function stopGroup(child, hasExited) {
  for (const s of activeServers) if (s.pid === child.pid) activeServers.delete(s);
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  const t0 = Date.now();
  while (!hasExited() && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 100));
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
}

/** On SIGTERM/SIGINT (e.g. from `timeout`), take the code-server process groups down with us. */
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(sig, () => {
    for (const s of activeServers) { try { process.kill(-s.pid, 'SIGKILL'); } catch { /* gone */ } }
    console.error(`killed by ${sig}`);
    process.exit(124);
  });
}

export function tail(file, n = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return '(no log)'; }
}

export async function launchChromium(profileDir, env) {
  const { chromium } = await import('playwright-core');
  fs.mkdirSync(profileDir, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    env,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
}
