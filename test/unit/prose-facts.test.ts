import { describe, expect, it } from 'vitest';
import { recognizeProse } from '../../server/src/core/recognize/prose/index';
import type { Range, Table } from '../../server/src/core/model/types';
import { proseInput } from './proseFixture';

describe('parts claims', () => {
  const doc = [
    '项目共支出 120.50 万元，其中：60 万元用于平台建设；60.50 万元用于运维。',
    '合计 30 万元，其中 10 万元、20 元用于其他。',
    '总计 5 万元，其中 60%用于采购。',
  ].join('\n\n');
  const r = recognizeProse(proseInput(doc));

  it('reads a total with its parts across ； when the units agree', () => {
    expect(r.partsClaims).toHaveLength(1);
    const [claim] = r.partsClaims;
    expect(claim.total.text).toBe('120.50');
    expect(claim.parts.map((p) => p.text)).toEqual(['60', '60.50']);
    for (const literal of [claim.total, ...claim.parts]) expect(doc.slice(literal.range.start, literal.range.end)).toBe(literal.text);
  });
});

describe('facts', () => {
  const doc = [
    '依据《关于进一步做好非法集资监测预警工作的函》（处非联函【2018】12号）。',
    '依据《关于进一步做好非法集资监测预警工作的函》(处非联函〔2018〕112\n号)和（新财预〔2018〕189 号）。',
    '该项目已于 2020 年 12 月 14 日由金融办完成验收。项目于 2020 年 12 月 16 日完成资金支付，预算执行率达到 100%。',
    '2020 年 12 月 14 日支付完毕。2020年1月5日天气晴。',
    '该项目总投资为 10万元，资金总额 10 万元，共计 10万元整。',
  ].join('\n\n');
  const cellText = '项目于 2020 年 12 月 14 日支付完毕';
  const cellStart = doc.length + 2;
  const full = `${doc}\n\n${cellText}`;
  const table = {
    index: 0, format: 'pipe', range: { start: cellStart, end: full.length }, headingPath: [], headerRows: 0, grid: [],
    cells: [{ text: cellText, range: { start: cellStart, end: full.length }, row: 1, col: 0, rowSpan: 1, colSpan: 1, header: false, numbers: [] }],
  } as Table;
  const input = { ...proseInput(doc), text: full, tables: [table] };
  const r = recognizeProse(input);
  const at = (range: Range): string => full.slice(range.start, range.end);

  it('normalises document numbers with their prefix and title', () => {
    const docs = r.facts.filter((f) => f.kind === 'docNumber');
    expect(docs.map((f) => [f.topic, f.normalized, f.span.text])).toEqual([
      ['处非联函', '处非联函〔2018〕12号', '处非联函【2018】12号'],
      ['处非联函', '处非联函〔2018〕112号', '处非联函〔2018〕112\n号'],
      ['新财预', '新财预〔2018〕189号', '新财预〔2018〕189 号'],
    ]);
    expect(docs[0].title).toBe('关于进一步做好非法集资监测预警工作的函');
    expect(docs[1].title).toBe(docs[0].title);
    for (const f of r.facts) expect(at(f.span.range)).toBe(f.span.text);
  });

  it('reads dates with the event of their clause, in prose and table cells', () => {
    const dates = r.facts.filter((f) => f.kind === 'date');
    expect(dates.map((f) => [f.topic, f.normalized, f.span.text])).toEqual([
      ['验收', '2020-12-14', '2020 年 12 月 14 日'],
      ['支付', '2020-12-16', '2020 年 12 月 16 日'],
      ['支付', '2020-12-14', '2020 年 12 月 14 日'],
      ['支付', '2020-12-14', '2020 年 12 月 14 日'],
    ]);
    expect(dates[3].span.range.start).toBeGreaterThanOrEqual(cellStart);
  });

  it('reads headline amounts with a coarse topic', () => {
    const amounts = r.facts.filter((f) => f.kind === 'amount');
    expect(amounts.map((f) => [f.topic, f.normalized, f.span.text])).toEqual([
      ['总投资', '10万元', '10万元'],
      ['总投资', '10万元', '10 万元'],
      ['共计', '10万元', '10万元'],
    ]);
  });

  it('qualifies a 共计 by what its clause adds up', () => {
    const facts = recognizeProse(proseInput('项目预算共计 150 万元；实际支出合计 142.5 万元，其中结余共计 7.5 万元。通过政采云购买，共计 10 万元。')).facts;
    expect(facts.map((f) => [f.topic, f.normalized])).toEqual([
      ['预算共计', '150万元'],
      ['支出共计', '142.5万元'],
      ['结余共计', '7.5万元'],
      ['共计', '10万元'],
    ]);
  });
});

describe('annexes', () => {
  const doc = [
    '# 七、报告附件',
    '共收回有效调查问卷 22份，其分析情况详见报告附件 3。评分情况详见附件1。详见报告附件相关内容。',
    '附件：',
    '附件 1：项目评分情况表',
    '## 附件 2：问卷调查表及分析报告',
  ].join('\n\n');
  const r = recognizeProse(proseInput(doc));
  const at = (range: Range): string => doc.slice(range.start, range.end);

  it('reads annex titles from paragraphs and headings', () => {
    expect(r.annexes.map((a) => [a.number, a.title.text, a.topic])).toEqual([
      [1, '项目评分情况表', 'scoring'],
      [2, '问卷调查表及分析报告', 'survey'],
    ]);
    for (const a of r.annexes) expect(at(a.title.range)).toBe(a.title.text);
  });

  it('reads references with the topic of their sentence', () => {
    expect(r.annexReferences.map((a) => [a.number, a.topic, a.span.text])).toEqual([
      [3, 'survey', '附件 3'],
      [1, 'scoring', '附件1'],
    ]);
    for (const a of r.annexReferences) expect(at(a.span.range)).toBe(a.span.text);
  });
});
