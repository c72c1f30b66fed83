// Hover on recognised numbers explains how they are derived.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

async function hoverAt(uri, range) {
  // The middle of the number, as a mouse would rest on it.
  const pos = new vscode.Position(range.start.line, range.start.character + Math.floor((range.end.character - range.start.character) / 2));
  return h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
}

describe('hover', () => {
  let doc, uri, loc;

  before(async () => {
    ({ doc, uri } = await h.openCopy(h.SEED, 'hover'));
    await h.activate();
    loc = h.seedLocations(doc);
    await h.waitForFirstCheck(uri, { timeout: 'first' });
  });
  after(h.closeAll);

  it('on the 合计 18.73 of 表 3-4 shows the sum of the rows (18.72)', async () => {
    const text = await hoverAt(uri, loc.total);
    assert.ok(text.trim().length > 0, `no hover on 18.73 (line ${loc.totalLine + 1})`);
    assert.ok(text.includes('18.72'), `hover on 18.73 does not mention the rows' sum 18.72:\n${text}`);
  });

  it('on the 1.88 of 制度执行有效性 (表 3-2) explains its derivation from the 2.5 分值', async () => {
    const text = await hoverAt(uri, loc.cell188);
    assert.ok(text.trim().length > 0, `no hover on 1.88 (line ${loc.rowLine188 + 1})`);
    assert.ok(text.includes('2.5'), `hover on 1.88 does not mention its 分值 2.5:\n${text}`);
  });
});
