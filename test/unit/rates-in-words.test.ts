import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { checkReport } from '../../server/src/core/engine/check';
import { hoverAt } from '../../server/src/core/services/hover';
import { findingsOf, textOf } from './rules-table-helpers';

const doc = (...sentences: string[]) => ['# 报告', '', ...sentences.flatMap((s) => [s, ''])].join('\n');
const related = (text: string, finding: { related: { range: { start: number; end: number } }[] }) =>
  finding.related.map((r) => text.slice(r.range.start, r.range.end));

describe('rates stated in words (formula rule)', () => {
  it('flags a rate that is not 实际 ÷ 计划 of its sentence, and fixes it', () => {
    const text = doc('计划清运14.60万吨，实际清运14.82万吨，清运量完成率101.15%，得5.00分。');
    const findings = findingsOf(text, 'formula');
    expect(findings.map((f) => textOf(text, f))).toEqual(['101.15']);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(finding.message.zh).toBe('清运量完成率 101.15% 与同句的数字不符：实际 14.82 ÷ 计划 14.60 × 100% = 101.506849%，四舍五入应为 101.51%。');
    expect(related(text, finding)).toEqual(['14.82', '14.60']);
    expect(applyFixes(text, finding.fixes.find((f) => f.preferred)!.edits)).toContain('清运量完成率101.51%，');
  });

  it('accepts rates that are the quotient, cut off, or capped at 100%', () => {
    const text = doc(
      '计划创建40个，实际通过验收32个，完成率80.00%。',
      '项目预算1860.00万元，实际到位1860.00万元，资金到位率100%。',
      '计划培训12期，实际培训13期，培训完成率100%。',
    );
    expect(findingsOf(text, 'formula')).toEqual([]);
    // 2/7 = 28.571…% cut off to 28.5: a rounding difference, as for a written formula
    const cut = doc('计划采购7台，实际采购2台，完成率28.5%。');
    const [finding] = findingsOf(cut, 'formula');
    expect(finding.rounding).toBe(true);
    expect(finding.severity).toBe('info');
  });

  it('reads each rate against the figures written since the previous one', () => {
    const text = doc('计划新建10个，实际新建8个，完成率80%；计划改建20个，实际改建20个，完成率90%。');
    expect(findingsOf(text, 'formula').map((f) => textOf(text, f))).toEqual(['90']);
  });

  it.each([
    ['the 年度指标值 of a 自评 paragraph is what was planned', '（2）防火通道维修长度。年度指标值为6公里，实际维修5.2公里，完成率88.67%。', '88.67', '实际 5.2 ÷ 指标值 6 × 100% = 86.666667%，四舍五入应为 86.67%'],
    ['a 执行率 divides what was spent, not what arrived', '项目预算500.00万元，实际到位500.00万元，实际支出450.00万元，预算执行率95.00%。', '95.00', '实际 450.00 ÷ 预算 500.00 × 100% = 90%'],
    ['a 执行率 with no budget in its sentence divides what was spent by what arrived', '项目实际到位资金3,512.00万元，全年实际支出3,109.74万元，预算执行率88.45%。', '88.45', '实际 3,109.74 ÷ 到位 3,512.00 × 100% = 88.546'],
  ])('%s', (_name, sentence, rate, derivation) => {
    const text = doc(sentence);
    const [finding, ...rest] = findingsOf(text, 'formula');
    expect(rest).toEqual([]);
    expect(textOf(text, finding)).toBe(rate);
    expect(finding.message.zh).toContain(derivation);
  });

  it('reads nothing when the figures are not labelled, differ in unit, or leave the pair open', () => {
    const text = doc(
      '抽查投放点120个，其中111个设置规范，达标率90.00%。',
      '计划清运14.60万吨，实际清运1482车，完成率50%。',
      '计划新建10个、改建20个，实际新建8个、改建20个，完成率50%。',
      '计划投资100万元，实际完成投资80万元，投资偏差率15%。',
    );
    expect(findingsOf(text, 'formula')).toEqual([]);
  });
});

describe('rates stated in words (rule-deduction)', () => {
  const BANDS = '90%（含）以上得满分，80%（含）-90%得80%分值，70%（含）-80%得60%分值，70%以下不得分。';
  const report = (score: string) => [
    '# 报告',
    '',
    '##### （1）示范小区建设完成率',
    '',
    `计划创建40个，实际通过验收32个，完成率80.00%，得${score}分。`,
    '',
    '| 一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 得分 |',
    '| --- | --- | --- | --- | --- | --- |',
    `| 产出 | 产出数量 | 示范小区建设完成率 | ${BANDS} | 5 | ${score} |`,
    '',
  ].join('\n');

  it('applies a banded rule to the rate the sentence states', () => {
    expect(findingsOf(report('4'), 'rule-deduction')).toEqual([]);
    const text = report('5');
    const findings = findingsOf(text, 'rule-deduction');
    expect(findings).toHaveLength(1);
    expect(text.slice(findings[0].range.start, findings[0].range.end)).toBe('5');
    expect(findings[0].range.start).toBeGreaterThan(text.indexOf('| 5 |'));
    expect(findings[0].message.zh).toContain('80.00% 落在 80%(含)–90% 档');
  });

  it('a row that writes 扣分 and 得分 gets both rewritten by one fix', () => {
    const text = report('5').replace('| 分值 | 得分 |', '| 分值 | 扣分 | 得分 |').replace('| --- | --- |\n|', '| --- | --- | --- |\n|').replace('| 5 | 5 |', '| 5.00 | 0.00 | 5.00 |');
    const [finding] = findingsOf(text, 'rule-deduction');
    expect(textOf(text, finding)).toBe('0.00');
    const fixed = applyFixes(text, finding.fixes.find((f) => f.preferred)!.edits);
    expect(fixed).toContain('| 5.00 | 1.00 | 4.00 |');
  });
});

describe('rates stated in words (hover)', () => {
  it('explains the rate with the two figures of its sentence', () => {
    const text = doc('计划清运14.60万吨，实际清运14.82万吨，清运量完成率101.15%，得5.00分。');
    const result = checkReport(text);
    const hover = hoverAt(result, text.indexOf('101.15') + 1, 'zh')!;
    expect(text.slice(hover.range.start, hover.range.end)).toBe('101.15');
    expect(hover.markdown).toContain('清运量完成率 = 实际 14.82 ÷ 计划 14.60 × 100% = 101.5068%（句中未写算式，按同句的实际数与计划数计算）');
    expect(hover.markdown).toContain('101.51');
    expect(hoverAt(result, text.indexOf('101.15') + 1, 'en')!.markdown).toContain('= actual 14.82 ÷ planned 14.60 × 100% = 101.5068% (no formula is written');
  });
});

