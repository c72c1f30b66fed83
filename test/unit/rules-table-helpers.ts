/** Small inline reports for the table rules' tests. */
import { checkReport } from '../../server/src/core/engine/check';
import type { Finding } from '../../server/src/core/engine/types';
import { rules } from '../../server/src/core/rules';

export function findingsOf(text: string, ruleId: string): Finding[] {
  const rule = rules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return checkReport(text, { rules: [rule] }).findings;
}

export function textOf(text: string, finding: Finding): string {
  return text.slice(finding.range.start, finding.range.end);
}

/** A 效益-style section: 20 分 with a four-row table and a stated total. */
export function sectionReport(total: string, opts: { claim?: string; summaryScore?: string; summaryRate?: string } = {}): string {
  return [
    '# 报告',
    '',
    '## 三、绩效评价分析',
    '',
    `项目效益类指标由 1 个二级指标、3 个三级指标构成，分值为 20 分，实际得分 ${opts.claim ?? total} 分。`,
    '',
    '表 3-4 项目效益类指标及分值',
    '',
    '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    '| 效益 | 20 | 项目效益 | 20 | 社会效益指标 | 6 | 6 |',
    '| | | | | 可持续影响指标 | 6 | 6 |',
    '| | | | | 满意度 | 4 | 3.27 |',
    '| | | | | 工作满意度 | 4 | 3.45 |',
    `| 合计 | 20 | | 20 | | 20 | ${total} |`,
    '',
    '## 四、综合评价情况及评价结论',
    '',
    '项目得分表',
    '',
    '| 指标 | 项目效益 | 合计分值 |',
    '| --- | --- | --- |',
    '| 权重 | 20 | 20 |',
    `| 分值 | ${opts.summaryScore ?? '18.72'} | ${opts.summaryScore ?? '18.72'} |`,
    `| 得分率 | ${opts.summaryRate ?? '93.6%'} | ${opts.summaryRate ?? '93.6%'} |`,
    '',
  ].join('\n');
}

const SECTION_HEADER = ['| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |', '| --- | --- | --- | --- | --- | --- | --- |'];
const ANNEX_HEADER = ['| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 扣分 | 得分 |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];

/**
 * A section table and the annex's 评分情况表 scoring the same indicators (rows as written, without
 * the header); the section table has a 扣分 column like the annex's when `sectionDeduction`.
 */
export function sectionAndAnnex(sectionRows: readonly string[], annexRows: readonly string[], sectionDeduction = false): string {
  return [...(sectionDeduction ? ANNEX_HEADER : SECTION_HEADER), ...sectionRows, '', '财政支出项目绩效指标体系设置及评分情况表', ...ANNEX_HEADER, ...annexRows].join('\n');
}
