import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, sectionReport, textOf } from './rules-table-helpers';

/** A 过程 section whose table writes 扣分 and 得分, and the prose of one indicator. */
function processReport(claim: string): string {
  return [
    '# 报告',
    '',
    '## 三、绩效评价分析',
    '',
    '### （二）过程情况',
    '',
    '表 3-2 项目过程类指标及分值',
    '',
    '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 扣分 | 得分 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 过程 | 5 | 组织实施 | 5 | 管理制度健全性 | 2.5 | 0 | 2.5 |',
    '| | | | | 制度执行有效性 | 2.5 | 0.63 | 1.88 |',
    '| 合计 | 5 | | 5 | | 5 | 0.63 | 4.38 |',
    '',
    '#### 1.组织实施',
    '',
    '##### （2）制度执行有效性',
    '',
    '采购合同未写明签订时间，故扣除25%权重分。',
    '',
    claim,
    '',
  ].join('\n');
}

describe('claim-vs-table', () => {
  it('flags a 满分 that is really the deduction and fixes it to the 分值', () => {
    const text = processReport('综上所述，该指标满分 0.63 分，得分 1.88 分。');
    const findings = findingsOf(text, 'claim-vs-table');
    expect(findings.map((f) => textOf(text, f))).toEqual(['0.63']);
    const [finding] = findings;
    expect(finding.range.start).toBe(text.indexOf('满分 0.63') + 3);
    expect(finding.severity).toBe('error');
    expect(finding.message.zh).toContain('分值为 0.63分，但表中为 2.5分');
    expect(finding.message.zh).toContain('0.63 是该指标的扣分');
    expect(finding.message.en).toContain('0.63 is its deduction');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toContain('2.5');
    const fix = finding.fixes.find((f) => f.preferred)!;
    expect(fix.kind).toBe('direct');
    expect(applyFixes(text, fix.edits)).toContain('该指标满分 2.5 分，得分 1.88 分');
  });

  it('calls a 扣分 no table writes, derived as 分值 − 得分, a rounding difference when both are roundings', () => {
    const report = (deduction: string) => [
      '# 报告',
      '',
      '表 2 评分表',
      '',
      '| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 |',
      '| --- | --- | --- | --- | --- | --- |',
      '| 决策 | 绩效目标 | 目标与工作内容相关性 | 2.5 | 每条要素各占权重的25% | 1.88 |',
      '| | | 绩效指标明确性 | 2.5 | 明确得满分 | 2.50 |',
      '',
      '##### （1）目标与工作内容相关性',
      '',
      `要素③不符合，扣除权重的 25%。该指标满分 2.5 分，扣分 ${deduction} 分，得分 1.88 分。`,
      '',
    ].join('\n');
    const rounded = report('0.63');
    const [finding, ...rest] = findingsOf(rounded, 'claim-vs-table');
    expect(rest).toEqual([]);
    expect([textOf(rounded, finding), finding.severity, finding.message.zh]).toEqual(['0.63', 'info', '正文称“目标与工作内容相关性”扣分为 0.63分，但表中分值 2.5 − 得分 1.88 = 0.62分（舍入差异）。']);
    expect(finding.fixes).toEqual([]);
    const wrong = report('0.73');
    expect(findingsOf(wrong, 'claim-vs-table').map((f) => [textOf(wrong, f), f.severity])).toEqual([['0.73', 'error']]);
  });

  it('accepts the correct claim', () => {
    expect(findingsOf(processReport('综上所述，该指标满分 2.5 分，扣分 0.63 分，得分 1.88 分。'), 'claim-vs-table')).toEqual([]);
  });

  it('compares a level-1 score with the recomputed rows, not with a wrong 合计', () => {
    const text = sectionReport('18.73', { claim: '18.73' });
    const findings = findingsOf(text, 'claim-vs-table');
    expect(findings.map((f) => textOf(text, f))).toEqual(['18.73']);
    const [finding] = findings;
    expect(finding.range.start).toBe(text.indexOf('18.73'));
    expect(finding.message.zh).toContain('得分为 18.73分，但表中为 18.72分');
    // the 合计 row score-sum flags is cited, and so is the 得分表 that agrees
    const related = finding.related.map((r) => `${text.slice(r.range.start, r.range.end)} ${r.label.zh}`);
    expect(related).toContain('18.73 表3-4 合计 18.73（与各行之和 18.72 不符）');
    expect(related.some((r) => r.startsWith('18.72 得分表'))).toBe(true);
    const fix = finding.fixes.find((f) => f.preferred)!;
    expect(applyFixes(text, fix.edits)).toContain('实际得分 18.72 分');
  });

  it('accepts a level-1 claim equal to the sum of its rows', () => {
    expect(findingsOf(sectionReport('18.72'), 'claim-vs-table')).toEqual([]);
  });

  it('checks the report total against the sum of the level-1 scores', () => {
    const text = `${sectionReport('18.72')}\n最终评分结果为：总分 18.70 分。\n`;
    const findings = findingsOf(text, 'claim-vs-table');
    expect(findings.map((f) => textOf(text, f))).toEqual(['18.70']);
    expect(findings[0].message.zh).toContain('但表中为 18.72分');
    expect(applyFixes(text, findings[0].fixes.find((f) => f.preferred)!.edits)).toContain('总分 18.72 分');
    expect(findingsOf(`${sectionReport('18.72')}\n最终评分结果为：总分 18.72 分。\n`, 'claim-vs-table')).toEqual([]);
  });
});
