import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { checkReport } from '../../server/src/core/engine/check';
import { textOf } from './rules-table-helpers';

/**
 * A report whose annex score table mistypes one 得分 (7 − 1.75 = 5.25 written 5.52) while its 合计,
 * the 得分汇总表 and the prose carry the right figures.
 */
function report(score: string): string {
  return [
    '# 报告',
    '',
    '项目最终得分 17.25 分。',
    '',
    '表1　绩效评价得分汇总表',
    '',
    '| 一级指标 | 分值（分） | 扣分（分） | 得分（分） |',
    '| --- | --- | --- | --- |',
    '| 决策 | 10.00 | 0.00 | 10.00 |',
    '| 过程 | 10.00 | 2.75 | 7.25 |',
    '| 合计 | 20.00 | 2.75 | 17.25 |',
    '',
    '过程类指标分值10分，得分7.25分。',
    '',
    '（1）制度执行有效性',
    '',
    '该指标满分 7 分，扣分 1.75 分，得分 5.25 分。',
    '',
    '**附件1**',
    '',
    '表3　绩效评价指标评分表',
    '',
    '| 一级指标 | 二级指标 | 三级指标 | 分值（分） | 扣分（分） | 得分（分） |',
    '| --- | --- | --- | --- | --- | --- |',
    '| 决策 | 项目立项 | 立项依据充分性 | 10.00 | 0.00 | 10.00 |',
    '| 过程 | 组织实施 | 管理制度健全性 | 3.00 | 1.00 | 2.00 |',
    `| | | 制度执行有效性 | 7.00 | 1.75 | ${score} |`,
    '| 合计 | | | 20.00 | 2.75 | 17.25 |',
    '',
  ].join('\n');
}

describe('a score table row that contradicts itself', () => {
  it('is reported at the row; the total, the summary and the prose that carry the right figure are not', () => {
    expect(checkReport(report('5.25')).findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const text = report('5.52');
    const findings = checkReport(text).findings.filter((f) => f.severity !== 'info');
    expect(findings.map((f) => [f.ruleId, textOf(text, f)])).toEqual([['score-arithmetic', '5.52']]);
    expect(findings[0].message.zh).toBe('表3“制度执行有效性”扣分 1.75 + 得分 5.52 = 7.27，与分值 7.00 不一致（计算错误）');
    // the prose states 扣分 1.75 and 得分 5.25: the 得分 cell is the one to correct
    expect(applyFixes(text, findings[0].fixes.find((fix) => fix.preferred)!.edits)).toBe(report('5.25'));
    // keeping 5.52 (扣分 1.48) would contradict the prose: that alternative is not offered
    expect(findings[0].fixes.map((fix) => fix.title.zh)).toEqual(['改得分：扣分 1.75 / 得分 5.25']);
  });

  it('still lets a number that agrees with neither reading be reported', () => {
    const text = report('5.52').replace('过程类指标分值10分，得分7.25分。', '过程类指标分值10分，得分7.75分。');
    const findings = checkReport(text).findings.filter((f) => f.ruleId === 'claim-vs-table');
    expect(findings.map((f) => textOf(text, f))).toEqual(['7.75']);
  });
});
