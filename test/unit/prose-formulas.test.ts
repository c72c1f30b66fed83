import { describe, expect, it } from 'vitest';
import type { Range } from '../../server/src/core/model/types';
import { documentContext, paragraphContext, recognizeParagraph, recognizeProse } from '../../server/src/core/recognize/prose/index';
import { isCalculation, tokenizeFormula } from '../../server/src/core/text/formula';
import { indicatorTable, proseInput, TREE } from './proseFixture';

const calculation = (text: string): boolean => isCalculation(tokenizeFormula(text) ?? [], text);

describe('isCalculation', () => {
  it('wants an operator between two operands', () => {
    for (const yes of ['（10/10）×100%', '19/22', '(18.60-20.40)/20.40×100%', '100-95.18', '-1.80/20.40', '100-95', '2+3']) expect(calculation(yes), yes).toBe(true);
    for (const no of ['-5', '100%', '（5）', '3-4', '80-89', '80%-89%', '2020-12-14', '2020-12', '2020/12/14', '3-3']) expect(calculation(no), no).toBe(false);
  });
});

describe('formula shape in prose', () => {
  const doc = [
    'The column sums still work (三级 分值 column of 表3-3 = 40, 表3-4 = 20).',
    '见图 2-1 = 5 处，第3-5条=2 项，附件1 = 3 份。',
    '评分区间 80-89 = 12 人，付款日期 2020-12-14 = 1 笔。',
    '合计 1,687 = 1,687。',
    '“三公经费”变动率=（18.60-20.40）/20.40×100%=-8.28%，小于 0。',
    '变动率=（18.60－20.40）／20.40×100%=−8.82%；比值=（１－３）/２=－1。',
    '差额=100-95.18=4.82，增长率=（20-18）/18×100%=11.11%。',
  ].join('\n\n');
  const r = recognizeProse(proseInput(doc, [indicatorTable(TREE)]));
  const at = (range: Range): string => doc.slice(range.start, range.end);

  it('ignores table, figure and article numbers, ranges and dates', () => {
    expect(r.formulas.map((f) => f.expression.text)).toEqual([
      '（18.60-20.40）/20.40×100%', '（18.60－20.40）／20.40×100%', '（１－３）/２', '100-95.18', '（20-18）/18×100%',
    ]);
  });

  it('reads a signed result: text and range cover the sign, value and result are negative', () => {
    expect(r.formulas.map((f) => [f.result.text, f.result.value.toString(), f.value?.toDecimalPlaces(4).toString()])).toEqual([
      ['-8.28', '-8.28', '-8.8235'],
      ['−8.82', '-8.82', '-8.8235'],
      ['－1', '-1', '-1'],
      ['4.82', '4.82', '4.82'],
      ['11.11', '11.11', '11.1111'],
    ]);
    for (const f of r.formulas) {
      expect(at(f.result.range)).toBe(f.result.text);
      expect(at(f.expression.range)).toBe(f.expression.text);
    }
    expect(r.formulas[0].label).toBe('“三公经费”变动率');
  });
});

describe('quoted passages', () => {
  const doc = [
    '（2）制度执行有效性',
    'Section 三 says “综上所述，该指标满分 0.63 分，得分 1.88 分。” and `扣分 0.63 分` is quoted.',
    '它写道“（18.60-20.40）/20.40×100%=-8.28%”，而“资金支付于 2020 年 12 月 16 日完成，详见附件 3。”',
    '该指标满分 2.5 分，“三公经费”得分 2 分。',
  ].join('\n\n');
  const r = recognizeProse(proseInput(doc, [indicatorTable(TREE)]));

  it('reads nothing inside a quotation that holds a clause, but keeps quoted terms', () => {
    expect(r.claims.map((c) => c.literal?.text)).toEqual(['2.5', '2']);
    expect(r.formulas).toEqual([]);
    expect(r.facts).toEqual([]);
    expect(r.annexReferences).toEqual([]);
  });
});

describe('recognizeParagraph', () => {
  it('gives the same result with the paragraph context as with the whole document', () => {
    const doc = [
      '# 三、评价指标分析',
      '（1）资金到位率',
      '资金到位率=（10/10）×100%=100%。该指标满分 5 分，得分 5 分。',
      '（2）预算执行率',
      '预算执行率=（452.36/480.00）×100%=94.24%，该指标满分 5 分，扣分 0.5 分。',
      '过程类指标下设资金管理、组织实施 2 个二级指标，分值为 20 分。',
    ].join('\n\n');
    const input = proseInput(doc, [indicatorTable(TREE)]);
    const whole = documentContext(input);
    for (const paragraph of input.paragraphs) {
      const local = paragraphContext(whole, paragraph);
      expect(local.sections.titles.length).toBeLessThanOrEqual(3);
      expect(recognizeParagraph(local, paragraph)).toEqual(recognizeParagraph(whole, paragraph));
    }
    const second = recognizeParagraph(whole, input.paragraphs[3]);
    expect(second.claims.map((c) => [c.field, c.literal?.text, c.subject.kind === 'indicator' ? c.subject.key : ''])).toEqual([
      ['weight', '5', '过程/资金管理/预算执行率'],
      ['deduction', '0.5', '过程/资金管理/预算执行率'],
    ]);
  });
});
