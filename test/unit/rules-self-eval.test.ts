import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

interface Opts {
  executed?: string;
  carryRate?: string;
  qualityScore?: string;
  timelyScore?: string;
  total?: string;
}

function doc(o: Opts = {}): string {
  return [
    '# 自评报告',
    '',
    '项目支出绩效自评表',
    '',
    '| 项目名称 | 农村饮水工程维修养护项目 | | | | | | | |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |',
    `| | 年度资金总额 | 120.00 | 150.00 | ${o.executed ?? '144.86'} | 10 | ${o.executed === '146.86' ? '97.91%' : '96.57%'} | ${o.executed === '146.86' ? '9.79' : '9.66'} | |`,
    '| | 其中：当年财政拨款 | 100.00 | 130.00 | 126.36 | — | 97.20% | — | |',
    `| | 上年结转资金 | 20.00 | 20.00 | 18.50 | — | ${o.carryRate ?? '92.50%'} | — | |`,
    '| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |',
    '| | 产出指标 | 数量指标 | 维修工程数量 | ≥45个 | 48个 | 10 | 10 | |',
    `| | | 质量指标 | 水质达标率 | ≥９５％ | 96.20% | 5 | ${o.qualityScore ?? '5'} | |`,
    `| | | 时效指标 | 完工及时率 | ≥90% | 85.00% | 5 | ${o.timelyScore ?? '4.72'} | 汛期延误 |`,
    '| | | 成本指标 | 平均维修成本 | ≤2.00万元 | 1.93万元 | 5 | 5 | |',
    `| 总分 | | | | | | 35 | ${o.total ?? '34.38'} | |`,
    '',
  ].join('\n');
}

describe('self-eval', () => {
  it('accepts a consistent table', () => {
    expect(findingsOf(doc(), 'self-eval')).toEqual([]);
  });

  it('flags a funds total that is not the sum of its parts; a total its rate confirms is only a warning', () => {
    const text = doc({ executed: '146.86', total: '34.51' });
    const findings = findingsOf(text, 'self-eval');
    expect(findings.map((f) => textOf(text, f))).toEqual(['146.86']);
    const [finding] = findings;
    expect(finding.severity).toBe('warning');
    expect(finding.message.zh).toContain('其中各项 126.36 + 18.50 = 144.86');
    expect(finding.fixes.every((fix) => !fix.preferred)).toBe(true);
    expect(finding.fixes[0].edits[0].newText).toBe('144.86');
  });

  it('does not read a funds row that lost its label cell (its amounts moved one column left)', () => {
    const text = doc().replace('| | 其中：当年财政拨款 | 100.00 | 130.00 | 126.36 | — | 97.20% | — | |', '| | 100.00 | 130.00 | 126.36 | — | 97.20% | — | |');
    expect(findingsOf(text, 'self-eval').map((f) => f.message.zh).filter((m) => m.includes('其中各项'))).toEqual([]);
  });

  it('flags a rate that is not 执行数 / 预算数', () => {
    const text = doc({ carryRate: '92.05%' });
    const findings = findingsOf(text, 'self-eval');
    expect(findings.map((f) => textOf(text, f))).toEqual(['92.05']);
    expect(findings[0].message.zh).toBe('“上年结转资金”执行率应为 18.50/20.00 = 92.50%，表中写作 92.05%。');
    expect(applyFixes(text, findings[0].fixes.find((f) => f.preferred)!.edits)).toContain('| 92.50% |');
  });

  it('warns about a met target that loses points without a reason, and a missed one with full marks', () => {
    const text = doc({ qualityScore: '4', timelyScore: '5', total: '33.66' });
    const findings = findingsOf(text, 'self-eval');
    expect(findings.map((f) => [textOf(text, f), f.severity])).toEqual([
      ['4', 'warning'],
      ['5', 'warning'],
    ]);
    expect(findings[0].message.zh).toBe('“水质达标率”实际完成值 96.20% 已达到年度指标值 ≥９５％，却只得 4 分（分值 5），且未填写偏差原因。');
    expect(findings[1].message.zh).toBe('“完工及时率”实际完成值 85.00% 未达到年度指标值 ≥90%，却得满分 5 分。');
  });

  it('holds a missed floor target to the proportional rule when the report states it, and fixes the score', () => {
    const rule = '# 自评报告\n\n绩效指标完成指标值的，记该指标所赋全部分值，未完成指标值的，按照完成值与指标值的比例记分。\n';
    const withRule = (o: Opts) => doc(o).replace('# 自评报告\n', rule);
    expect(findingsOf(withRule({}), 'self-eval')).toEqual([]);
    const text = withRule({ timelyScore: '5', total: '34.66' });
    const findings = findingsOf(text, 'self-eval');
    expect(findings.map((f) => [textOf(text, f), f.severity])).toEqual([['5', 'error']]);
    expect(findings[0].message.zh).toBe('“完工及时率”未达到年度指标值，按报告所述“按照完成值与指标值的比例记分”，得分应为 5 × 85.00/90 = 4.72，表中写作 5。');
    expect(findings[0].related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['未完成指标值的，按照完成值与指标值的比例记分', '≥90%', '85.00%']);
    const fixed = applyFixes(text, findings[0].fixes.find((f) => f.preferred)!.edits);
    expect(fixed).toContain('| 85.00% | 5 | 4.72 |');
    expect(fixed).toContain('| 35 | 34.38 |');
  });

  it('flags a stated total that is not Σ row scores + the budget score', () => {
    const text = doc({ total: '31.88' });
    const findings = findingsOf(text, 'self-eval');
    expect(findings.map((f) => textOf(text, f))).toEqual(['31.88']);
    expect(findings[0].message.zh).toBe('自评表总得分写作 31.88，但各行得分之和为 34.38（含预算执行率得分 9.66）。');
    expect(findings[0].fixes[0].edits[0].newText).toBe('34.38');
  });
});

describe('self-eval: the prose 自评得分 and the cascade through the funds block', () => {
  const withClaim = (claim: string, o: Opts = {}) => doc(o).replace('# 自评报告\n', `# 自评报告\n\n经自评，本项目 2023 年度自评得分 ${claim} 分，自评等级为“优”。产出指标分值 25 分，自评得分 24.72 分。\n`);

  it('compares the prose 自评得分 with Σ row scores; a group’s 自评得分 is not the report’s', () => {
    expect(findingsOf(withClaim('34.38'), 'self-eval')).toEqual([]);
    const text = withClaim('36.38');
    const findings = findingsOf(text, 'self-eval');
    expect(findings.map((f) => textOf(text, f))).toEqual(['36.38']);
    expect(findings[0].range.start).toBe(text.indexOf('36.38'));
    expect(findings[0].message.zh).toBe('正文所述自评得分 36.38 分与自评表各行得分之和 34.38 不符。');
    expect(applyFixes(text, findings[0].fixes[0].edits)).toContain('自评得分 34.38 分，自评等级');
  });

  it('a corrected table total carries the prose copy with it', () => {
    const text = withClaim('36.38', { total: '36.38' });
    const finding = findingsOf(text, 'self-eval').find((f) => f.range.start === text.lastIndexOf('36.38'))!;
    expect(finding.fixes.map((fix) => [fix.kind, fix.title.zh])).toEqual([['cascade', '级联修正：36.38 → 34.38，并同步更新 1 处相关数字']]);
    const fixed = applyFixes(text, finding.fixes[0].edits);
    expect(fixed).toContain('自评得分 34.38 分');
    expect(fixed).toContain('| 总分 | | | | | | 35 | 34.38 | |');
  });

  it('a corrected 全年执行数 total carries its 执行率 and 得分 (no direct fix that would break them)', () => {
    const text = doc({ executed: '146.86', total: '34.51' });
    const finding = findingsOf(text, 'self-eval').find((f) => textOf(text, f) === '146.86')!;
    expect(finding.fixes.map((fix) => fix.kind)).toEqual(['cascade']);
    expect(finding.fixes[0].title.en).toBe('Cascade: 146.86 → 144.86, and update 3 dependent numbers');
    const fixed = applyFixes(text, finding.fixes[0].edits);
    expect(fixed).toContain('| | 年度资金总额 | 120.00 | 150.00 | 144.86 | 10 | 96.57% | 9.66 | |');
    expect(fixed).toContain('| 总分 | | | | | | 35 | 34.38 | |');
    expect(findingsOf(fixed, 'self-eval').filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('self-eval: funds blocks of a department form and funds tables in the body', () => {
  const form = (projectBudget: string) => [
    '# 部门整体支出绩效自评报告',
    '',
    '表 2 基本支出构成情况（单位：万元）',
    '',
    '| 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 占基本支出比例 |',
    '| --- | --- | --- | --- | --- |',
    '| 人员经费 | 1446.71 | 1482.36 | 1482.36 | 87.79% |',
    '| 公用经费 | 206.09 | 206.09 | 206.09 | 12.21% |',
    '| 合计 | 1652.80 | 1688.45 | 1688.45 | 100.00% |',
    '',
    '部门整体支出绩效自评表',
    '',
    '| 部门（单位）名称 | 溪南县市场监督管理局 | | | | | | |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 年度预算资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |',
    '| | 年度资金总额 | 2416.30 | 2689.75 | 2583.12 | 10 | 96.04% | 9.60 |',
    '| | 按收入性质分：财政拨款 | 2286.30 | 2559.75 | 2458.42 | — | 96.04% | — |',
    '| | 其他资金 | 130.00 | 130.00 | 124.70 | — | 95.92% | — |',
    '| | 按支出性质分：基本支出 | 1652.80 | 1688.45 | 1688.45 | — | 100.00% | — |',
    `| | 项目支出 | 763.50 | ${projectBudget} | 894.67 | — | 89.35% | — |`,
    '| 年度主要任务 | 任务名称 | 全年预算数 | 全年执行数 | | 执行率 | | |',
    '| | 食品安全监督抽检 | 380.00 | 366.18 | | 96.36% | | |',
    '| | 智慧市场监管平台建设 | 180.00 | 152.37 | | 84.65% | | |',
    '',
  ].join('\n');

  it('adds up each breakdown on its own, leaves the task rows out, and takes a body table’s 合计 as its total', () => {
    expect(findingsOf(form('1001.30'), 'self-eval')).toEqual([]);
  });

  it('offers no fix when the breakdowns add up to different totals (which number is wrong cannot be told)', () => {
    const text = form('1001.30').replace('| | 其他资金 | 130.00 | 130.00 | 124.70 |', '| | 其他资金 | 130.00 | 140.00 | 124.70 |');
    const findings = findingsOf(text, 'self-eval').filter((f) => f.message.zh.includes('其中各项'));
    expect(findings.map((f) => [textOf(text, f), f.fixes])).toEqual([['2689.75', []]]);
  });

  it('flags the breakdown that does not add up, at the total', () => {
    const text = form('1010.30');
    const findings = findingsOf(text, 'self-eval').filter((f) => f.message.zh.includes('其中各项'));
    expect(findings.map((f) => [textOf(text, f), f.message.zh])).toEqual([
      ['2689.75', '自评表资金全年预算数：其中各项 1688.45 + 1010.30 = 2698.75，与“年度资金总额”2689.75 不符。'],
    ]);
  });
});

describe('self-eval: the 自评表 as the score table the prose is held to', () => {
  const withProse = (paragraphs: string[]) => doc().replace('# 自评报告\n', `# 自评报告\n\n经自评，本项目 2023 年度自评得分 36.38 分。\n\n${paragraphs.join('\n\n')}\n`);

  it('compares what the prose says of an indicator with its 自评表 row, and leaves the 自评得分 to the self-eval rule', () => {
    const text = withProse(['（2）水质达标率。水质达标率 96.20%，该指标分值 5 分，自评得 4.5 分。']);
    expect(findingsOf(text, 'claim-vs-table').map((f) => [textOf(text, f), f.message.zh])).toEqual([
      ['4.5', '正文称“水质达标率”得分为 4.5分，但表中为 5分。'],
    ]);
    expect(findingsOf(text, 'self-eval').map((f) => textOf(text, f))).toEqual(['36.38']);
  });

  it('holds what the prose says of the 预算执行率 to the funds total, without asking to rename the section', () => {
    const text = withProse(['（一）预算执行情况', '该指标分值 10 分，执行率 96.57%，自评得分 9.66 分。']);
    expect(findingsOf(text, 'claim-vs-table')).toEqual([]);
    expect(findingsOf(text, 'indicator-name')).toEqual([]);
    const wrong = withProse(['（一）预算执行情况', '该指标分值 10 分，执行率 96.57%，自评得分 9.76 分。']);
    expect(findingsOf(wrong, 'claim-vs-table').map((f) => textOf(wrong, f))).toEqual(['9.76']);
  });

  it('does not give the figures of items listed under a group’s title to the group', () => {
    const text = withProse(['1.质量指标。维修工程全部验收合格，得 5 分；抽检水样 500 份，达标 481 份，按比例得 4.72 分。']);
    expect(findingsOf(text, 'claim-vs-table')).toEqual([]);
  });
});

describe('self-eval: a pandoc HTML 自评表', () => {
  const td = (text: string, attrs = '') => `<td${attrs}>${text}</td>`;
  const tr = (...cells: string[]) => `<tr>${cells.join('')}</tr>`;
  const report = (total: string) => [
    '# 自评报告',
    '',
    '<table>',
    '<tbody>',
    tr(td('项目名称'), td('森林防灭火能力提升项目', ' colspan="8"')),
    tr(td('项目资金<br />（万元）', ' rowspan="3"'), td('', ' colspan="2"'), td('年初预算数'), td('全年预算数'), td('全年执行数'), td('分值'), td('执行率'), td('得分')),
    tr(td('年度资金总额', ' colspan="2"'), td('260.00'), td('312.50'), td('298.43'), td('10'), td('95.50%'), td('9.55')),
    tr(td('其中：当年财政拨款', ' colspan="2"'), td('260.00'), td('312.50'), td('298.43'), td('—'), td('95.50%'), td('—')),
    tr(td('年度总体目标', ' rowspan="2"'), td('预期目标', ' colspan="4"'), td('实际完成情况', ' colspan="4"')),
    tr(td('购置扑火装备不少于120台（套）', ' colspan="4"'), td('购置扑火装备108台（套）', ' colspan="4"')),
    tr(td('绩效指标', ' rowspan="3"'), td('一级指标'), td('二级指标'), td('三级指标'), td('年度指标值'), td('实际完成值'), td('分值'), td('得分'), td('偏差原因分析及改进措施')),
    tr(td('产出指标'), td('数量指标'), td('扑火装备购置数量'), td('≥120台（套）'), td('108台（套）'), td('50'), td('45'), td('供货延迟')),
    tr(td('效益指标'), td('社会效益指标'), td('森林火灾当日扑灭率'), td('≥95%'), td('100%'), td('40'), td('40'), td('')),
    tr(td('总分', ' colspan="6"'), td('100'), td(total), td('')),
    '</tbody>',
    '</table>',
    '',
  ].join('\n');

  it('reads the funds total under a section name spanning beside it, and no amounts from the 年度总体目标 text', () => {
    expect(findingsOf(report('94.55'), 'self-eval')).toEqual([]);
    const text = report('95.55');
    expect(findingsOf(text, 'self-eval').map((f) => [textOf(text, f), f.message.zh])).toEqual([
      ['95.55', '自评表总得分写作 95.55，但各行得分之和为 94.55（含预算执行率得分 9.55）。'],
    ]);
  });
});

describe('self-eval: a funds table in the body (预算数 | 到位数 | 实际支出数 | 执行率)', () => {
  const table = (total: string) => [
    '# 报告',
    '',
    '表1　项目资金使用情况',
    '',
    '| 序号 | 支出内容 | 预算数 | 到位数 | 实际支出数 | 执行率 |',
    '| --- | --- | --- | --- | --- | --- |',
    '| 1 | 分类收集设施购置 | 520.00 | 520.00 | 498.36 | 95.84% |',
    '| 2 | 生活垃圾收运服务 | 860.00 | 860.00 | 788.55 | 91.69% |',
    `|  | 合计 | 1380.00 | 1380.00 | ${total} | 93.25% |`,
    '',
  ].join('\n');

  it('checks the 合计 against its rows, and leaves a rate that is right for the rows alone', () => {
    expect(findingsOf(table('1286.91'), 'self-eval')).toEqual([]);
    const text = table('1268.91');
    expect(findingsOf(text, 'self-eval').map((f) => [textOf(text, f), f.message.zh])).toEqual([
      ['1268.91', '自评表资金全年执行数：其中各项 498.36 + 788.55 = 1286.91，与“合计”1268.91 不符。'],
    ]);
  });

  it('a part whose own rate gives the amount the total needs is the mistyped number, once, at its amount', () => {
    // 788.55 typed as 758.85: the 合计 1286.91 and its 93.25% agree, and 788.55 / 860.00 is the row's 91.69%
    const text = table('1286.91').replace('| 788.55 | 91.69% |', '| 758.85 | 91.69% |');
    const findings = findingsOf(text, 'self-eval');
    expect(findings.map((f) => [textOf(text, f), f.severity, f.message.zh])).toEqual([
      ['758.85', 'error', '“生活垃圾收运服务”全年执行数 758.85 应为 788.55：合计 1286.91 减去其余各项为 788.55，与该行执行率 91.69% 相符。'],
    ]);
    expect(applyFixes(text, findings[0].fixes.find((f) => f.preferred)!.edits)).toContain('| 788.55 | 91.69% |');
  });
});

describe('self-eval: the cascade from the funds total reaches the prose 预算执行率 得分', () => {
  it('carries a corrected funds total into the rate, the score and the prose that restates the score', () => {
    const text = doc({ executed: '146.86' }).replace('# 自评报告\n', '# 自评报告\n\n其中：预算执行率得分 9.79 分。\n');
    const finding = findingsOf(text, 'self-eval').find((f) => textOf(text, f) === '146.86')!;
    const cascade = finding.fixes.find((fix) => fix.kind === 'cascade')!;
    const fixed = applyFixes(text, cascade.edits);
    expect(fixed).toContain('其中：预算执行率得分 9.66 分。');
    expect(fixed).toContain('| | 年度资金总额 | 120.00 | 150.00 | 144.86 | 10 | 96.57% | 9.66 | |');
    expect(findingsOf(fixed, 'claim-vs-table')).toEqual([]);
  });
});
