// Runs the same mocha suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron.
// That needs a VS Code build: VSCODE_EXECUTABLE=/path/to/code, or network access to download one
// (update.code.visualstudio.com). Neither exists on the project's offline machines, where the suite
// runs in code-server instead (run-code-server.mjs, `npm run test:code-server`).
// Prints `vscode: N passed, M failed`; exits 0 only if all passed.
import dns from 'node:dns/promises';
import fs from 'node:fs';
import path from 'node:path';
import { E2E, ROOT, ARTIFACTS, makeScratch, prepareWorkspace, log, seconds } from './lib/harness.mjs';

const DOWNLOAD_HOST = 'update.code.visualstudio.com';
const t0 = Date.now();

async function main() {
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (vscodeExecutablePath && !fs.existsSync(vscodeExecutablePath)) {
    console.error(`VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
    return 1;
  }
  if (!vscodeExecutablePath) {
    try {
      await dns.lookup(DOWNLOAD_HOST);
    } catch (err) {
      console.error(`@vscode/test-electron cannot run here: no VS Code build to use and none can be downloaded ` +
        `(${DOWNLOAD_HOST}: ${err.code || err.message}).\n` +
        `Set VSCODE_EXECUTABLE to a desktop VS Code (e.g. /usr/share/code/code), or run the same suite in ` +
        `code-server: npm run test:code-server`);
      return 1;
    }
  }
  const { runTests } = await import('@vscode/test-electron');
  const scratch = makeScratch('tally-te');
  const ws = path.join(scratch.dir, 'ws');
  prepareWorkspace(ws);
  const resultsFile = path.join(scratch.dir, 'results.json');
  let code, counts = null;
  try {
    code = await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: process.env.VSCODE_VERSION || 'stable' }),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(E2E, 'suite', 'mocha-index.js'),
      extensionTestsEnv: { ...scratch.env, TALLY_E2E_RESULTS: resultsFile },
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', path.join(scratch.dir, 'user'), '--extensions-dir', path.join(scratch.dir, 'exts')],
    }).then(() => 0, (err) => { console.error(String(err && err.message || err)); return 1; });
  } finally {
    counts = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : null;
    if (counts) { fs.mkdirSync(ARTIFACTS, { recursive: true }); fs.copyFileSync(resultsFile, path.join(ARTIFACTS, 'test-electron-results.json')); }
    scratch.cleanup();
  }
  const passed = counts ? counts.passed : 0;
  let failed = counts ? counts.failed : 0;
  if (code !== 0 && failed === 0) failed = 1;
  if (code === 0 && (!counts || passed === 0)) failed = Math.max(failed, 1);
  log(`test-electron done in ${seconds(t0)} s`);
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  return failed === 0 && code === 0 ? 0 : 1;
}

main().then((rc) => process.exit(rc), (err) => { console.error(err); console.log('vscode: 0 passed, 1 failed'); process.exit(1); });
