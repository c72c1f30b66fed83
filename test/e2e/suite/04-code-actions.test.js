// Quick fixes on the seed: the direct fix and the cascade fix on 表 3-4's 合计, and source.fixAll.tally.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const isQuickFix = (a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind);
const isCascade = (a) => /级联|cascade/i.test(a.title);
const describe_ = (actions) => actions.map((a) => `"${a.title}" kind=${a.kind && a.kind.value} preferred=${!!a.isPreferred}`).join('; ') || '(none)';

describe('code actions', () => {
  afterEach(h.closeAll);

  it('on 18.73 offer a preferred direct quick fix to 18.72 and a cascade fix', async () => {
    const { doc, uri } = await h.openCopy(h.SEED, 'actions');
    await h.activate();
    const loc = h.seedLocations(doc);
    await h.waitForDiagnostics(uri, (d) => d.some((x) => h.codeOf(x) === 'score-sum' && x.range.start.line === loc.totalLine),
      'score-sum on the 合计 row of 表 3-4', { timeout: 'first' });
    const actions = await h.codeActions(uri, loc.total);

    const cascade = actions.find(isCascade);
    assert.ok(cascade, `no cascade (级联) fix on 18.73; actions: ${describe_(actions)}`);

    // The direct fix: a quick fix that is not the cascade and writes 18.72 on the 合计 row; it is the preferred one.
    const writes1872 = (a) => h.editsFor(a, uri).some((e) => e.range.start.line === loc.totalLine && e.newText.includes('18.72'));
    const direct = actions.find((a) => a !== cascade && isQuickFix(a) && writes1872(a));
    assert.ok(direct, `no direct quick fix (other than the cascade) writing 18.72 on the 合计 row; actions: ${describe_(actions)}`);
    assert.ok(direct.isPreferred, `the direct fix "${direct.title}" is not marked preferred; actions: ${describe_(actions)}`);
  });

  it('applying the cascade fix clears the errors of 表 3-4 and turns the prose "实际得分 18.73" into 18.72', async () => {
    const { doc, uri } = await h.openCopy(h.SEED, 'cascade');
    await h.activate();
    let loc = h.seedLocations(doc);
    await h.waitForDiagnostics(uri, (d) => d.some((x) => h.codeOf(x) === 'score-sum' && x.range.start.line === loc.totalLine),
      'score-sum on the 合计 row of 表 3-4', { timeout: 'first' });
    assert.match(doc.getText(), /实际得分\s*18\.73/, 'precondition: the seed says "实际得分 18.73"');

    const actions = await h.codeActions(uri, loc.total);
    const cascade = actions.find(isCascade);
    assert.ok(cascade, `no cascade (级联) fix on 18.73; actions: ${describe_(actions)}`);
    await h.applyCodeAction(cascade);

    const text = doc.getText();
    assert.doesNotMatch(text, /实际得分\s*18\.73/, 'the prose still says "实际得分 18.73"');
    assert.match(text, /实际得分\s*18\.72/, 'the prose does not say "实际得分 18.72"');
    const table = h.findTable(doc, '3-4');
    const totalLine = h.findRow(doc, '3-4', '合计');
    assert.ok(/(?<![0-9.])18\.72(?![0-9])/.test(doc.lineAt(totalLine).text), `合计 row not fixed: ${doc.lineAt(totalLine).text}`);

    const inTable = (d) => d.range.start.line >= table.caption && d.range.start.line <= table.last;
    await h.waitForDiagnostics(uri,
      (d) => !d.some((x) => inTable(x) && (x.severity === vscode.DiagnosticSeverity.Error || h.codeOf(x) === 'score-sum')),
      'no error and no score-sum left in 表 3-4 after the cascade fix');
    assert.ok(await doc.save(), 'saving the fixed copy failed');
  });

  it('source.fixAll.tally edits the report and leaves no error-severity diagnostic', async () => {
    const { doc, uri } = await h.openCopy(h.SEED, 'fixall');
    await h.activate();
    await h.waitForFirstCheck(uri, { timeout: 'first' });
    const before = doc.getText();
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await h.codeActions(uri, all, 'source.fixAll.tally');
    const fixAll = actions.find((a) => a.kind && a.kind.value === 'source.fixAll.tally');
    assert.ok(fixAll, `no code action of kind source.fixAll.tally; got: ${describe_(actions)}`);
    await h.applyCodeAction(fixAll);
    assert.notStrictEqual(doc.getText(), before, 'source.fixAll.tally changed nothing in the seed');
    await h.waitForDiagnostics(uri, (d) => !d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
      'no error-severity tally diagnostic after source.fixAll.tally');
    assert.ok(await doc.save(), 'saving the fixed copy failed');
  });
});
