import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { fixAll } from '../../server/src/core/engine/fixAll';
import { buildModel } from '../../server/src/core/model/build';
import type { Indicator, NumberLiteral } from '../../server/src/core/model/types';
import { rangeOf } from './engine-helpers';
import { classifyHeader, HEADER_WORDS } from '../../server/src/core/recognize/tables/headers';
import { at, expectLiteralsExact } from './recognize-tables.helpers';
import { findingsOf } from './rules-table-helpers';

const txt = (l: NumberLiteral | undefined) => l?.text;

function byKey(indicators: Indicator[]): Map<string, Indicator> {
  return new Map(indicators.map((i) => [i.key, i]));
}

describe('indicator tables', () => {
  const doc = [
    '表 3-3 项目产出类指标及分值',
    '',
    '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 四级指标 | 分值 | 得分 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 产出 | 40 | 产出数量 | 10 | 实际完成率 | 5 | 系统数量 | 5 | 5 |',
    '| | | | | | 5 | 运维人员 | 5 | 4.5 |',
    '| | | 产出质量 | 10 | 质量达标率 | 10 | 验收合格率 | 10 | 10 |',
    '| 合计 | | | 20 | | 15 | | 20 | 19.5 |',
  ].join('\n');
  const model = buildModel(doc);
  const [table] = model.indicatorTables;
  const map = byKey(table.indicators);

  it('builds the tree with keys, parents and children from merged (empty) cells', () => {
    expect(table.depth).toBe(4);
    expect(table.caption?.text).toBe('表 3-3 项目产出类指标及分值');
    expect(table.indicators.map((i) => i.key)).toEqual([
      '产出', '产出/产出数量', '产出/产出数量/实际完成率', '产出/产出数量/实际完成率/系统数量', '产出/产出数量/实际完成率/运维人员',
      '产出/产出质量', '产出/产出质量/质量达标率', '产出/产出质量/质量达标率/验收合格率',
    ]);
    expect(map.get('产出')?.children).toEqual(['产出/产出数量', '产出/产出质量']);
    expect(map.get('产出/产出数量/实际完成率/运维人员')?.parent).toBe('产出/产出数量/实际完成率');
    expect(map.get('产出/产出数量')?.rows).toEqual({ start: 1, end: 3 });
  });

  it('keeps a per-row 分值 under a merged parent as weight parts', () => {
    const rate = map.get('产出/产出数量/实际完成率')!;
    expect(rate.weight).toBeUndefined();
    expect(rate.weightParts.map((p) => p.text)).toEqual(['5', '5']);
    expect(map.get('产出/产出数量')?.weight?.text).toBe('10');
    expect(txt(map.get('产出/产出数量/实际完成率/运维人员')?.score)).toBe('4.5');
  });

  it('reads the 合计 row per level column and keeps exact ranges', () => {
    const [total] = table.totals;
    expect(total.label.text).toBe('合计');
    expect(total.weights.map(txt)).toEqual([undefined, '20', '15', '20']);
    expect(txt(total.score)).toBe('19.5');
    const name = map.get('产出/产出质量')!;
    expect(at(model, name.nameRange)).toBe('产出质量');
    expectLiteralsExact(model);
  });

  it('splits a weight written into the level name and spreads collapsed rows', () => {
    const m = buildModel([
      '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| 项目过程 20 资金管理 10 资金到位率 3 3 | | | | | | |',
      '| | | | | 预算执行率 | 3 | 2.5 |',
      '',
      '| 一级指标 | 二级指标 | 分值 |',
      '| --- | --- | --- |',
      '| 决策(20 分） | 项目立项 | 5 |',
      '| | 绩效目标 | 15 |',
      '| 效益<br>（20 分） | 项目效益 | 20 |',
    ].join('\n'));
    const [collapsed, framework] = m.indicatorTables;
    const c = byKey(collapsed.indicators);
    expect([...c.keys()]).toEqual(['项目过程', '项目过程/资金管理', '项目过程/资金管理/资金到位率', '项目过程/资金管理/预算执行率']);
    expect(txt(c.get('项目过程')?.weight)).toBe('20');
    expect(at(m, c.get('项目过程/资金管理')!.nameRange)).toBe('资金管理');
    expect(txt(c.get('项目过程/资金管理/资金到位率')?.score)).toBe('3');
    const f = byKey(framework.indicators);
    const decision = f.get('决策')!;
    expect(decision.name).toBe('决策');
    expect(at(m, decision.nameRange)).toBe('决策');
    expect(decision.weight?.text).toBe('20');
    expect(m.text.slice(decision.weight!.range.start - 1, decision.weight!.range.end + 2)).toBe('(20 分');
    expect(f.get('效益')?.weight?.text).toBe('20');
    expect(f.get('决策/绩效目标')?.weight?.text).toBe('15');
    expectLiteralsExact(m);
  });

  it('reads annex tables with text columns, names repeated on every row and a one-column 分值 for leaves', () => {
    const m = buildModel([
      '## 附件 1：项目评分情况表',
      '',
      '| 一级指标 | 二级指标 | 三级指标 | 四级指标 | 分值 | 指标解释 | 标杆值 | 评分标准 | 扣分 | 得分 | 评分说明 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 过程（20 分） | 组织实施（20 分） | 制度执行有效性 | | 2.5 | 是否执行 | 有效 | ①…；②… | 0.63 | 1.88 | 未执行一项 |',
      '| 过程（20 分） | 组织实施（20 分） | 完成率（17.5 分） | 甲 | 10 | | | | 0 | 10 | |',
      '| | | | 乙 | 7.5 | | | | 1 | 6.5 | |',
      '| 总分 | | | | 20 | | | | 1.63 | 18.38 | |',
    ].join('\n'));
    const [table] = m.indicatorTables;
    expect(table.annex).toBe(true);
    const map = byKey(table.indicators);
    expect([...map.keys()]).toEqual(['过程', '过程/组织实施', '过程/组织实施/制度执行有效性', '过程/组织实施/完成率', '过程/组织实施/完成率/甲', '过程/组织实施/完成率/乙']);
    const leaf = map.get('过程/组织实施/制度执行有效性')!;
    expect([txt(leaf.weight), txt(leaf.deduction), txt(leaf.score)]).toEqual(['2.5', '0.63', '1.88']);
    expect([leaf.explanation?.text, leaf.target?.text, leaf.criterion?.text, leaf.remark?.text]).toEqual(['是否执行', '有效', '①…；②…', '未执行一项']);
    expect(map.get('过程')?.weight?.text).toBe('20');
    expect(map.get('过程/组织实施/完成率')?.weight?.text).toBe('17.5');
    expect(txt(map.get('过程/组织实施/完成率/乙')?.weight)).toBe('7.5');
    expect(table.totals[0].weights[0]?.text).toBe('20');
    expect([txt(table.totals[0].deduction), txt(table.totals[0].score)]).toEqual(['1.63', '18.38']);
    expectLiteralsExact(m);
  });

  it('reads two-row HTML headers and rowspans', () => {
    const m = buildModel([
      '<table><thead>',
      '<tr><th colspan="2">一级指标</th><th rowspan="2">二级指标</th><th rowspan="2">分值</th><th rowspan="2">得分</th></tr>',
      '<tr><th>名称</th><th>分值</th></tr>',
      '</thead><tbody>',
      '<tr><td rowspan="2">决策</td><td rowspan="2">10</td><td>立项</td><td>4</td><td>3.5</td></tr>',
      '<tr><td>目标</td><td>6</td><td>6</td></tr>',
      '</tbody></table>',
    ].join('\n'));
    const map = byKey(m.indicatorTables[0].indicators);
    expect([...map.keys()]).toEqual(['决策', '决策/立项', '决策/目标']);
    expect(map.get('决策')?.weight?.text).toBe('10');
    expect(map.get('决策')?.weightParts).toEqual([]);
    expect(txt(map.get('决策/目标')?.score)).toBe('6');
    expectLiteralsExact(m);
  });

  it('is not fooled by tables without indicator headers', () => {
    const m = buildModel('| 序号 | 姓名 |\n| --- | --- |\n| 1 | 张三 |\n\n| a |\n| --- |\n| 得分 2 |');
    expect(m.indicatorTables).toEqual([]);
  });
});

describe('an indicator named on two rows of one table', () => {
  const keys = (text: string) => buildModel(text).indicatorTables[0].indicators.map((i) => i.key);

  /** One fix-all pass reaches text that a second pass leaves alone and that has no score-sum error. */
  function expectStableFixAll(text: string): string {
    const once = fixAll(text).text;
    expect(fixAll(once).text).toBe(once);
    expect(findingsOf(once, 'score-sum')).toEqual([]);
    return once;
  }

  it('continues it when the next row repeats the names in another spelling (效益, then 项目效益)', () => {
    const text = [
      '| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 四级指标 | 分值 | 得分 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 效益 | 20 | 项目效益 | 20 | 社会效益指标 | 6 | 监测预警覆盖率 | 6 | 6 |',
      '| 项目效益 | 20 | 项目效益 | 20 | 社会效益指标 | 6 | 监测预警覆盖率 | 6 | 6 |',
      '| | | | | 满意度指标 | 4 | 使用效果满意度 | 4 | 3.27 |',
    ].join('\n');
    const m = buildModel(text);
    const map = byKey(m.indicatorTables[0].indicators);
    expect([...map.keys()]).toEqual([
      '效益', '效益/项目效益', '效益/项目效益/社会效益指标', '效益/项目效益/社会效益指标/监测预警覆盖率',
      '效益/项目效益/满意度指标', '效益/项目效益/满意度指标/使用效果满意度',
    ]);
    const level1 = map.get('效益')!;
    expect([txt(level1.weight), level1.weightParts, level1.rows]).toEqual(['20', [], { start: 1, end: 4 }]);
    expect(at(m, level1.nameRange)).toBe('效益');
    // the repeated row repeats the leaf's 分值 and 得分: one weight, not two parts
    const leaf = map.get('效益/项目效益/社会效益指标/监测预警覆盖率')!;
    expect([txt(leaf.weight), leaf.weightParts, txt(leaf.score)]).toEqual(['6', [], '6']);
    expect(map.get('效益/项目效益')?.children).toEqual(['效益/项目效益/社会效益指标', '效益/项目效益/满意度指标']);

    // one finding for the 二级 分值 (20 ≠ 6 + 4), not one per spelling with two different sums
    const findings = findingsOf(text, 'score-sum');
    expect(findings.map((f) => f.range)).toEqual([rangeOf(text, '20', 1)]);
    expect(findings[0].message.en).toContain('sum of its sub-indicators 10');
    const [fix] = findings[0].fixes;
    expect(applyFixes(text, fix.edits).split('\n')[2]).toBe('| 效益 | 20 | 项目效益 | 10 | 社会效益指标 | 6 | 监测预警覆盖率 | 6 | 6 |');
    expect(expectStableFixAll(text).split('\n')[2]).toBe('| 效益 | 10 | 项目效益 | 10 | 社会效益指标 | 6 | 监测预警覆盖率 | 6 | 6 |');
  });

  it('merges a row of it pasted below another indicator (HTML rowspan) into the first', () => {
    const text = [
      '<table>',
      '<tr><th>一级指标</th><th>分值</th><th>二级指标</th><th>分值</th><th>得分</th></tr>',
      '<tr><td rowspan="2">产出</td><td rowspan="2">10</td><td>产出数量</td><td>6</td><td>5</td></tr>',
      '<tr><td>产出质量</td><td>4</td><td>4</td></tr>',
      '<tr><td>效益</td><td>20</td><td>满意度</td><td>20</td><td>18</td></tr>',
      '<tr><td>项目产出</td><td>10</td><td>产出时效</td><td>3</td><td>3</td></tr>',
      '</table>',
    ].join('\n');
    const m = buildModel(text);
    const map = byKey(m.indicatorTables[0].indicators);
    expect([...map.keys()]).toEqual(['产出', '产出/产出数量', '产出/产出质量', '效益', '效益/满意度', '产出/产出时效']);
    expect(map.get('产出')?.children).toEqual(['产出/产出数量', '产出/产出质量', '产出/产出时效']);
    expect([txt(map.get('产出')?.weight), map.get('产出')?.weightParts]).toEqual(['10', []]);

    const findings = findingsOf(text, 'score-sum');
    expect(findings.map((f) => f.range)).toEqual([rangeOf(text, '10')]);
    expect(findings[0].message.en).toContain('sum of its sub-indicators 13');
    expect(expectStableFixAll(text)).toContain('<td rowspan="2">13</td>');
  });

  it('does not count a 二级 row twice when it is pasted again under its parent', () => {
    const text = [
      '| 一级指标 | 分值 | 二级指标 | 分值 | 得分 |',
      '| --- | --- | --- | --- | --- |',
      '| 产出 | 10 | 产出数量 | 6 | 5 |',
      '| | | 产出质量 | 4 | 4 |',
      '| | | 产出数量 | 6 | 5 |',
      '| 效益 | 20 | 满意度 | 20 | 18 |',
    ].join('\n');
    expect(keys(text)).toEqual(['产出', '产出/产出数量', '产出/产出质量', '效益', '效益/满意度']);
    expect(findingsOf(text, 'score-sum')).toEqual([]);
  });
});

describe('summary tables', () => {
  it('reads a transposed table where 分值 next to 权重 is the score', () => {
    const m = buildModel([
      '| 指标 | 项目决策 | 项目效益 | 合计分值 |',
      '| --- | --- | --- | --- |',
      '| 权重 | 20 | 80 | 100 |',
      '| 分值 | 17.08 | 78.1 | 95.18 |',
      '| 得分率 | 85.4% | 97.63% | 95.18% |',
    ].join('\n'));
    const [s] = m.summaryTables;
    expect(s.transposed).toBe(true);
    expect(s.entries.map((e) => [e.name.text, txt(e.weight), txt(e.score), txt(e.rate)])).toEqual([
      ['项目决策', '20', '17.08', '85.4'],
      ['项目效益', '80', '78.1', '97.63'],
    ]);
    expect([txt(s.total?.weight), txt(s.total?.score)]).toEqual(['100', '95.18']);
    expectLiteralsExact(m);
  });

  it('reads the normal orientation and links entries to level-1 indicators', () => {
    const m = buildModel([
      '| 一级指标 | 二级指标 | 分值 | 得分 |',
      '| --- | --- | --- | --- |',
      '| 决策 | 立项 | 20 | 18 |',
      '',
      '| 一级指标 | 分值 | 得分 | 得分率 |',
      '| --- | --- | --- | --- |',
      '| 项目决策 | 20 | 18 | 90% |',
      '| 合计 | 20 | 18 | 90% |',
    ].join('\n'));
    const [s] = m.summaryTables;
    expect(s.transposed).toBe(false);
    expect(s.entries.map((e) => [e.name.text, e.key, txt(e.weight), txt(e.score), txt(e.rate)])).toEqual([['项目决策', '决策', '20', '18', '90']]);
    expect(txt(s.total?.score)).toBe('18');
  });
});

describe('grade bands', () => {
  const bands = (m: ReturnType<typeof buildModel>, i: number) =>
    m.gradeScales[i].bands.map((b) => `${b.label.text}${b.lowInclusive ? '[' : '('}${txt(b.low) ?? ''},${txt(b.high) ?? ''}${b.highInclusive ? ']' : ')'}`);

  it('reads band tables', () => {
    const m = buildModel('| 评价计分结果 | 评价结果级别 |\n| --- | --- |\n| 90分～100 分 | 优 |\n| 80 分～89 分 | 良 |\n| 60分以下 | 差 |\n| ≥95 | 特优 |');
    expect(m.gradeScales[0].source).toBe('table');
    expect(bands(m, 0)).toEqual(['优[90,100]', '良[80,89]', '差[,60)', '特优[95,]']);
    expect(at(m, m.gradeScales[0].bands[1].low!.range)).toBe('80');
  });

  it('reads band sentences with 含 markers and integer ranges', () => {
    const m = buildModel([
      '依据分数评定等次，90分以上为“优”，80分至 89 分为“良”，60分至 79 分为“中”，60分以下为“差”。',
      '',
      '等级分为四档：90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、60分以下为差。',
      '',
      '90分（含）以上为优、80分（含）至90分为良。',
    ].join('\n'));
    expect(m.gradeScales.map((g) => g.source)).toEqual(['sentence', 'sentence', 'sentence']);
    expect(bands(m, 0)).toEqual(['优[90,]', '良[80,89]', '中[60,79]', '差[,60)']);
    expect(bands(m, 1)).toEqual(['优[90,100]', '良[80,90)', '中[60,80)', '差[,60)']);
    expect(bands(m, 2)).toEqual(['优[90,]', '良[80,90)']);
    const band = m.gradeScales[1].bands[1];
    expect(at(m, band.label.range)).toBe('良');
    expectLiteralsExact(m);
  });
});

describe('survey tables', () => {
  it('reads options, counts, ratios, respondents and the question above', () => {
    const m = buildModel([
      '5.您使用过哪些功能？ [多选题]',
      '',
      '| 选项 | 小计 | 比例 |',
      '| --- | --- | --- |',
      '| 预警 | 12 | 54.55% |',
      '| 查询 | 15 | 68.18% |',
      '| 本题有效填写人次 | 22 | |',
    ].join('\n'));
    const [q] = m.surveys;
    expect(q.title.text).toBe('5.您使用过哪些功能？ [多选题]');
    expect(q.multiple).toBe(true);
    expect(q.options.map((o) => [o.label.text, txt(o.count), txt(o.ratio), o.ratio?.unit])).toEqual([
      ['预警', '12', '54.55', '%'],
      ['查询', '15', '68.18', '%'],
    ]);
    expect(txt(q.respondents)).toBe('22');
    expectLiteralsExact(m);
  });
});

describe('self-evaluation tables', () => {
  it('reads funds rows, indicator rows with sub-headers and the stated total', () => {
    const m = buildModel([
      '| 项目名称 | 某项目 | | | | | | | |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |',
      '| | 年度资金总额 | 120.00 | 150.00 | 146.86 | 10 | 97.91% | 9.79 | |',
      '| | 其中：当年财政拨款 | 100.00 | 130.00 | 126.36 | — | 97.20% | — | |',
      '| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |',
      '| | 产出指标 | 数量指标 | 维修工程数量 | ≥45处 | 48处 | 10 | 10 | |',
      '| | | 质量指标 | 水质达标率 | ≥９５％ | 96.20% | 5 | 4 | |',
      '| 总分 | | | | | | 100 | 96.72 | |',
    ].join('\n'));
    const [s] = m.selfEvalTables;
    expect(s.funds.map((f) => [f.label.text, txt(f.budgetInitial), txt(f.budgetFull), txt(f.executed), txt(f.weight), txt(f.rate), txt(f.score), f.total, f.breakdown])).toEqual([
      ['年度资金总额', '120.00', '150.00', '146.86', '10', '97.91', '9.79', true, undefined],
      ['其中：当年财政拨款', '100.00', '130.00', '126.36', undefined, '97.20', undefined, false, 0],
    ]);
    expect(s.indicators.map((i) => [i.key, txt(i.targetNumber), i.targetNumber?.comparator, txt(i.actualNumber), txt(i.weight), txt(i.score)])).toEqual([
      ['产出指标/数量指标/维修工程数量', '45', '≥', '48', '10', '10'],
      ['产出指标/质量指标/水质达标率', '９５', '≥', '96.20', '5', '4'],
    ]);
    expect([txt(s.statedTotalWeight), txt(s.statedTotal)]).toEqual(['100', '96.72']);
    // its indicator rows are also a score table, with the 预算执行率 (the funds total's 分值 and 得分) as a level-1 indicator
    const [scores, ...others] = m.indicatorTables;
    expect(others).toEqual([]);
    expect(scores.tableIndex).toBe(s.tableIndex);
    expect(scores.indicators.map((i) => [i.key, txt(i.weight), txt(i.score)])).toEqual([
      ['预算执行率', '10', '9.79'],
      ['产出指标', undefined, undefined],
      ['产出指标/数量指标', undefined, undefined],
      ['产出指标/数量指标/维修工程数量', '10', '10'],
      ['产出指标/质量指标', undefined, undefined],
      ['产出指标/质量指标/水质达标率', '5', '4'],
    ]);
    expect(scores.indicators[0].score).toBe(s.funds[0].score);
    expect(scores.totals).toEqual([]);
    expectLiteralsExact(m);
  });
});

describe('value cells', () => {
  it('reads a value written first in its cell, with markup or a note after it, and none from an explanation that slid into a 分值, 得分 or 合计 column', () => {
    const text = [
      '| 三级指标 | 分值 | 扣分 | 得分 |',
      '| --- | --- | --- | --- |',
      '| 立项依据充分性 | 5 | 0 | **5** |',
      '| 绩效目标合理性 | 5 | 1.67 | 3.33（扣除权重 1/3） |',
      '| 绩效指标明确性 | 5 | 1.67 | 根据项目实际情况，故扣除权重 1/3，得分 3.33 分。 |',
      '| 资金到位率 | 详见评分标准，满分 5 分 | 0 | 5 |',
      '| 合计 | 20 | | 根据上表合计 13.33 分 |',
    ].join('\n');
    const [table] = buildModel(text).indicatorTables;
    expect(table.indicators.map((indicator) => [indicator.name, indicator.weight?.text, indicator.score?.text])).toEqual([
      ['立项依据充分性', '5', '5'],
      ['绩效目标合理性', '5', '3.33'],
      ['绩效指标明确性', '5', undefined],
      ['资金到位率', undefined, '5'],
    ]);
    expect(table.totals.map((total) => [total.weights[2]?.text, total.score?.text])).toEqual([['20', undefined]]);
  });
});

describe('header words', () => {
  it('classifies every header word, alone, with whitespace, and under a "/"-joined upper header, the same as before it was remembered', () => {
    for (const word of HEADER_WORDS) {
      const spaced = [...word].join(' ');
      const answers = [classifyHeader(word), classifyHeader(spaced), classifyHeader(`${word}（分）`), classifyHeader(word)];
      expect(answers[0], word).toBeDefined();
      expect(answers[1], spaced).toEqual(answers[0]);
      expect(answers[3], word).toBe(answers[0]);
    }
    expect(classifyHeader('过程/三级指标')).toEqual({ role: 'name', level: 3 });
  });

  it('reads data cells, and header words buried in long text, as no header', () => {
    expect(classifyHeader('0.63')).toBeUndefined();
    expect(classifyHeader('根据项目实际情况扣除权重三分之一得分')).toBeUndefined();
    expect(classifyHeader('项目资金到位及时率达到百分之百')).toBeUndefined();
  });
});
