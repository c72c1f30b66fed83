// Runs Tally's mocha suite (test/e2e/suite) inside a real VS Code: code-server 4.139.1 (VS Code 1.139
// server + web workbench) driven by headless Debian Chromium. The workbench reads
// extensionDevelopmentPath / extensionTestsPath from the `payload` URL parameter (honoured only with
// --vscode-option enable-smoke-test-driver); the extension host reports its exit code through
// window.codeAutomationExit and its console through window.codeAutomationLog.
//
// Usage: node test/e2e/run-code-server.mjs        (after bash test/e2e/setup.sh; Node 24 or 20)
// Env:   TALLY_E2E_GREP=<mocha grep>   TALLY_E2E_KEEP=1 (keep the scratch dir)   TALLY_E2E_DEADLINE=<s>
// Prints mocha's report, then `vscode: N passed, M failed`; exits 0 only if all passed.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ARTIFACTS, ROOT, E2E, log, seconds, makeScratch, prepareWorkspace, startCodeServer, launchChromium, requireInstalled, tail } from './lib/harness.mjs';

// Workbench chatter that says nothing about Tally on an offline machine (the gallery is pointed at a
// dead loopback port on purpose; no GitHub sign-in exists).
const NOISE = [/ECONNREFUSED 127\.0\.0\.1:9\b/, /authentication provider 'github'/, /^\[AccountPolicyGate\]/, /^\[AgentHost:remote\]/,
  /^Creating a socket|^Resolving connection token|^Resolved connection token|^\[reconnection-grace-time\]|^Updating additional builtin extensions cache|^\[Service Worker\]/];
const DEADLINE_S = Number(process.env.TALLY_E2E_DEADLINE || 900);
const t0 = Date.now();

async function main() {
  requireInstalled();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) {
    log('dist/client.js is missing: run `npm run build` in the repo root first');
  }
  const scratch = makeScratch('tally-cs');
  const resultsFile = path.join(scratch.dir, 'results.json');
  const env = { ...scratch.env, TALLY_E2E_RESULTS: resultsFile };
  for (const k of ['TALLY_E2E_GREP', 'TALLY_E2E_TEST_TIMEOUT', 'TALLY_E2E_FIRST_TIMEOUT', 'TALLY_E2E_WAIT_TIMEOUT']) if (process.env[k]) env[k] = process.env[k];
  const ws = path.join(scratch.dir, 'ws');
  const samples = prepareWorkspace(ws);
  log(`workspace ${ws} with ${samples.length} sample(s): ${samples.join(', ') || '(samples/ is empty)'}`);

  const transcript = [];
  const say = (line) => { transcript.push(line); console.log(line); };
  let server, ctx, code, counts;
  try {
    server = await startCodeServer(path.join(scratch.dir, 'cs'), env, ['--vscode-option', 'enable-smoke-test-driver']);
    const host = new URL(server.url).host;
    const remote = (p) => `vscode-remote://${host}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(E2E, 'suite', 'mocha-index.js'))],
      ['skipWelcome', 'true'],
    ]);
    ctx = await launchChromium(path.join(scratch.dir, 'chrome'), env);
    const page = ctx.pages()[0] ?? await ctx.newPage();
    const browserLog = [];
    page.on('console', (m) => browserLog.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => browserLog.push(`[pageerror] ${e.message}`));
    let exit;
    const exited = new Promise((r) => { exit = r; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(args ?? []));
      if (NOISE.some((re) => re.test(text))) return;
      for (const line of text.split('\n')) {
        const m = /TALLY-E2E-RESULT (\{.*\})/.exec(line);
        if (m) { try { counts = JSON.parse(m[1]); } catch { /* ignore */ } continue; }
        say(type === 'log' || type === 'info' ? line : `[${type}] ${line}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (c) => exit(c));
    log('opening the workbench with the test payload');
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    log(`workbench visible after ${seconds(t0)} s`);
    const left = Math.max(30, DEADLINE_S - (Date.now() - t0) / 1000);
    code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), left * 1000))]);
    if (code === 'timeout') {
      say(`the suite did not finish within ${DEADLINE_S} s (no codeAutomationExit)`);
      await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-timeout.png') }).catch(() => {});
    }
    fs.writeFileSync(path.join(ARTIFACTS, 'code-server-browser.log'), browserLog.join('\n'));
  } catch (err) {
    say(`runner error: ${err && err.stack || err}`);
    code = 'error';
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    if (server) {
      await server.stop();
      fs.copyFileSync(server.logFile, path.join(ARTIFACTS, 'code-server.log'));
      if (code !== 0) console.log(`--- code-server log (tail) ---\n${tail(server.logFile, 30)}`);
      const exthostLogs = findFiles(path.join(scratch.dir, 'cs', 'user', 'logs'), /exthost\.log$|remoteexthost\.log$/);
      for (const f of exthostLogs) fs.copyFileSync(f, path.join(ARTIFACTS, `code-server-${path.basename(path.dirname(f))}-${path.basename(f)}`));
    }
    if (fs.existsSync(resultsFile)) {
      const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      counts = { passed: r.passed, failed: r.failed, pending: r.pending };
      fs.copyFileSync(resultsFile, path.join(ARTIFACTS, 'vscode-results.json'));
    }
    fs.writeFileSync(path.join(ARTIFACTS, 'vscode-suite.log'), transcript.join('\n') + '\n');
    scratch.cleanup();
  }

  let passed = counts ? counts.passed : 0;
  let failed = counts ? counts.failed : 0;
  // The extension host said "failed" (or never finished) but mocha reported no failure: count one.
  if (code !== 0 && failed === 0) failed = 1;
  if (code === 0 && !counts) { say('the suite exited 0 but reported no counts'); failed = 1; }
  if (code === 0 && counts && passed === 0) { say('the suite ran no test'); failed = Math.max(failed, 1); }
  log(`extension host exit: ${code}; total ${seconds(t0)} s`);
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && code === 0 ? 0 : 1);
}

function findFiles(dir, re, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(p, re, out); else if (re.test(e.name)) out.push(p);
  }
  return out;
}

main().catch((err) => { console.error(err); console.log('vscode: 0 passed, 1 failed'); process.exit(1); });
