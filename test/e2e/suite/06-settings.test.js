// Settings: tally.rules turns a rule off (re-checking open documents) or changes its severity.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('settings', () => {
  let uri, loc;
  const scoreSumOnTotal = (d) => d.find((x) => h.codeOf(x) === 'score-sum' && x.range.start.line === loc.totalLine);

  before(async () => {
    let doc;
    ({ doc, uri } = await h.openCopy(h.SEED, 'settings'));
    await h.activate();
    loc = h.seedLocations(doc);
    await h.waitForDiagnostics(uri, (d) => !!scoreSumOnTotal(d), 'score-sum on the 合计 row of 表 3-4', { timeout: 'first' });
  });
  afterEach(() => h.setTallySetting('rules', undefined));
  after(h.closeAll);

  it('tally.rules {"score-sum": "off"} removes the diagnostic from the open document, and it comes back when unset', async () => {
    await h.setTallySetting('rules', { 'score-sum': 'off' });
    const after = await h.waitForDiagnostics(uri, (d) => !d.some((x) => h.codeOf(x) === 'score-sum'),
      'score-sum to disappear after tally.rules {"score-sum": "off"}');
    assert.ok(after.some((x) => h.codeOf(x) === 'claim-vs-table'), 'the other rules must stay on (claim-vs-table vanished too)');
    await h.setTallySetting('rules', undefined);
    await h.waitForDiagnostics(uri, (d) => !!scoreSumOnTotal(d), 'score-sum to come back after unsetting tally.rules');
  });

  it('tally.rules {"score-sum": "info"} changes the severity', async () => {
    await h.setTallySetting('rules', { 'score-sum': 'info' });
    const d = await h.waitForDiagnostics(uri, (x) => {
      const s = scoreSumOnTotal(x);
      return !!s && s.severity === vscode.DiagnosticSeverity.Information;
    }, 'score-sum with Information severity');
    assert.ok(scoreSumOnTotal(d));
  });
});
