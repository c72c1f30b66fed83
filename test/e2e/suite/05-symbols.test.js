// Document symbols: the indicator tree (一级指标 决策/过程/产出/效益 with their sub-indicators).
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('document symbols', () => {
  after(h.closeAll);

  it('give the indicator tree of the seed', async () => {
    const { uri } = await h.openCopy(h.SEED, 'symbols');
    await h.activate();
    await h.waitForFirstCheck(uri, { timeout: 'first' });
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'no document symbols');
    const flat = h.flattenSymbols(symbols);
    const names = flat.map((s) => `${'  '.repeat(s.depth)}${s.name}`).join('\n');
    // Markdown headings (from VS Code's own Markdown extension) are merged into the same answer; the
    // seed's headings are 决策情况/过程情况/..., so the names below come from Tally's indicator tree.
    for (const level1 of ['项目决策', '项目过程', '项目产出', '项目效益']) {
      const node = flat.find((s) => s.name.includes(level1) && s.symbol.children && s.symbol.children.length > 0);
      assert.ok(node, `no symbol "${level1}" with children in the tree:\n${names}`);
    }
    const process = flat.find((s) => s.name.includes('项目过程') && s.symbol.children && s.symbol.children.length > 0);
    const under = h.flattenSymbols(process.symbol.children).map((s) => s.name);
    assert.ok(under.some((n) => n.includes('制度执行有效性')), `制度执行有效性 is not under 项目过程; under it: ${under.join(', ')}`);
  });
});
