import { describe, expect, it } from 'vitest';
import { findingsOf, textOf } from './rules-table-helpers';

const report = (total: string, grades: string[], bands = ['| 90分～100 分 | 优 |', '| 80 分～89 分 | 良 |', '| 60 分～79 分 | 中 |', '| 60分以下 | 差 |']) =>
  [
    '# 报告',
    '',
    '等级标准如下：',
    '',
    '| 评价计分结果 | 评价结果级别 |',
    '| --- | --- |',
    ...bands,
    '',
    ...grades.map((grade) => `最终评分结果为：总分 ${total} 分，绩效评级为“${grade}”。\n`),
  ].join('\n');

describe('grade-band', () => {
  it('half-open bands: 89.5 is 良, so 优 is flagged with a fix in the same scheme', () => {
    const text = report('89.5', ['优']);
    const [finding] = findingsOf(text, 'grade-band');
    expect(textOf(text, finding)).toBe('优');
    expect(finding.fixes[0].edits[0].newText).toBe('良');
    expect(findingsOf(report('89.5', ['良']), 'grade-band')).toEqual([]);
    expect(findingsOf(report('90.00', ['优']), 'grade-band')).toEqual([]);
  });

  it('flags a gap in the band table as a warning on the lower band', () => {
    const text = report('85', ['良'], ['| 90-100 | 优 |', '| 80-89 | 良 |', '| 60-78 | 中 |', '| 0-59 | 差 |']);
    const findings = findingsOf(text, 'grade-band');
    expect(findings.map((f) => [f.severity, textOf(text, f)])).toEqual([['warning', '78']]);
  });
});

describe('grade-label', () => {
  it('flags 优秀 when the band table says 优, fixing to the report’s own label', () => {
    const text = report('95.18', ['优', '优秀']);
    const findings = findingsOf(text, 'grade-label');
    expect(findings.map((f) => textOf(text, f))).toEqual(['优秀']);
    expect(findings[0].fixes[0].edits[0].newText).toBe('优');
  });
});

describe('grade-band: rounding before banding', () => {
  const scored = (a: string, b: string, total: string, grade: string) =>
    [
      report(total, [grade]),
      '表 1 评分表',
      '',
      '| 一级指标 | 分值 | 二级指标 | 分值 | 得分 |',
      '| --- | --- | --- | --- | --- |',
      `| 决策 | 50 | 项目立项 | 50 | ${a} |`,
      `| 产出 | 50 | 产出数量 | 50 | ${b} |`,
      '',
    ].join('\n');

  it('warns when the stated total and Σ row scores lie on either side of a boundary', () => {
    const text = scored('44.75', '45.24', '90.00', '优');
    const findings = findingsOf(text, 'grade-band');
    expect(findings.map((f) => [textOf(text, f), f.severity])).toEqual([['90.00', 'warning']]);
    expect(findings[0].range.start).toBe(text.indexOf('90.00'));
    expect(findings[0].message.zh).toBe('总分 90.00 属“优”，而各项得分之和 89.99 属“良”：两者位于等级界限两侧，请核对舍入。');
    expect(findings[0].fixes).toEqual([]);
  });

  it('reads a gap beyond the rounding of the scores as a calculation error, not a banding question', () => {
    // 44.75 + 45.45 = 90.20 against 89.80: score-sum's error; grade-band only notes the near boundary
    const text = scored('44.75', '45.45', '89.80', '良');
    const findings = findingsOf(text, 'grade-band');
    expect(findings.map((f) => f.message.zh)).toEqual(['总分 89.80 距等级界限 90 不足 0.5 分，且各项得分含舍入值，评级可能取决于舍入方式，请复核。']);
  });

  it('warns when a total built from rounded scores is within 0.5 of a boundary, not otherwise', () => {
    const text = scored('44.75', '44.83', '89.58', '良');
    const findings = findingsOf(text, 'grade-band');
    expect(findings.map((f) => [textOf(text, f), f.severity])).toEqual([['89.58', 'warning']]);
    expect(findings[0].message.zh).toBe('总分 89.58 距等级界限 90 不足 0.5 分，且各项得分含舍入值，评级可能取决于舍入方式，请复核。');
    expect(findingsOf(scored('44.75', '40.83', '85.58', '良'), 'grade-band')).toEqual([]);
    expect(findingsOf(scored('45', '44', '89', '良'), 'grade-band')).toEqual([]); // whole scores: nothing was rounded
  });
});
