import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

function doc(reference: string): string {
  return [
    '# 报告',
    '',
    `我们设计了调查问卷，共收回有效调查问卷 22份，其分析情况详见报告${reference}。`,
    '',
    '## 附件 1：项目评分情况表',
    '',
    '## 附件 2：问卷调查表及分析报告',
    '',
    '## 附件 3：访谈提纲（记录）及访谈分析报告',
    '',
  ].join('\n');
}

describe('annex-reference', () => {
  it('points a survey reference at the annex holding the survey', () => {
    const text = doc('附件 3');
    const findings = findingsOf(text, 'annex-reference');
    expect(findings.map((f) => textOf(text, f))).toEqual(['附件 3']);
    const [finding] = findings;
    expect(finding.message.zh).toBe('所述问卷调查内容应见附件 2（问卷调查表及分析报告），而引用的附件 3 是“访谈提纲（记录）及访谈分析报告”。');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['问卷调查表及分析报告', '访谈提纲（记录）及访谈分析报告']);
    expect(applyFixes(text, finding.fixes[0].edits)).toContain('详见报告附件 2。');
  });

  it('flags a reference to an annex that does not exist', () => {
    const text = doc('附件 5');
    const [finding] = findingsOf(text, 'annex-reference');
    expect(textOf(text, finding)).toBe('附件 5');
    expect(finding.message.zh).toBe('引用的附件 5 不存在（报告附件为 1、2、3）。');
    expect(applyFixes(text, finding.fixes[0].edits)).toContain('详见报告附件 2。');
  });

  it('accepts the right annex', () => {
    expect(findingsOf(doc('附件 2'), 'annex-reference')).toEqual([]);
  });
});
