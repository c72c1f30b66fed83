import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

function doc(reference: string): string {
  return [
    '# 报告',
    '',
    `我们设计了调查问卷，共收回有效调查问卷 22份，其分析情况详见报告${reference}。`,
    '',
    '## 附件 1：项目评分情况表',
    '',
    '## 附件 2：问卷调查表及分析报告',
    '',
    '## 附件 3：访谈提纲（记录）及访谈分析报告',
    '',
  ].join('\n');
}

describe('annex-reference', () => {
  it('points a survey reference at the annex holding the survey', () => {
    const text = doc('附件 3');
    const findings = findingsOf(text, 'annex-reference');
    expect(findings.map((f) => textOf(text, f))).toEqual(['附件 3']);
    const [finding] = findings;
    expect(finding.message.zh).toBe('所述问卷调查内容应见附件 2（问卷调查表及分析报告），而引用的附件 3 是“访谈提纲（记录）及访谈分析报告”。');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['问卷调查表及分析报告', '访谈提纲（记录）及访谈分析报告']);
    expect(applyFixes(text, finding.fixes[0].edits)).toContain('详见报告附件 2。');
  });

  it('flags a reference to an annex that does not exist', () => {
    const text = doc('附件 5');
    const [finding] = findingsOf(text, 'annex-reference');
    expect(textOf(text, finding)).toBe('附件 5');
    expect(finding.message.zh).toBe('引用的附件 5 不存在（报告附件为 1、2、3）。');
    expect(applyFixes(text, finding.fixes[0].edits)).toContain('详见报告附件 2。');
  });

  it('accepts the right annex', () => {
    expect(findingsOf(doc('附件 2'), 'annex-reference')).toEqual([]);
  });
});

describe('annex-reference: annex lines as Word conversions write them', () => {
  const report = (annexLines: string[]) => ['# 报告', '', '问卷调查结果详见附件2。评分情况详见附件1。', '', ...annexLines].join('\n');

  it('reads "**附件1**" on its own line (with the caption below it) and "# 附件2　标题" with a full-width space', () => {
    const bold = report(['**附件1**', '', '表3　项目绩效评价指标评分表', '', '**附件2**', '', '表4　居民满意度调查结果', '']);
    expect(findingsOf(bold, 'annex-reference')).toEqual([]);
    const headed = report(['# 附件1　绩效评价指标体系及得分表', '', '# 附件2　服务对象满意度调查统计表', '']);
    expect(findingsOf(headed, 'annex-reference')).toEqual([]);
    // the caption below a title-less annex line tells what it holds
    const swapped = report(['**附件1**', '', '表4　居民满意度调查结果', '', '**附件2**', '', '表3　项目绩效评价指标评分表', '']);
    const findings = findingsOf(swapped, 'annex-reference');
    expect(findings.map((f) => textOf(swapped, f))).toEqual(['附件2', '附件1']);
    expect(findings[0].message.zh).toBe('所述问卷调查内容应见附件 1（表4　居民满意度调查结果），而引用的附件 2 是“表3　项目绩效评价指标评分表”。');
  });
});
