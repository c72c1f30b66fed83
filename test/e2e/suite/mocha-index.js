// Entry point of Tally's real-editor suite: the standard `run()` contract that VS Code calls with
// extensionTestsPath, used unchanged by code-server's extension host (test/e2e/run-code-server.mjs)
// and by @vscode/test-electron (test/e2e/run-test-electron.mjs).
//
// Besides mocha's own spec output it reports the counts in two machine-readable ways, because the
// runners cannot see mocha's exit status beyond 0/1:
//   - a line `TALLY-E2E-RESULT {"passed":N,"failed":M,...}` on the console (code-server forwards the
//     extension host's console to window.codeAutomationLog);
//   - a JSON file at $TALLY_E2E_RESULTS when that variable reaches the extension host.
'use strict';

const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    // Each test waits on events with its own deadline (see helpers.js); this is only the cap.
    timeout: Number(process.env.TALLY_E2E_TEST_TIMEOUT || 90_000),
    grep: process.env.TALLY_E2E_GREP || undefined,
  });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(dir, f));
  }

  return new Promise((resolve, reject) => {
    const results = { passed: 0, failed: 0, pending: 0, failures: [] };
    let runner;
    try {
      runner = mocha.run((failures) => {
        results.failed = Math.max(results.failed, failures);
        report(results);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
    } catch (err) {
      results.failed = Math.max(1, results.failed);
      results.failures.push({ title: 'loading the suite', error: String(err && err.stack || err) });
      report(results);
      reject(err);
      return;
    }
    runner.on('pass', () => { results.passed++; });
    runner.on('pending', () => { results.pending++; });
    runner.on('fail', (test, err) => {
      results.failed++;
      results.failures.push({ title: test.fullTitle(), error: String(err && err.message || err) });
    });
  });
}

function report(results) {
  console.log(`TALLY-E2E-RESULT ${JSON.stringify({ passed: results.passed, failed: results.failed, pending: results.pending })}`);
  const file = process.env.TALLY_E2E_RESULTS;
  if (file) {
    try { fs.writeFileSync(file, JSON.stringify(results, null, 2)); } catch (err) { console.error(`could not write ${file}: ${err}`); }
  }
}

module.exports = { run };
