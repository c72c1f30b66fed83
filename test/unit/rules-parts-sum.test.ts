import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

const doc = (sentence: string) => ['# 报告', '', '## 四、预算执行情况', '', sentence, ''].join('\n');

describe('parts-sum', () => {
  it('flags a total that its parts do not add up to', () => {
    const text = doc('项目全年共支出 146.86 万元，其中：92.40 万元用于维修养护；31.80 万元用于更换管网；14.36 万元用于购置设备；7.80 万元用于水质检测。');
    const findings = findingsOf(text, 'parts-sum');
    expect(findings.map((f) => textOf(text, f))).toEqual(['146.86']);
    const [finding] = findings;
    expect(finding.message.zh).toBe('分项之和与合计不符：92.40万元 + 31.80万元 + 14.36万元 + 7.80万元 = 146.36万元，但合计写作 146.86万元。');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['92.40', '31.80', '14.36', '7.80']);
    expect(applyFixes(text, finding.fixes[0].edits)).toContain('共支出 146.36 万元');
  });

  it('reads the uses listed after an amount: a full list is an error, a list of the main uses that adds up to less a warning without a fix', () => {
    const uses = (verb: string, part: string) => doc(`项目支出 894.67 万元${verb}：食品安全监督抽检 366.18 万元，特种设备检验 148.50 万元，信用监管 90.12 万元，质量强县 84.60 万元，智慧平台建设 ${part} 万元，消费维权 52.90 万元。`);
    expect(findingsOf(uses('主要用于', '152.37'), 'parts-sum')).toEqual([]);
    const partial = uses('主要用于', '125.37');
    const [warning, ...rest] = findingsOf(partial, 'parts-sum');
    expect(rest).toEqual([]);
    expect([textOf(partial, warning), warning.severity, warning.fixes]).toEqual(['894.67', 'warning', []]);
    expect(warning.message.zh).toContain('= 867.67万元，但合计写作 894.67万元（若只列举了主要用途，可忽略）');
    const full = uses('用于', '125.37');
    expect(findingsOf(full, 'parts-sum').map((f) => [textOf(full, f), f.severity, f.fixes.length > 0])).toEqual([['894.67', 'error', true]]);
    // more than the total is wrong even in a list of the main uses
    const over = uses('主要用于', '182.37');
    expect(findingsOf(over, 'parts-sum').map((f) => f.severity)).toEqual(['error']);
  });

  it('reads a sentence opening with 其中 as the split of an amount of the sentence before', () => {
    const text = doc('截至年末，项目全年执行数298.43万元。其中：当年财政拨款执行278.65万元，上年结转资金执行19.87万元。');
    const findings = findingsOf(text, 'parts-sum');
    expect(findings.map((f) => [textOf(text, f), f.severity])).toEqual([['298.43', 'error']]);
    expect(applyFixes(text, findings[0].fixes.find((f) => f.preferred)!.edits)).toContain('全年执行数298.52万元');
    // several amounts before: the one sharing the split's word (执行), else none
    const two = doc('项目全年预算312.50万元，全年执行298.43万元。其中：当年财政拨款执行278.65万元，上年结转资金执行19.87万元。');
    expect(findingsOf(two, 'parts-sum').map((f) => textOf(two, f))).toEqual(['298.43']);
    const unclear = doc('项目预算312.50万元，实际298.43万元。其中：甲278.65万元，乙19.87万元。');
    expect(findingsOf(unclear, 'parts-sum')).toEqual([]);
  });

  it('a total its own sentence computes with is kept: a warning with no fix', () => {
    const text = doc('项目全年执行数298.43万元，预算执行率=298.43/312.50×100%=95.50%。其中：当年财政拨款执行278.65万元，上年结转资金执行19.87万元。');
    const [finding, ...rest] = findingsOf(text, 'parts-sum');
    expect(rest).toEqual([]);
    expect([textOf(text, finding), finding.severity]).toEqual(['298.43', 'warning']);
    expect(finding.message.zh).toBe('分项之和与合计不符：278.65万元 + 19.87万元 = 298.52万元，但合计写作 298.43万元（同句算式 298.43/312.50×100% 用的也是该合计，可能是某一分项有误）。');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['278.65', '19.87', '298.43/312.50×100%']);
    expect(finding.fixes).toEqual([]);
  });

  it('a rate in words that holds confirms the total as a written formula does', () => {
    const text = doc('项目实际到位资金3,512.00万元，全年实际支出3,109.74万元，预算执行率88.55%。其中：工程建设支出2,846.30万元，其他费用支出245.44万元。');
    const [finding] = findingsOf(text, 'parts-sum');
    expect([textOf(text, finding), finding.severity]).toEqual(['3,109.74', 'warning']);
    expect(finding.message.zh).toContain('（同句的预算执行率 88.55%由该合计算得，可能是某一分项有误）');
  });

  it('accepts parts that add up', () => {
    expect(findingsOf(doc('项目全年共支出 146.36 万元，其中：92.40 万元用于维修养护；31.80 万元用于更换管网；14.36 万元用于购置设备；7.80 万元用于水质检测。'), 'parts-sum')).toEqual([]);
  });
});
