import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

function question(title: string, rows: [string, string, string][], n: string): string[] {
  return [title, '', '| 选项 | 小计 | 比例 |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`), `| 本题有效填写人次 | ${n} | |`, ''];
}

function doc(opts: { formula?: string; q10?: [string, string, string][]; n10?: string } = {}): string {
  return [
    '# 报告',
    '',
    `根据计算公式：满意度（%）=${opts.formula ?? '［（12*100%+5*80%+5*60%）/22*1］*100%=86.36%'}，故扣 0.73 分。`,
    '',
    '## 附件 2：问卷调查表及分析报告',
    '',
    ...question(
      '10.您对平台的使用效果是否满意？ [单选题]',
      opts.q10 ?? [['非常满意', '12', '54.55%'], ['满意', '5', '22.73%'], ['一般', '5', '22.73%'], ['不太满意', '0', '0%']],
      opts.n10 ?? '22',
    ),
    ...question('11.您对运维人员的工作是否满意？ [单选题]', [['非常满意', '12', '54.55%'], ['满意', '6', '27.27%'], ['一般', '4', '18.18%'], ['不满意', '0', '0%']], '22'),
    ...question('12.您使用过哪些功能？ [多选题]', [['预警', '20', '90.91%'], ['上报', '15', '68.18%']], '22'),
  ].join('\n');
}

describe('survey', () => {
  it('accepts consistent tables, multiple choice over 100% and a formula matching its question', () => {
    expect(findingsOf(doc(), 'survey')).toEqual([]);
    expect(findingsOf(doc({ formula: '［（12*100%+6*80%+4*60%）/22*1］*100%=87.27%' }), 'survey')).toEqual([]);
  });

  it('flags a ratio that is not 小计 / 人次', () => {
    const text = doc({ q10: [['非常满意', '12', '54.55%'], ['满意', '5', '22.37%'], ['一般', '5', '22.73%'], ['不太满意', '0', '0%']] });
    const findings = findingsOf(text, 'survey');
    expect(findings.map((f) => textOf(text, f))).toEqual(['22.37']);
    expect(findings[0].message.zh).toBe('问卷第10题“满意”的比例应为 5/22 = 22.73%，表中写作 22.37%。');
    expect(findings[0].fixes[0].edits[0].newText).toBe('22.73');
  });

  it('finds the mistyped 小计 when Σ小计 ≠ 人次 and the ratios tell which', () => {
    const text = doc({ q10: [['非常满意', '12', '54.55%'], ['满意', '6', '22.73%'], ['一般', '5', '22.73%'], ['不太满意', '0', '0%']] });
    const findings = findingsOf(text, 'survey');
    const tableFinding = findings.find((f) => f.message.zh.includes('小计之和'))!;
    expect(textOf(text, tableFinding)).toBe('6');
    expect(tableFinding.message.zh).toContain('12 + 6 + 5 + 0 = 23，与本题有效填写人次 22 不符');
    expect(tableFinding.fixes[0].edits[0].newText).toBe('5');
  });

  it('flags 人次 when the counts do not add up and the ratios cannot tell', () => {
    const text = doc({ n10: '23', q10: [['非常满意', '12', '52.17%'], ['满意', '5', '21.74%'], ['一般', '5', '21.74%'], ['不太满意', '0', '0%']] });
    const findings = findingsOf(text, 'survey').filter((f) => f.message.zh.includes('小计之和'));
    expect(findings.map((f) => textOf(text, f))).toEqual(['23']);
    // the 比例 were computed with 23: the fix carries them to 22
    const [fix] = findings[0].fixes;
    expect(fix.kind).toBe('cascade');
    const fixed = applyFixes(text, fix.edits);
    expect(fixed).toContain('| 本题有效填写人次 | 22 |');
    expect(fixed).toContain('| 非常满意 | 12 | 54.55% |');
    expect(fixed).toContain('| 不太满意 | 0 | 0% |');
  });

  it('flags a count in the satisfaction formula that differs from its question', () => {
    const text = doc({ formula: '［（13*100%+5*80%+5*60%）/22*1］*100%=90.91%' });
    const findings = findingsOf(text, 'survey');
    expect(findings.map((f) => textOf(text, f))).toEqual(['13']);
    const [finding] = findings;
    expect(finding.range.start).toBe(text.indexOf('13*100%'));
    expect(finding.message.zh).toBe('满意度算式中“非常满意”的人数为 13，但问卷第10题中“非常满意”的小计为 12。');
    expect(finding.related[0].label.zh).toBe('问卷第10题 非常满意 12 人');
    expect(applyFixes(text, finding.fixes[0].edits)).toContain('（12*100%+5*80%+5*60%）');
  });
});

describe('survey: tables typed by hand, closed by a 合计 row', () => {
  const table = (ratio: string, total = '400') => [
    '# 报告',
    '',
    '表4　居民满意度调查结果',
    '',
    '| 选项 | 人数（人） | 比例 |',
    '| --- | --- | --- |',
    `| 非常满意 | 211 | ${ratio} |`,
    '| 满意 | 139 | 34.75% |',
    '| 一般 | 38 | 9.50% |',
    '| 不满意 | 12 | 3.00% |',
    `| 合计 | ${total} | 100.00% |`,
    '',
  ].join('\n');

  it('reads the 合计 as the number of respondents, not as an option', () => {
    expect(findingsOf(table('52.75%'), 'survey')).toEqual([]);
    const text = table('25.75%');
    expect(findingsOf(text, 'survey').map((f) => [textOf(text, f), f.message.zh])).toEqual([
      ['25.75', '问卷“表4　居民满意度调查结果”“非常满意”的比例应为 211/400 = 52.75%，表中写作 25.75%。'],
    ]);
  });
});
