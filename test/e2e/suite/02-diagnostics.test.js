// Diagnostics the language server publishes on samples/seed-report.md, as VS Code shows them.
'use strict';

const assert = require('assert');
const path = require('path');
const fs = require('fs');
const h = require('./helpers');

describe('diagnostics on the seed report', () => {
  let doc, uri, loc, diags;

  before(async () => {
    ({ doc, uri } = await h.openCopy(h.SEED, 'diagnostics'));
    await h.activate();
    loc = h.seedLocations(doc);
    // The first check includes the server's start-up, hence the longer deadline.
    diags = await h.waitForDiagnostics(uri, (d) => d.some((x) => h.codeOf(x) === 'score-sum'), 'a score-sum diagnostic', { timeout: 'first' });
  });
  after(h.closeAll);

  it('every tally diagnostic carries a rule id as its code and a message', () => {
    assert.ok(diags.length > 0);
    for (const d of diags) {
      assert.ok(h.codeOf(d), `diagnostic without a code: ${d.message}`);
      assert.ok(d.message.trim().length > 0, `diagnostic ${h.codeOf(d)} has an empty message`);
    }
  });

  it('score-sum flags the 18.73 cell of the 合计 row of 表 3-4, with related information in the table', () => {
    const hits = diags.filter((d) => h.codeOf(d) === 'score-sum' && d.range.start.line === loc.totalLine);
    assert.ok(hits.length > 0, `no score-sum on line ${loc.totalLine + 1} (合计 of 表 3-4); diagnostics:\n${h.describeDiagnostics(uri)}`);
    const d = hits.find((x) => x.range.contains(loc.total));
    assert.ok(d, `score-sum on line ${loc.totalLine + 1} does not cover the 18.73 cell (chars ${loc.total.start.character}-${loc.total.end.character}); got ` +
      hits.map((x) => `${x.range.start.character}-${x.range.end.character}`).join(', '));
    assert.ok(d.relatedInformation && d.relatedInformation.length > 0, 'score-sum has no relatedInformation');
    const inTable = d.relatedInformation.filter((r) => r.location.uri.toString() === uri.toString() &&
      r.location.range.start.line >= loc.table34.first && r.location.range.start.line < loc.totalLine);
    assert.ok(inTable.length > 0, `no relatedInformation points at the rows of 表 3-4 (lines ${loc.table34.first + 1}-${loc.totalLine}); got ` +
      d.relatedInformation.map((r) => `${path.basename(r.location.uri.fsPath)}:${r.location.range.start.line + 1} ${r.message}`).join('; '));
  });

  it('claim-vs-table flags "该指标满分 0.63 分，得分 1.88 分"', () => {
    const hits = diags.filter((d) => h.codeOf(d) === 'claim-vs-table' && d.range.start.line <= loc.claimLine && d.range.end.line >= loc.claimLine);
    assert.ok(hits.length > 0, `no claim-vs-table on line ${loc.claimLine + 1}; diagnostics:\n${h.describeDiagnostics(uri)}`);
  });

  it('grade-label flags 绩效评级为“优秀”', () => {
    const hits = diags.filter((d) => h.codeOf(d) === 'grade-label' && d.range.intersection(loc.gradeRange) !== undefined);
    assert.ok(hits.length > 0, `no grade-label covering “优秀” on line ${loc.gradeLine + 1}; diagnostics:\n${h.describeDiagnostics(uri)}`);
  });

  it('every sample in samples/ opens and gets checked without the server failing', async () => {
    const names = fs.readdirSync(h.SAMPLES).filter((n) => n.endsWith('.md')).sort();
    assert.ok(names.includes(h.SEED), `samples/ has no ${h.SEED}: ${names.join(', ')}`);
    for (const name of names) {
      // Resolves on the server's first publish for that file (an empty list for a clean report).
      await h.openCopyChecked(name, 'sample');
    }
    // The seed's own diagnostics are still there: the server survived all samples.
    await h.waitForDiagnostics(uri, (d) => d.some((x) => h.codeOf(x) === 'score-sum'), 'score-sum after opening every sample');
  });
});
