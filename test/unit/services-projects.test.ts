/**
 * services/projects.ts finds the project sections of a report that scores several projects, and
 * engine/parts.ts checks such a report project by project: figures are compared with their own
 * project's tables, total and amounts only.
 */
import { describe, expect, it } from 'vitest';
import { buildModelIndex } from '../../server/src/core/engine/modelIndex';
import { buildModel } from '../../server/src/core/model/build';
import { projectSections } from '../../server/src/core/services/projects';
import { findingsOf, textOf } from './rules-table-helpers';

const BANDS = ['| 评价得分 | 评价等级 |', '| --- | --- |', '| 90分～100 分 | 优 |', '| 80 分～89 分 | 良 |', '| 60 分～79 分 | 中 |', '| 60分以下 | 差 |'];

/** One project: its amount, payment date, a two-level score table, its total and grade. */
function project(heading: string, opts: { amount: string; paid: string; scores: [string, string]; grade: string; tableHeading?: string }): string[] {
  const total = String(Number(opts.scores[0]) + Number(opts.scores[1]));
  return [
    heading,
    '',
    `本项目资金共计 ${opts.amount} 万元，项目资金于 ${opts.paid}支付完毕。`,
    '',
    ...(opts.tableHeading ? [opts.tableHeading, ''] : []),
    '| 一级指标 | 分值 | 二级指标 | 分值 | 得分 |',
    '| --- | --- | --- | --- | --- |',
    `| 决策 | 50 | 项目立项 | 50 | ${opts.scores[0]} |`,
    `| 产出 | 50 | 产出数量 | 50 | ${opts.scores[1]} |`,
    `| 合计 | 100 | | 100 | ${total} |`,
    '',
    `最终评分结果为：总分 ${total} 分，绩效评级为“${opts.grade}”。`,
    '',
  ];
}

const twoProjects = (secondGrade: string, secondPaid = '2023 年 8 月 30 日') =>
  [
    '# 专项资金绩效评价报告',
    '',
    '## 一、评价标准',
    '',
    ...BANDS,
    '',
    ...project('## 二、子项目一', { amount: '120', paid: '2023 年 6 月 12 日', scores: ['48', '44.5'], grade: '优' }),
    ...project('## 三、子项目二', { amount: '100', paid: secondPaid, scores: ['40', '44.25'], grade: secondGrade }),
  ].join('\n');

function sectionsOf(text: string) {
  const model = buildModel(text);
  return projectSections(model, buildModelIndex(model));
}

describe('project sections', () => {
  it('are the sections at the shallowest heading level that keeps apart the tables scoring the same indicators', () => {
    const text = twoProjects('良');
    const sections = sectionsOf(text)!;
    const first = text.indexOf('## 二、');
    const second = text.indexOf('## 三、');
    expect(sections.sectionOf(text.indexOf('120 万元'))).toBe(first);
    expect(sections.sectionOf(text.indexOf('100 万元'))).toBe(second);
    // the band table's section holds no scored table: no project
    expect(sections.sectionOf(text.indexOf('| 90分'))).toBeUndefined();
  });

  it('are found at a deeper level when the projects are sub-sections', () => {
    const text = ['# 报告', '', '## 二、各子项目评价情况', '', ...project('### （一）子项目一', { amount: '120', paid: '2023 年 6 月 12 日', scores: ['48', '44.5'], grade: '优' }), ...project('### （二）子项目二', { amount: '100', paid: '2023 年 8 月 30 日', scores: ['40', '44.25'], grade: '良' })].join('\n');
    const sections = sectionsOf(text)!;
    expect(sections.sectionOf(text.indexOf('100 万元'))).toBe(text.indexOf('### （二）'));
  });

  it('do not exist in a report of one project whose 产出 table is split in two under headings of their own', () => {
    const table = (rows: string[]) => ['| 一级指标 | 分值 | 二级指标 | 分值 | 得分 |', '| --- | --- | --- | --- | --- |', ...rows, ''];
    const text = [
      '# 报告', '', '## 三、绩效分析', '',
      '### （一）决策', '', ...table(['| 决策 | 20 | 项目立项 | 20 | 18 |']),
      '### （二）产出', '', '#### 1.产出数量', '', ...table(['| 产出 | 80 | 产出数量 | 40 | 38 |']),
      '#### 2.产出质量', '', ...table(['| 产出 | | 产出质量 | 40 | 36 |']),
    ].join('\n');
    expect(sectionsOf(text)).toBeUndefined();
  });

  it('do not exist in a report of one project, nor when no heading separates the projects', () => {
    expect(sectionsOf(['# 报告', '', ...project('## 一、项目', { amount: '120', paid: '2023 年 6 月 12 日', scores: ['48', '44.5'], grade: '优' })].join('\n'))).toBeUndefined();
    const unseparated = ['# 报告', '', ...project('## 一、项目', { amount: '120', paid: '2023 年 6 月 12 日', scores: ['48', '44.5'], grade: '优' }), ...project('另一子项目：', { amount: '100', paid: '2023 年 8 月 30 日', scores: ['40', '44.25'], grade: '优' })].join('\n');
    expect(sectionsOf(unseparated)).toBeUndefined();
    // then no grade can be paired with its project's total, and none is judged
    expect(findingsOf(unseparated, 'grade-band')).toEqual([]);
  });
});

describe('rules within project sections', () => {
  it('claim-vs-table checks a project’s prose against its own table', () => {
    const text = twoProjects('良').replace('最终评分结果为：总分 84.25 分', '决策类指标得分 40 分，产出类指标得分 44.5 分。最终评分结果为：总分 84.25 分');
    const findings = findingsOf(text, 'claim-vs-table');
    // 44.5 is 子项目一's 产出, not 子项目二's (44.25)
    expect(findings.map((finding) => [textOf(text, finding), finding.fixes[0].edits[0].newText])).toEqual([['44.5', '44.25']]);
  });

  it('grade-band judges each grade against the total of its own project', () => {
    expect(findingsOf(twoProjects('良'), 'grade-band')).toEqual([]);
    const text = twoProjects('优');
    const findings = findingsOf(text, 'grade-band');
    expect(findings.map((finding) => [finding.range.start, textOf(text, finding), finding.fixes[0].edits[0].newText])).toEqual([[text.lastIndexOf('“优”') + 1, '优', '良']]);
    expect(textOf(text, { ...findings[0], range: findings[0].related[0].range })).toBe('84.25');
  });

  it('repeated-fact compares amounts and dates within a project, not across projects', () => {
    expect(findingsOf(twoProjects('良'), 'repeated-fact')).toEqual([]);
    const text = twoProjects('良').replace('绩效评级为“良”。', '绩效评级为“良”。项目资金于 2023 年 8 月 31 日支付完毕。');
    const findings = findingsOf(text, 'repeated-fact');
    expect(findings.map((finding) => textOf(text, finding))).toEqual(['2023 年 8 月 31 日']);
    expect(findings[0].related.map((place) => text.slice(place.range.start, place.range.end))).toEqual(['2023 年 8 月 30 日']);
  });
});
