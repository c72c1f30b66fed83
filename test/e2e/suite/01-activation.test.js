// The extension loads in a real VS Code, activates on Markdown and registers its contributions.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('activation', () => {
  after(h.closeAll);

  it('activates on a Markdown report and exports no error', async () => {
    const { doc } = await h.openCopy(h.SEED, 'activation');
    const ext = await h.activate();
    assert.strictEqual(ext.isActive, true, 'extension is not active after opening a Markdown file');
    assert.strictEqual(doc.languageId, 'markdown');
  });

  it('registers the tally.* commands', async () => {
    await h.activate();
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = ['tally.checkWorkspace', 'tally.fixAll', 'tally.restartServer', 'tally.showScoreStructure'].filter((c) => !all.has(c));
    assert.deepStrictEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
  });

  it('contributes the tally.rules and tally.grade.labels settings', () => {
    const cfg = vscode.workspace.getConfiguration('tally');
    for (const key of ['rules', 'grade.labels']) {
      const info = cfg.inspect(key);
      assert.ok(info && info.defaultValue !== undefined, `setting tally.${key} is not contributed (no default value)`);
    }
  });
});
