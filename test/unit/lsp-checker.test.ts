import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import { DocumentChecker, WARM_DOCUMENTS, type Checked } from '../../server/src/lsp/checker';

const REPORT = ['# 绩效评价报告', '', '| 一级指标 | 分值 | 得分 |', '| --- | --- | --- |', '| 决策 | 20 | 18 |', '| 过程 | 20 | 17 |', '| 合计 | 40 | 36 |', ''].join('\n');

function host() {
  const docs = new Map<string, TextDocument>();
  const checked: Checked[] = [];
  const documents = { get: (uri: string) => docs.get(uri), all: () => [...docs.values()] } as unknown as TextDocuments<TextDocument>;
  const checker = new DocumentChecker({
    documents,
    configFor: async () => ({ layers: [], problems: [] }),
    onChecked: (result) => checked.push(result),
    error: (message) => {
      throw new Error(message);
    },
  });
  const open = (uri: string, text = REPORT) => {
    docs.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    checker.schedule(uri);
  };
  const edit = (uri: string, text: string) => {
    const doc = docs.get(uri)!;
    docs.set(uri, TextDocument.create(uri, 'markdown', doc.version + 1, text));
    checker.schedule(uri);
  };
  return { checker, open, edit, checked };
}

describe('DocumentChecker keeps block caches only for the most recently edited documents', () => {
  it('cools the older documents down to an empty cache and keeps their results', async () => {
    const { checker, open } = host();
    const uris = Array.from({ length: WARM_DOCUMENTS + 2 }, (_, i) => `file:///r${i}.md`);
    for (const uri of uris) {
      open(uri);
      await checker.current(uri);
    }
    const results = await Promise.all(uris.map((uri) => checker.current(uri)));
    expect(uris.map((uri) => checker.isWarm(uri))).toEqual([false, false, true, true, true]);
    expect(results.map((r) => r!.cache.size > 0)).toEqual([false, false, true, true, true]);
    // the results stay: the wrong 合计 is found in every document
    for (const result of results) expect(result!.result.findings.some((f) => f.ruleId === 'score-sum' || f.ruleId === 'score-arithmetic')).toBe(true);
  });

  it('warms a document up again when it is edited', async () => {
    const { checker, open, edit } = host();
    const uris = Array.from({ length: WARM_DOCUMENTS + 1 }, (_, i) => `file:///r${i}.md`);
    for (const uri of uris) {
      open(uri);
      await checker.current(uri);
    }
    expect(checker.isWarm(uris[0])).toBe(false);
    edit(uris[0], REPORT.replace('| 合计 | 40 | 36 |', '| 合计 | 40 | 35 |'));
    const again = await checker.current(uris[0]);
    expect(again!.version).toBe(2);
    expect(checker.isWarm(uris[0])).toBe(true);
    expect(again!.cache.size).toBeGreaterThan(0);
    expect(checker.isWarm(uris[1])).toBe(false);
  });
});
