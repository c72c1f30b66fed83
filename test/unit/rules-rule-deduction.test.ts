import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

const SATISFACTION = '满意度达到标杆值，得权重分的 100%，业绩值每降低 1%，扣除权重分的 5%，扣完为止。';
const ELEMENTS = '①项目是否有绩效目标；②绩效目标与实际工作内容是否相关；③产出效益是否符合正常业绩水平；④是否与预算投资额相匹配。以上每条要素各占权重的 25%，每有一条不符合，扣除对应的权重分，扣完为止。';
const BANDS = '重点支出安排率≥90%,计5分;80%(含)-90%,计4分;70%(含)-80%,计3分;60%(含)-70%,计2分;低于60%不得分。';

interface Opts {
  satisfaction?: [string, string];
  elements?: [string, string];
  remark?: string;
  band?: string;
  result?: string;
}

function doc(o: Opts = {}): string {
  const [sd, ss] = o.satisfaction ?? ['0.73', '3.27'];
  const [ed, es] = o.elements ?? ['1.25', '3.75'];
  return [
    '# 报告',
    '',
    '## 三、绩效评价分析',
    '',
    '##### （1）重点支出安排率',
    '',
    `重点支出安排率=（2856.40/3318.60）×100%=86.07%。该指标分值为 5 分，实际得分 ${o.band ?? '4'} 分。`,
    '',
    '##### （2）使用效果满意度',
    '',
    `满意度（%）=［（12*100%+5*80%+5*60%）/22*1］*100%=${o.result ?? '86.36%'}，故扣 ${sd} 分。`,
    '',
    '## 附件 1：项目评分情况表',
    '',
    '财政支出项目绩效指标体系设置及评分情况表',
    '',
    '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 标杆值 | 评分标准 | 扣分 | 得分 | 评分说明 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| 决策 | 10 | 绩效目标 | 5 | 绩效目标合理性 | 5 | 合理 | ${ELEMENTS} | ${ed} | ${es} | ${o.remark ?? '①未设立绩效目标表，故扣除权重分 25%。'} |`,
    `| | | 资金投入 | 5 | 重点支出安排率 | 5 | ≥90% | ${BANDS} | | ${o.band ?? '4'} | 见正文 |`,
    `| 效益 | 4 | 满意度 | 4 | 使用效果满意度 | 4 | ≥90% | ${SATISFACTION} | ${sd} | ${ss} | 见正文 |`,
    '',
  ].join('\n');
}

describe('rule-deduction', () => {
  it('accepts scores that follow their rules (per-point pro rata 0.728 → 0.73, 25% of 5, the 80–90 band)', () => {
    expect(findingsOf(doc(), 'rule-deduction')).toEqual([]);
  });

  it('accepts the other readings of a fractional shortfall (rounded up, truncated)', () => {
    expect(findingsOf(doc({ satisfaction: ['0.80', '3.20'] }), 'rule-deduction')).toEqual([]);
    expect(findingsOf(doc({ satisfaction: ['0.60', '3.40'] }), 'rule-deduction')).toEqual([]);
  });

  it('flags a per-point deduction no reading gives, naming all readings', () => {
    const text = doc({ satisfaction: ['0.93', '3.07'] });
    const findings = findingsOf(text, 'rule-deduction');
    expect(findings.map((f) => textOf(text, f))).toEqual(['0.93']);
    const [finding] = findings;
    expect(finding.range.start).toBe(text.lastIndexOf('0.93'));
    expect(finding.severity).toBe('warning');
    expect(finding.message.zh).toContain('86.36% 低于标准 90% 3.64 个百分点，每 1 个百分点扣 4 × 5%：按比例 0.728、进一 0.8、去尾 0.6 分，扣分应为 0.73');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual([SATISFACTION, '86.36']);
    expect(finding.fixes[0].preferred).toBe(false);
    expect(finding.fixes[0].edits[0].newText).toBe('0.73');
  });

  it('flags an element deduction that is not the share the 评分说明 states', () => {
    const text = doc({ elements: ['1.5', '3.5'] });
    const findings = findingsOf(text, 'rule-deduction');
    expect(findings.map((f) => textOf(text, f))).toEqual(['1.5']);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].message.zh).toBe('“绩效目标合理性”扣分 1.5 与评分标准不符：评分说明扣除权重分的 25%，即 5 × 25% = 1.25 分，扣分应为 1.25。');
    expect(findings[0].fixes.find((f) => f.preferred)!.edits[0].newText).toBe('1.25');
  });

  it('flags an element deduction that no set of failed elements gives', () => {
    const text = doc({ elements: ['1.5', '3.5'], remark: '部分要素不符合。' });
    const [finding] = findingsOf(text, 'rule-deduction');
    expect(textOf(text, finding)).toBe('1.5');
    expect(finding.severity).toBe('warning');
    expect(finding.message.zh).toContain('4 条要素各占权重分 25%、25%、25%、25%（分值 5）');
  });

  it('flags a banded score outside its band and fixes it to the band’s points', () => {
    const text = doc({ band: '5' });
    const findings = findingsOf(text, 'rule-deduction');
    expect(findings.map((f) => textOf(text, f))).toEqual(['5']);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(finding.message.zh).toBe('“重点支出安排率”得分 5 与评分标准不符：86.07% 落在 80%(含)–90% 档，计 4 分，得分应为 4。');
    const fixed = applyFixes(text, finding.fixes.find((f) => f.preferred)!.edits);
    expect(fixed).toContain(`| ${BANDS} | | 4 | 见正文 |`);
  });
});

describe('rule-deduction: fixed points per element and per-occurrence lists', () => {
  const POINTS = '①已制定预算资金管理办法,1分;②相关管理制度合法、合规,1分;③制度得到有效执行,1分。';
  const OCCURRENCES = '①按规定内容公开预决算信息;②按规定时限公开预决算信息;③基础数据真实、完整、准确。以上情况每出现一例不符合要求的扣1分,扣完为止。';
  const table = (criterion: string, weight: string, score: string) =>
    [
      '# 报告',
      '',
      '## 附件 1：评分表',
      '',
      '| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 | 评分说明 |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      `| 过程 | 预算管理 | 管理制度健全性 | ${weight} | ${criterion} | ${score} | 见正文 |`,
      '',
    ].join('\n');

  it('accepts a score that is the points of the elements met', () => {
    expect(findingsOf(table(POINTS, '3', '2'), 'rule-deduction')).toEqual([]);
    expect(findingsOf(table(POINTS, '3', '3'), 'rule-deduction')).toEqual([]);
  });

  it('flags a score that no set of elements met gives', () => {
    const text = table(POINTS, '3', '2.5');
    const findings = findingsOf(text, 'rule-deduction');
    expect(findings.map((f) => [textOf(text, f), f.severity])).toEqual([['2.5', 'warning']]);
    expect(findings[0].range.start).toBe(text.lastIndexOf('2.5'));
    expect(findings[0].message.zh).toBe('“管理制度健全性”得分 2.5 与评分标准不符：3 条要素各计 1、1、1 分（得分为所符合要素的分值之和），得分应为 2.0。');
    expect(findings[0].fixes[0].preferred).toBe(false);
    expect(applyFixes(text, findings[0].fixes[0].edits)).toContain(`| 3 | ${POINTS} | 2.0 |`);
  });

  it('reports element points that do not add up to the 分值 as an inconsistent rule (info, on the rule)', () => {
    const text = table(POINTS, '4', '3');
    const findings = findingsOf(text, 'rule-deduction');
    expect(findings.map((f) => [textOf(text, f), f.severity])).toEqual([[POINTS, 'info']]);
    expect(findings[0].message.zh).toBe('“管理制度健全性”评分标准各要素分值 1 + 1 + 1 = 3，与该指标分值 4 不符，评分标准本身不一致。');
    expect(findings[0].fixes).toEqual([]);
  });

  it('reads "①②③…以上情况每出现一例…扣1分" per occurrence: a whole number of cases is fine, a fraction is not', () => {
    expect(findingsOf(table(OCCURRENCES, '3', '2'), 'rule-deduction')).toEqual([]);
    expect(findingsOf(table(OCCURRENCES, '3', '0'), 'rule-deduction')).toEqual([]); // 3 cases: 扣完为止
  });
});

describe('rule-deduction: a ratio scored against a target ("≥5%得满分，未达到的按比例计分")', () => {
  const report = (from: string, to: string, score: string) => [
    '# 报告',
    '',
    '##### （1）农村公路交通事故起数下降率',
    '',
    `下降率=（${from}-${to}）/${from}×100%=${((Number(from) - Number(to)) / Number(from) * 100).toFixed(2)}%。`,
    '',
    '表 2 评分表',
    '',
    '| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 |',
    '| --- | --- | --- | --- | --- | --- |',
    `| 效益 | 社会效益 | 农村公路交通事故起数下降率 | 5 | 下降率=（上年事故起数-本年事故起数）/上年事故起数×100%，≥5%得满分，未达到的按比例计分。 | ${score} |`,
    '| | | 沿线建制村通客车率 | 5 | 达到100%得满分 | 5.00 |',
    '',
  ].join('\n');

  it('gives the full 分值 at or above the target and 分值 × ratio / target below it', () => {
    expect(findingsOf(report('64', '57', '5.00'), 'rule-deduction')).toEqual([]); // 10.94% ≥ 5%
    expect(findingsOf(report('100', '97', '3.00'), 'rule-deduction')).toEqual([]); // 5 × 3% / 5% = 3
    const text = report('100', '97', '5.00');
    const [finding, ...rest] = findingsOf(text, 'rule-deduction');
    expect(rest).toEqual([]);
    expect(textOf(text, finding)).toBe('5.00');
    expect(finding.message.zh).toContain('得分 = 分值 5 × 3.00% / 5% = 3');
  });
});
