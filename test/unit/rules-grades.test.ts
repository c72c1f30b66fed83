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
