import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

function doc(title: string): string {
  return [
    '# 报告',
    '',
    '## 三、绩效评价分析',
    '',
    '表 3-1 项目决策指标及分值',
    '',
    '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    '| 决策 | 10 | 绩效目标 | 10 | 绩效目标合理性 | 5 | 3.75 |',
    '| | | | | 绩效指标明确性 | 5 | 3.33 |',
    '| 合计 | 10 | | 10 | | 10 | 7.08 |',
    '',
    '### 2.绩效目标',
    '',
    '#### （1）绩效目标合理性',
    '',
    '综上所述，该指标满分 5 分，扣分 1.25 分，得分 3.75 分。',
    '',
    `#### （2）${title}`,
    '',
    '综上所述，该指标满分 5 分，扣分 1.67 分，得分 3.33 分。',
    '',
  ].join('\n');
}

describe('indicator-name', () => {
  it('flags a title naming an indicator differently from its table, once', () => {
    const text = doc('绩效目标明确性');
    const findings = findingsOf(text, 'indicator-name');
    expect(findings.map((f) => textOf(text, f))).toEqual(['绩效目标明确性']);
    const [finding] = findings;
    expect(finding.severity).toBe('info');
    expect(finding.message.zh).toBe('正文中的指标名称“绩效目标明确性”与表3-1中的“绩效指标明确性”不一致。');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['绩效指标明确性']);
    expect(applyFixes(text, finding.fixes[0].edits)).toContain('#### （2）绩效指标明确性');
  });

  it('accepts the table name and its usual variants', () => {
    expect(findingsOf(doc('绩效指标明确性'), 'indicator-name')).toEqual([]);
    expect(findingsOf(doc('绩效指标明确性情况'), 'indicator-name')).toEqual([]);
  });
});
