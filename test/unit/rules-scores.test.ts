import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { checkReport } from '../../server/src/core/engine/check';
import { fixAll } from '../../server/src/core/engine/fixAll';
import { findingsOf, sectionReport, textOf } from './rules-table-helpers';

describe('score-sum', () => {
  it('flags a total that is not the sum of its rows, with a cascade into the prose', () => {
    const text = sectionReport('18.73', { claim: '18.73' });
    const [finding, ...rest] = findingsOf(text, 'score-sum');
    expect(rest).toEqual([]);
    expect(textOf(text, finding)).toBe('18.73');
    expect(finding.range.start).toBe(text.lastIndexOf('18.73'));
    expect(finding.message.zh).toBe('表3-4 合计得分 18.73 与各行之和 18.72 不一致（计算错误）');
    expect(finding.message.en).toContain('(calculation error)');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['6', '6', '3.27', '3.45', '18.72']);
    expect(finding.related[4].label.zh).toBe('得分表 18.72');
    // the prose copy already disagrees with the rows (claim-vs-table reports it), so the total alone may be fixed too
    expect(finding.fixes.map((fix) => [fix.kind, fix.preferred])).toEqual([['direct', false], ['cascade', true]]);
    const [direct, cascade] = finding.fixes;
    expect(applyFixes(text, direct.edits)).toContain('实际得分 18.73 分');
    expect(cascade.title).toEqual({ zh: '级联修正：18.73 → 18.72，并同步更新 1 处相关数字', en: 'Cascade: 18.73 → 18.72, and update 1 dependent number' });
    const fixed = applyFixes(text, cascade.edits);
    expect(fixed).toContain('实际得分 18.72 分');
    expect(fixed).toContain('| 合计 | 20 | | 20 | | 20 | 18.72 |');
  });


  it('accepts consistent sums, including per-row parent weights', () => {
    expect(findingsOf(sectionReport('18.72'), 'score-sum')).toEqual([]);
  });

  it('compares a sum at the finest precision written (20 vs 19.6 is an error)', () => {
    const text = sectionReport('18.72').replace('| 合计 | 20 | | 20 | | 20 |', '| 合计 | 20 | | 20 | | 19 |');
    const findings = findingsOf(text, 'score-sum');
    expect(findings.map((f) => textOf(text, f))).toEqual(['19']);
    expect(findings[0].message.zh).toContain('与各行之和 20');
  });
});

describe('score-rate', () => {
  it('flags a wrong rate and fixes it at the written precision', () => {
    const text = sectionReport('18.72', { summaryRate: '93.7%' });
    const findings = findingsOf(text, 'score-rate');
    expect(findings.map((f) => textOf(text, f))).toEqual(['93.7', '93.7']);
    expect(findings[0].message.zh).toContain('18.72 / 分值 20 = 93.6%');
    expect(applyFixes(text, findings[0].fixes[0].edits)).toContain('| 得分率 | 93.6% | 93.7% |');
  });
});

describe('summary-vs-detail', () => {
  it('flags the summary entry that disagrees with the recomputed section total, once', () => {
    const text = sectionReport('18.72', { summaryScore: '18.73', summaryRate: '93.65%' });
    const findings = findingsOf(text, 'summary-vs-detail');
    expect(findings.map((f) => textOf(text, f))).toEqual(['18.73']);
    expect(findings[0].message.zh).toContain('与表3-4的 18.72 不一致');
    // score-sum reports the summary total only through its own entries (which agree here)
    expect(findingsOf(text, 'score-sum')).toEqual([]);
  });
});

describe('score-arithmetic', () => {
  const annex = (deduction: string, score: string) =>
    [
      '## 附件 1：项目评分情况表',
      '',
      '财政支出项目绩效指标体系设置及评分情况表',
      '',
      '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评分标准 | 扣分 | 得分 | 评分说明 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| 项目过程 | 5 | 组织实施 | 5 | 制度执行有效性 | 2.5 | 每条要素占25% | ${deduction} | ${score} | 扣除 25% |`,
      '| | | | | 管理制度健全性 | 2.5 | 全部符合得满分 | 0 | 2.5 | 符合 |',
      '',
    ].join('\n');

  it('0.63 + 1.88 vs 2.5 is a rounding difference with two alternatives, keeping the score by default', () => {
    const text = annex('0.63', '1.88');
    const [finding] = findingsOf(text, 'score-arithmetic');
    expect(finding.severity).toBe('info');
    expect(finding.rounding).toBe(true);
    expect(textOf(text, finding)).toBe('0.63');
    expect(finding.message.zh).toContain('（舍入差异）');
    expect(finding.fixes.map((fix) => [fix.kind, fix.preferred, fix.title.zh])).toEqual([
      ['alternative', true, '改扣分：扣分 0.62 / 得分 1.88'],
      ['alternative', false, '改得分：扣分 0.63 / 得分 1.87'],
    ]);
  });

  it('a real mismatch is an error; a score above the weight is an error', () => {
    expect(findingsOf(annex('0.5', '1.88'), 'score-arithmetic').map((f) => [f.severity, f.message.zh.endsWith('（计算错误）')])).toEqual([['error', true]]);
    const over = annex('0', '3');
    const [finding] = findingsOf(over, 'score-arithmetic');
    expect(textOf(over, finding)).toBe('3');
    expect(finding.message.zh).toContain('超过分值 2.5');
  });
});

describe('the seed report', () => {
  const seed = readFileSync(new URL('../../samples/seed-report.md', import.meta.url), 'utf8');
  const { findings } = checkReport(seed);

  it('reports 18.73 (error), 优秀 (warning) and 0.63 (rounding, info) and nothing else of these rules', () => {
    const mine = new Set(['score-sum', 'score-arithmetic', 'score-rate', 'summary-vs-detail', 'weights', 'grade-band', 'grade-label', 'indicator-count']);
    expect(findings.filter((f) => mine.has(f.ruleId)).map((f) => [f.ruleId, f.severity, textOf(seed, f)])).toEqual([
      ['score-sum', 'error', '18.73'],
      ['grade-label', 'warning', '优秀'],
      ['score-arithmetic', 'info', '0.63'],
    ]);
  });

  it('fix-all corrects the total, the prose copy, the grade word and the annex deduction', () => {
    const fixed = fixAll(seed).text;
    expect(fixed).toContain('实际得分 18.72 分');
    expect(fixed).toContain('| 合计 | | | 20 | | 20 | | 20 | 18.72 |');
    expect(fixed).toContain('总分 95.18 分，绩效评级为“优”。各部分');
    expect(fixed).not.toContain('| 0.63 | 1.88 |');
    expect(fixAll(fixed).text).toBe(fixed);
  });
});
