import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

const LETTER = '《关于进一步做好非法集资监测预警工作的函》';

function doc(second: string, payDate: string): string {
  return [
    '# 报告',
    '',
    `（3）${LETTER}（处非联函〔2018〕12 号）；`,
    '',
    `为落实${LETTER}(${second})文件要求，特成立工作小组。`,
    '',
    `根据项目资料，项目依据${LETTER}（处非联函【2018】12号）立项。`,
    '',
    `该项目资金已于 ${payDate} 完成资金支付，预算执行率达到 100%。`,
    '',
    '昌吉州金融办已于 2020 年 12 月 14 日支付完毕。',
    '',
    '项目单位于 2020 年 12 月 14 日支付完毕。',
    '',
    '依据《关于推进预算绩效管理的指导意见》（财预〔2011〕416 号）和《项目支出绩效评价管理办法》（财预〔2020〕10 号）。',
    '',
  ].join('\n');
}

describe('repeated-fact', () => {
  it('tells a budget total, a spending total and what is left apart, and compares like with like', () => {
    const text = ['# 报告', '', '项目预算共计 150 万元，由县财政安排。', '', '截至年底，项目实际支出共计 142.5 万元，结余资金合计 7.5 万元。', '', '全年支出总计 142.05 万元。', ''].join('\n');
    const findings = findingsOf(text, 'repeated-fact');
    // 150 (budget), 142.5 (spent) and 7.5 (left) are three amounts; 142.05 against 142.5 is one written two ways
    expect(findings.map((finding) => [textOf(text, finding), finding.message.zh])).toEqual([
      ['142.05 万元', '同一金额（支出共计）前后写法不一致：此处为“142.05 万元”，前文写作“142.5 万元”，请核实哪一处正确。'],
    ]);
  });

  it('compares a plain 共计 only with totals of the same name', () => {
    const text = ['# 报告', '', '项目资金共计 150 万元，用于灌溉设施改造。', '', '其中设备购置共计 36 万元，工程建设共计 114 万元。', '', '经核实，本项目资金共计 155 万元。', ''].join('\n');
    const findings = findingsOf(text, 'repeated-fact');
    // 36 and 114 are other totals than the project's funds; 155 against 150 is the project's funds written two ways
    expect(findings.map((finding) => [textOf(text, finding), finding.message.zh])).toEqual([
      ['155 万元', '同一金额（项目资金共计）前后写法不一致：此处为“155 万元”，前文写作“150 万元”，请核实哪一处正确。'],
    ]);
  });

  it('flags the minority citation of a 文号 and fixes only the differing number', () => {
    const text = doc('处非联函〔2018〕112号', '2020 年 12 月 14 日');
    const findings = findingsOf(text, 'repeated-fact');
    expect(findings.map((f) => textOf(text, f))).toEqual(['处非联函〔2018〕112号']);
    const [finding] = findings;
    expect(finding.severity).toBe('warning');
    expect(finding.message.zh).toContain('此处为“处非联函〔2018〕112号”，另有 2 处写作“处非联函〔2018〕12 号”');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['处非联函〔2018〕12 号', '处非联函【2018】12号']);
    expect(finding.fixes[0].preferred).toBe(true);
    expect(finding.fixes[0].edits.map((e) => [text.slice(e.range.start, e.range.end), e.newText])).toEqual([['112', '12']]);
    expect(applyFixes(text, finding.fixes[0].edits)).toContain('(处非联函〔2018〕12号)');
  });

  it('flags a payment date that differs from the other citations', () => {
    const text = doc('处非联函〔2018〕12号', '2020 年 12 月 16 日');
    const findings = findingsOf(text, 'repeated-fact');
    expect(findings.map((f) => textOf(text, f))).toEqual(['2020 年 12 月 16 日']);
    expect(findings[0].message.zh).toContain('同一日期（支付）');
    expect(applyFixes(text, findings[0].fixes[0].edits)).toContain('已于 2020 年 12 月 14 日 完成资金支付');
  });

  it('does not treat two documents of one issuer as one fact', () => {
    expect(findingsOf(doc('处非联函〔2018〕12号', '2020 年 12 月 14 日'), 'repeated-fact')).toEqual([]);
  });
});
