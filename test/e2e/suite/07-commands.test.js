// The tally.* commands run in a real window without throwing, and do what they say.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('commands', () => {
  afterEach(h.closeAll);

  it('tally.checkWorkspace checks a report that is not open', async () => {
    await h.activate();
    const unopened = await h.freshCopy(h.SEED, 'unopened');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'precondition: the copy is not open');
    await h.runCommand('tally.checkWorkspace');
    await h.waitForDiagnostics(unopened, (d) => d.some((x) => h.codeOf(x) === 'score-sum'), 'score-sum on a report that is not open, after tally.checkWorkspace');
  });

  it('tally.showScoreStructure runs on the active report', async () => {
    const { uri } = await h.openCopy(h.SEED, 'structure');
    await h.activate();
    await h.waitForFirstCheck(uri, { timeout: 'first' });
    await h.runCommand('tally.showScoreStructure');
  });

  it('tally.fixAll fixes the active report', async () => {
    const { doc, uri } = await h.openCopy(h.SEED, 'fixallcmd');
    await h.activate();
    await h.waitForFirstCheck(uri, { timeout: 'first' });
    const before = doc.getText();
    await h.runCommand('tally.fixAll');
    assert.notStrictEqual(doc.getText(), before, 'tally.fixAll changed nothing in the seed');
    await h.waitForDiagnostics(uri, (d) => !d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
      'no error-severity tally diagnostic after tally.fixAll');
    await doc.save();
  });

  it('tally.restartServer restarts the server, which checks the open report again', async () => {
    const { doc, uri } = await h.openCopy(h.SEED, 'restart');
    await h.activate();
    const loc = h.seedLocations(doc);
    await h.waitForDiagnostics(uri, (d) => d.some((x) => h.codeOf(x) === 'score-sum'), 'score-sum before the restart', { timeout: 'first' });
    const republished = h.waitForDiagnostics(uri, (d) => d.some((x) => h.codeOf(x) === 'score-sum'),
      'score-sum published again after tally.restartServer', { timeout: 60_000, requireEvent: true });
    await h.runCommand('tally.restartServer');
    await republished;
    const hover = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, loc.total.start.translate(0, 1)));
    assert.ok(hover.includes('18.72'), `hover after restart does not mention 18.72:\n${hover}`);
  });
});
