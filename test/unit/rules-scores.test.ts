import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { checkReport } from '../../server/src/core/engine/check';
import { fixAll } from '../../server/src/core/engine/fixAll';
import { rangeOf } from './engine-helpers';
import { findingsOf, sectionAndAnnex, sectionReport, textOf } from './rules-table-helpers';

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


  it('offers no fix for a parent 分值 that the prose confirms through its 得分率 (a child row is the likelier error)', () => {
    const text = [
      '# 报告',
      '',
      '产出类指标分值35分，得分33.02分，得分率94.34%。',
      '',
      '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| 产出 | 35 | 产出数量 | 20 | 甲 | 20 | 18.52 |',
      '| | | 产出质量 | 20 | 乙 | 20 | 14.50 |',
      '',
    ].join('\n');
    const finding = findingsOf(text, 'score-sum').find((f) => f.message.zh.includes('分值'))!;
    expect(finding.message.zh).toContain('分值 35 与下级指标之和 40 不一致');
    expect(finding.fixes).toEqual([]);
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

  describe('小计 rows after each 一级 block of an HTML table', () => {
    const row = (cells: string[]) => `<tr>${cells.join('')}</tr>`;
    const td = (text: string, span = '') => `<td${span}>${text}</td>`;
    const table = (decisionSubtotal: string) => [
      '表2 绩效评价指标评分表',
      '',
      '<table>',
      '<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>分值</th><th>评分标准</th><th>得分</th></tr></thead>',
      '<tbody>',
      row([td('决策（5分）', ' rowspan="2"'), td('项目立项（5分）', ' rowspan="2"'), td('立项依据充分性'), td('2.5'), td('符合得满分'), td('2.50')]),
      row([td('立项程序规范性'), td('2.5'), td('符合得满分'), td('1.88')]),
      row([td('小计', ' colspan="3"'), td('5'), td(''), td(decisionSubtotal)]),
      row([td('过程（5分）', ' rowspan="2"'), td('资金管理（5分）', ' rowspan="2"'), td('资金到位率'), td('3'), td('到位得满分'), td('3.00')]),
      row([td('预算执行率'), td('2'), td('按比例计分'), td('1.90')]),
      row([td('小计', ' colspan="3"'), td('5'), td(''), td('4.90')]),
      row([td('合计', ' colspan="3"'), td('10'), td(''), td('9.28')]),
      '</tbody>',
      '</table>',
      '',
    ].join('\n');

    it('checks each 小计 against the rows of its own block, 分值 and 得分', () => {
      expect(findingsOf(table('4.38'), 'score-sum')).toEqual([]);
      const text = table('4.83');
      const findings = findingsOf(text, 'score-sum');
      // the 合计 adds up the rows (9.28), so only the transposed 小计 is wrong
      expect(findings.map((f) => [textOf(text, f), f.range.start, f.message.zh])).toEqual([
        ['4.83', text.indexOf('4.83'), '表2 小计得分 4.83 与各行之和 4.38 不一致（计算错误）'],
      ]);
      expect(applyFixes(text, findings[0].fixes.find((fix) => fix.preferred)!.edits)).toBe(table('4.38'));
    });
  });

  describe('two tables that list different children of one indicator', () => {
    const text = sectionAndAnnex(
      ['| 项目过程 | 10 | 资金管理 | 10 | 资金到位率 | 3 | 3 |'],
      [
        '| 项目过程 | 10 | 资金管理 | 10 | 资金到位率 | 3 | 0 | 3 |',
        '| | | | | 预算执行率 | 3 | 0 | 3 |',
      ],
    );

    it('report each table without a fix (no single 分值 fits both) and point at the other table', () => {
      const findings = findingsOf(text, 'score-sum');
      expect(findings.map((f) => f.range)).toEqual([rangeOf(text, '10', 1), rangeOf(text, '10', 3)]);
      expect(findings.map((f) => f.message.zh)).toEqual(['表格 #1“资金管理”分值 10 与下级指标之和 3 不一致（计算错误）', '情况表“资金管理”分值 10 与下级指标之和 6 不一致（计算错误）']);
      expect(findings.map((f) => f.fixes)).toEqual([[], []]);
      const disagreement = findings.map((f) => f.related.at(-1)!);
      expect(disagreement.map((place) => place.range.start)).toEqual([rangeOf(text, '资金管理', 1).start, rangeOf(text, '资金管理', 0).start]);
      expect(disagreement[0].label.zh).toBe('情况表“资金管理”下级指标之和 6');
    });

    it('so fix-all settles', () => {
      const once = fixAll(text).text;
      expect(once).toBe(text);
      expect(fixAll(once).text).toBe(once);
    });
  });

  describe('a parent 分值 above too few children', () => {
    const table = (grandparent: string, totals: string[]) =>
      [
        '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        `| 项目决策 | ${grandparent} | 项目立项 | 5 | 立项依据充分性 | 2.5 | 2.5 |`,
        '| | | 绩效目标 | 10 | 绩效目标合理性 | 10 | 10 |',
        '| | | 资金投入 | 5 | 预算编制科学性 | 5 | 5 |',
        ...totals,
      ].join('\n');

    it('gets no fix when the sums above confirm the written 分值 (the missing child is the likelier error)', () => {
      const text = table('20', ['| 总分 | 20 | | 20 | | 20 | 17.5 |']);
      const findings = findingsOf(text, 'score-sum');
      // 项目立项 5 = its parent's share (20 = 5 + 10 + 5); the level-3 total 20 = the level-1 and level-2 totals
      expect(findings.map((f) => [textOf(text, f), f.range.start, f.fixes])).toEqual([
        ['5', rangeOf(text, '5', 0).start, []],
        ['20', text.lastIndexOf('20'), []],
      ]);
      expect(fixAll(text).text).toBe(text);
    });

    it('is corrected when no sum that holds counts it', () => {
      // 项目决策 17.5 ≠ 5 + 10 + 5: it confirms nothing (and is reported itself)
      const text = table('17.5', []);
      const finding = findingsOf(text, 'score-sum').find((f) => f.range.start === text.indexOf('| 5 |') + 2)!;
      expect(finding.fixes.map((fix) => [fix.kind, fix.edits.map((edit) => edit.newText)])).toEqual([['direct', ['2.5']]]);
      expect(applyFixes(text, finding.fixes[0].edits).split('\n')[2]).toBe('| 项目决策 | 17.5 | 项目立项 | 2.5 | 立项依据充分性 | 2.5 | 2.5 |');
      expect(fixAll(fixAll(text).text).text).toBe(fixAll(text).text);
    });
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

  it('leaves a summary rate that is right for the detail when the summary’s 得分 is the error', () => {
    const text = sectionReport('18.72', { summaryScore: '18.27' });
    expect(findingsOf(text, 'score-rate')).toEqual([]);
    expect(findingsOf(text, 'summary-vs-detail').map((f) => textOf(text, f))).toEqual(['18.27']);
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

  it('reads a summary headed 评价内容 | 分值 | 自评得分, and leaves its 合计 when the detail agrees with it', () => {
    const text = [
      '# 报告',
      '',
      '表 1 自评得分汇总表',
      '',
      '| 评价内容 | 分值 | 自评得分 | 扣分 |',
      '| --- | --- | --- | --- |',
      '| 决策 | 10 | 8.80 | 1.50 |',
      '| 过程 | 10 | 9.00 | 1.00 |',
      '| 合计 | 20 | 17.50 | 2.50 |',
      '',
      '项目绩效评分表（2023 年度）',
      '',
      '| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |',
      '| --- | --- | --- | --- | --- |',
      '| 决策 | 项目立项 | 立项依据充分性 | 10 | 8.50 |',
      '| 过程 | 资金管理 | 资金到位率 | 10 | 9.00 |',
      '| 合计 | | | 20 | 17.50 |',
      '',
    ].join('\n');
    const findings = findingsOf(text, 'summary-vs-detail');
    expect(findings.map((f) => [textOf(text, f), f.message.zh])).toEqual([['8.80', '表1“决策”得分 8.80 与评分表的 8.50 不一致']]);
    expect(findingsOf(text, 'score-sum')).toEqual([]);
  });

  it('rewrites the 得分率 of a transposed summary that writes no 分值 together with its 得分', () => {
    const text = [
      '# 报告',
      '',
      '表1　得分汇总',
      '',
      '| 指标 | 决策 | 过程 | 合计 |',
      '| --- | --- | --- | --- |',
      '| 得分 | 8.50 | 9.50 | 18.00 |',
      '| 得分率 | 85.00% | 95.00% | 90.00% |',
      '',
      '表2　评分表',
      '',
      '| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |',
      '| --- | --- | --- | --- | --- |',
      '| 决策 | 项目立项 | 立项依据充分性 | 10 | 8.00 |',
      '| 过程 | 资金管理 | 资金到位率 | 10 | 9.50 |',
      '',
    ].join('\n');
    const finding = findingsOf(text, 'summary-vs-detail').find((f) => textOf(text, f) === '8.50')!;
    const fixed = applyFixes(text, finding.fixes.find((fix) => fix.preferred)!.edits);
    expect(fixed).toContain('| 得分 | 8.00 | 9.50 |');
    expect(fixed).toContain('| 得分率 | 80.00% | 95.00% |');
  });

  it('offers no fix that would break the copy row\'s own 扣分 + 得分 = 分值', () => {
    const text = sectionAndAnnex(
      ['| 项目效益 | 10 | 社会效益 | 10 | 社会效益指标 | 10 | 0.55 | 9.45 |'],
      [
        '| 项目效益 | 10 | 社会效益 | 10 | 社会效益指标 | 6 | 0 | 6 |',
      ],
      true,
    );
    const findings = findingsOf(text, 'summary-vs-detail');
    const annexRow = text.lastIndexOf('| 6 | 0 | 6 |');
    expect(findings.map((f) => [textOf(text, f), f.range.start - annexRow])).toEqual([['6', 2], ['0', 6], ['6', 10]]);
    // 0 + 6 = 6 holds: writing 10 or 9.45 alone would break it, writing 扣分 0.55 alone too
    expect(findings.map((f) => f.fixes)).toEqual([[], [], []]);
    expect(findingsOf(text, 'score-arithmetic')).toEqual([]);
  });

  it('still corrects a copy whose row agrees with the new value', () => {
    const text = sectionAndAnnex(
      ['| 项目效益 | 10 | 社会效益 | 10 | 社会效益指标 | 10 | 0.55 | 9.45 |'],
      [
        '| 项目效益 | 10 | 社会效益 | 10 | 社会效益指标 | 10 | 0.55 | 9.54 |',
      ],
      true,
    );
    const [finding, ...rest] = findingsOf(text, 'summary-vs-detail');
    expect(rest).toEqual([]);
    expect(textOf(text, finding)).toBe('9.54');
    expect(applyFixes(text, finding.fixes[0].edits)).toBe(text.replace('9.54', '9.45'));
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

  it('offers only the alternative its own 评分标准 allows', () => {
    const text = [
      '资金到位率=（10/10）×100%=100%。',
      '',
      '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 标杆值 | 评分标准 | 扣分 | 得分 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 项目过程 | 3 | 资金管理 | 3 | 资金到位率 | 3 | 100% | 资金到位率=100%，得权重分满分，每降低1%，扣除 5%权重分，扣完为止。 | 0 | 0 |',
    ].join('\n');
    const [finding, ...rest] = findingsOf(text, 'score-arithmetic');
    expect(rest).toEqual([]);
    // 100% meets the standard, so the deduction 0 is right and the score is the wrong number
    expect(finding.range).toEqual({ start: text.lastIndexOf('0'), end: text.lastIndexOf('0') + 1 });
    expect(finding.fixes.map((fix) => [fix.kind, fix.preferred, fix.title.zh])).toEqual([['alternative', true, '改得分：扣分 0 / 得分 3']]);
    const fixed = applyFixes(text, finding.fixes[0].edits);
    expect(fixed.endsWith('| 0 | 3 |')).toBe(true);
    expect([...findingsOf(fixed, 'score-arithmetic'), ...findingsOf(fixed, 'rule-deduction')]).toEqual([]);
  });

  it('score-sum offers no fix for a parent 得分 its own 评分标准 backs (a child row is the likelier error)', () => {
    const text = [
      '在职人员控制率=（82/84）×100%=97.62%。',
      '',
      '| 一级指标 | 二级指标 | 三级指标 | 四级指标 | 分值 | 评分标准 | 得分 | 评分说明 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 投入 | 预算配置 | 在职人员控制率 | | 5 | 以100%为标准。在职人员控制率≤100%,计5分;每超过一个百分点扣0.5分,扣完为止。 | 5 | 在职82名，编制84名，控制率97.62%。 |',
      '| | | | 改造任务完成率 | 4 | 按完成比例计算得分,满分为止。 | 3.68 | 完成率92.00%。 |',
    ].join('\n');
    const findings = findingsOf(text, 'score-sum').filter((f) => textOf(text, f) === '5' && f.range.start === text.indexOf('| 5 |', text.indexOf('扣完为止')) + 2);
    expect(findings).toHaveLength(1);
    expect(findings[0].message.zh).toContain('3.68');
    expect(findings[0].fixes).toEqual([]);
    expect(findingsOf(fixAll(text).text, 'rule-deduction').filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a summary row whose detail rows elsewhere give 分值 − 扣分 offers only a new 得分: the detail sum', () => {
    const text = [
      '# 报告',
      '',
      '表1　一级指标得分情况',
      '',
      '| 一级指标 | 分值 | 扣分 | 得分 |',
      '| --- | --- | --- | --- |',
      '| 决策 | 10.00 | 1.33 | 8.76 |',
      '| 合计 | 10.00 | 1.33 | 8.76 |',
      '',
      '表2　评分表',
      '',
      '| 一级指标 | 二级指标 | 三级指标 | 分值 | 扣分 | 得分 |',
      '| --- | --- | --- | --- | --- | --- |',
      '| 决策 | 项目立项 | 立项依据充分性 | 5.00 | 0.67 | 4.33 |',
      '| | | 立项程序规范性 | 5.00 | 0.67 | 4.34 |',
      '| 合计 | | | 10.00 | 1.34 | 8.67 |',
      '',
    ].join('\n');
    const finding = findingsOf(text, 'score-arithmetic').find((f) => textOf(text, f) === '8.76')!;
    // 10 − 1.33 = 8.67 (the detail's 8.67 within rounding); 1.24 + 8.76 would keep the wrong 得分
    expect(finding.fixes.map((fix) => [fix.edits[0].newText, fix.preferred])).toEqual([['8.67', true]]);
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

  it('offers no rounding alternative that would change the 得分 the section table and the prose repeat', () => {
    const finding = findings.find((f) => f.ruleId === 'score-arithmetic')!;
    expect(finding.fixes.map((fix) => fix.title.zh)).toEqual(['改扣分：扣分 0.62 / 得分 1.88']);
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

describe('a score table continued across pages (续表, 表3（续）)', () => {
  const part = (rows: string[]) => ['| 一级指标 | 二级指标 | 三级指标 | 分值（分） | 扣分（分） | 得分（分） |', '|---|---|---|---|---|---|', ...rows];
  const report = (total: string) => [
    '表3　绩效评价指标评分表',
    '',
    ...part(['| 决策 | 项目立项 | 立项依据充分性 | 5 | 0 | 5 |', '| | | 立项程序规范性 | 5 | 1 | 4 |']),
    '',
    '续表',
    '',
    ...part(['| 过程 | 资金管理 | 资金到位率 | 5 | 0 | 5 |', '| | | 预算执行率 | 5 | 0.5 | 4.5 |']),
    '',
    '表3（续）',
    '',
    ...part(['| 产出 | 产出数量 | 完成率 | 10 | 2 | 8 |', `| 合计 | | | 30 | 3.5 | ${total} |`]),
    '',
  ].join('\n');

  it('adds up the rows of every part in the last part’s 合计', () => {
    expect(findingsOf(report('26.5'), 'score-sum')).toEqual([]);
    const text = report('25.6');
    expect(findingsOf(text, 'score-sum').map((f) => [textOf(text, f), f.message.zh])).toEqual([['25.6', '表3 合计得分 25.6 与各行之和 26.5 不一致（计算错误）']]);
  });
});
