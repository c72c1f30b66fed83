import { describe, expect, it } from 'vitest';
import { recognizeProse } from '../../server/src/core/recognize/prose/index';
import type { Claim, Range } from '../../server/src/core/model/types';
import { indicatorTable, proseInput, TREE } from './proseFixture';

const DOC = [
  '# 四、评价指标分析',
  '项目决策类指标由 3 个二级指标和 6 个三级指标构成，分值为 20 分，实际得分 17.08 分。',
  '1.项目立项',
  '（1）立项依据充分性',
  '项目立项符合相关规定。综上所述，该指标满分 2.5 分，得分 2.5 分。',
  '2.绩效目标',
  '（1）绩效目标合理性',
  '未设立绩效目标表，故扣除权重分 25%；综上所述，该指标满分 5 分，扣分 1.25 分，得分 3.75 分。',
  '（2）绩效目标明确性',
  '综上所述，该指标满分 5 分，扣分 1.67 分，得分 3.33 分。',
  '过程类指标下设资金管理、组织实施 2 个二级指标，分值为 20 分，实际得分 19.38 分。',
  '（2）制度执行有效性',
  '采购合同未写明签订时间，故扣除25%权重分。',
  '综上所述，该指标满分 0.63 分，得分 1.88 分。',
  '（1）使用效果满意度',
  '满意度=［（12*100%+5*80%+5*60%）/22*1］*100%=86.36%，故扣 0.73 分。得分率 81.75%。',
  '# 五、评价结论',
  '总分 95.18 分，绩效评级为“优”。评价等级为良。等级为“良好”。',
  '（3）没有这个指标',
  '该指标满分 4 分，得分 4 分。',
].join('\n\n');

const input = proseInput(DOC, [indicatorTable(TREE)]);
const result = recognizeProse(input);

function slice(range: Range | undefined): string {
  return range ? DOC.slice(range.start, range.end) : '';
}

function find(field: Claim['field'], text: string): Claim {
  const claim = result.claims.find((c) => c.field === field && (c.literal?.text ?? c.label?.text) === text);
  if (!claim) throw new Error(`no ${field} claim ${text}: ${JSON.stringify(result.claims.map((c) => [c.field, c.literal?.text ?? c.label?.text]))}`);
  return claim;
}

describe('prose claims', () => {
  it('every literal and label range slices to its text', () => {
    expect(result.claims.length).toBeGreaterThan(10);
    for (const claim of result.claims) {
      if (claim.literal) expect(slice(claim.literal.range)).toBe(claim.literal.text);
      if (claim.label) expect(slice(claim.label.range)).toBe(claim.label.text);
      expect(slice(claim.sentence.range)).toBe(claim.sentence.text);
      if (claim.subject.kind === 'indicator' && claim.subject.range) expect(slice(claim.subject.range)).toBe(claim.subject.name);
    }
  });

  it('reads a level-1 summary sentence with the level-1 indicator as subject', () => {
    const weight = find('weight', '20');
    expect(weight.subject).toMatchObject({ kind: 'indicator', key: '决策', name: '项目决策类指标' });
    expect(find('score', '17.08').subject).toMatchObject({ kind: 'indicator', key: '决策' });
    expect(find('score', '19.38').subject).toMatchObject({ kind: 'indicator', key: '过程', name: '过程类指标' });
  });

  it('takes the subject from the section title', () => {
    const weight = result.claims.find((c) => c.field === 'weight' && c.literal?.text === '2.5');
    expect(weight?.subject).toMatchObject({ key: '决策/项目立项/立项依据充分性', name: '立项依据充分性' });
    expect(find('deduction', '1.25').subject).toMatchObject({ key: '决策/绩效目标/绩效目标合理性' });
  });

  it('matches a title written differently loosely, keeping the written name', () => {
    const claim = find('deduction', '1.67');
    expect(claim.subject).toMatchObject({ kind: 'indicator', key: '决策/绩效目标/绩效指标明确性', name: '绩效目标明确性' });
  });

  it('never reinterprets a 满分 smaller than the 得分', () => {
    expect(find('weight', '0.63').subject).toMatchObject({ key: '过程/组织实施/制度执行有效性' });
    expect(find('score', '1.88').subject).toMatchObject({ key: '过程/组织实施/制度执行有效性' });
  });

  it('does not read a share of the weight as points', () => {
    expect(result.claims.some((c) => c.literal?.text === '25')).toBe(false);
  });

  it('reads 故扣 as a deduction and 得分率 as a rate', () => {
    expect(find('deduction', '0.73').subject).toMatchObject({ key: '效益/满意度/使用效果满意度' });
    expect(find('rate', '81.75').literal?.unit).toBe('%');
  });

  it('reads the total and the grades as report claims', () => {
    expect(find('score', '95.18').subject).toEqual({ kind: 'report' });
    expect(find('grade', '优').subject).toEqual({ kind: 'report' });
    expect(slice(find('grade', '优').label?.range)).toBe('优');
    expect(find('grade', '良').label?.text).toBe('良');
    expect(find('grade', '良好').label?.text).toBe('良好');
  });

  it('gives each figure of a sentence the indicator named before it', () => {
    const doc = '决策类指标得分 19 分，过程类指标得分 18.5 分，效益类指标扣 2 分。过程类指标扣 1.5 分，其中预算执行率 87.5%，扣 0.5 分，制度执行有效性扣 1 分。';
    const claims = recognizeProse(proseInput(doc, [indicatorTable(TREE)])).claims;
    expect(claims.map((c) => [c.field, c.literal?.text, c.subject.kind === 'indicator' ? c.subject.key : 'report'])).toEqual([
      ['score', '19', '决策'],
      ['score', '18.5', '过程'],
      ['deduction', '2', '效益'],
      ['deduction', '1.5', '过程'],
      ['deduction', '0.5', '过程/资金管理/预算执行率'],
      ['deduction', '1', '过程/组织实施/制度执行有效性'],
    ]);
  });

  it('gives the indicators listed before 分别 the figures after it, in order', () => {
    const doc = '项目最终得分 90 分。其中决策、过程、效益类指标分别得分 19 分、18.5 分和 27 分。决策、过程类指标分别得分 19 分。';
    const claims = recognizeProse(proseInput(doc, [indicatorTable(TREE)])).claims;
    expect(claims.map((c) => [c.field, c.literal?.text, c.subject.kind === 'indicator' ? c.subject.key : 'report', c.subject.kind === 'indicator' ? doc.slice(c.subject.range!.start, c.subject.range!.end) : ''])).toEqual([
      ['score', '90', 'report', ''],
      ['score', '19', '决策', '决策'],
      ['score', '18.5', '过程', '过程'],
      ['score', '27', '效益', '效益类指标'],
      // two names, one figure: not a respective list; the figure goes to the first name, as before
      ['score', '19', '决策', '决策'],
    ]);
  });

  it('gives a sentence’s first figure the indicator named in its own clause, past 仅 and 为', () => {
    const doc = '二级指标中，资金管理得分率仅75.00%，绩效目标得分率80.00%，是得分率最低的两个二级指标。';
    const claims = recognizeProse(proseInput(doc, [indicatorTable(TREE)])).claims;
    expect(claims.map((c) => [c.field, c.literal?.text, c.subject.kind === 'indicator' ? c.subject.key : ''])).toEqual([
      ['rate', '75.00', '过程/资金管理'],
      ['rate', '80.00', '决策/绩效目标'],
    ]);
  });

  it('takes the section’s indicator when the sentence names another one as an object, not as its topic', () => {
    const doc = ['（2）绩效指标明确性', '信息平台运维经费未设置对应的效益指标，扣1.00分，得4.00分。'].join('\n\n');
    const claims = recognizeProse(proseInput(doc, [indicatorTable(TREE)])).claims;
    expect(claims.map((c) => [c.field, c.literal?.text, c.subject.kind === 'indicator' ? c.subject.key : ''])).toEqual([
      ['deduction', '1.00', '决策/绩效目标/绩效指标明确性'],
      ['score', '4.00', '决策/绩效目标/绩效指标明确性'],
    ]);
  });

  it('reads a deduction per item (每…扣) as a rate, not as the indicator’s 扣分', () => {
    const doc = '制度执行有效性方面，发现 3 所学校记录不全，按每所学校扣 0.5 分，共扣 1.5 分；每降低 1 个百分点扣 0.2 分。';
    const claims = recognizeProse(proseInput(doc, [indicatorTable(TREE)])).claims;
    expect(claims.map((c) => [c.field, c.literal?.text])).toEqual([['deduction', '1.5']]);
  });

  it('keeps the section’s indicator for every figure of a sentence about “this indicator”', () => {
    const doc = ['（1）使用效果满意度', '该指标满分 4 分，根据制度执行有效性的检查结果扣 1 分，得分 3 分。'].join('\n\n');
    const claims = recognizeProse(proseInput(doc, [indicatorTable(TREE)])).claims;
    expect(claims.map((c) => (c.subject.kind === 'indicator' ? c.subject.key : 'report'))).toEqual(Array(3).fill('效益/满意度/使用效果满意度'));
  });

  it('keeps an unknown title as the subject of 该指标 with no key', () => {
    const claim = find('weight', '4');
    expect(claim.subject).toEqual({ kind: 'indicator', name: '没有这个指标', range: expect.anything() });
  });
});

describe('prose counts', () => {
  it('reads per-level counts with the level-1 subject', () => {
    const decision = result.countClaims.find((c) => c.subjectKey === '决策');
    expect(decision?.counts.map((c) => [c.level, c.literal.text])).toEqual([[2, '3'], [3, '6']]);
    for (const c of decision?.counts ?? []) expect(slice(c.literal.range)).toBe(c.literal.text);
    const process = result.countClaims.find((c) => c.subjectKey === '过程');
    expect(process?.counts.map((c) => [c.level, c.literal.text])).toEqual([[2, '2']]);
  });

  it('reads four levels and whole-system counts', () => {
    const doc = '部门整体类指标由 4 个一级指标、4 个二级指标、6 个四级指标构成。共性指标下设决策与过程 2个一级指标，其中决策下设项目立项、绩效目标、资金投入 3个二级指标。';
    const r = recognizeProse(proseInput(doc, [indicatorTable(TREE)]));
    expect(r.countClaims.map((c) => [c.subjectKey, c.counts.map((n) => `${n.level}:${n.literal.text}`).join(',')])).toEqual([
      ['', '1:4,2:4,4:6'],
      ['', '1:2'],
      ['决策', '2:3'],
    ]);
  });
  it('does not take a level-1 name that begins a counted indicator’s name (产出数量) for the subject', () => {
    const tree = [['产出'], ['产出', '产出数量'], ['产出', '产出质量'], ['效益'], ['效益', '项目效益']];
    const doc = '设置产出、效益两类指标，产出数量、产出质量、项目效益3个二级指标。产出类指标下设 2 个二级指标。';
    const r = recognizeProse(proseInput(doc, [indicatorTable(tree)]));
    expect(r.countClaims.map((c) => [c.subjectKey, c.counts.map((n) => `${n.level}:${n.literal.text}`).join(',')])).toEqual([
      ['', '2:3'],
      ['产出', '2:2'],
    ]);
  });

  it('reads the counts after a count of the 一级指标 as the whole system’s, though the sentence names one', () => {
    const doc = '设计了“决策、过程、产出、效益”四个一级指标，下设 11 个二级指标、19 个三级指标和 32 个四级指标。决策类指标下设 3 个二级指标。';
    const r = recognizeProse(proseInput(doc, [indicatorTable(TREE)]));
    expect(r.countClaims.map((c) => [c.subjectKey, c.counts.map((n) => `${n.level}:${n.literal.text}`).join(',')])).toEqual([
      ['', '2:11,3:19,4:32'],
      ['决策', '2:3'],
    ]);
  });
});

describe('prose formulas', () => {
  const doc = [
    '（1）资金到位率',
    '资金总额 10万元，资金到位\n率=（10/10）×100%=100%。',
    '（2）预算执行率',
    '预算执行率=（452.36/480.00）×100%=94.24%。',
    '（1）使用效果满意度',
    '根据计算公式：满意度（%）=［“非常满意”人数*100%+“满意”人数*80%/总人数*100%+“一般”人数*60%/总人数］*100%=［（12*100%+6*80%+4*60%）/22*1］*100%=87.27%，故扣 0.55 分。',
    '模板：满意度=［“非常满意”人数*100%+“满意”人数*80%］*100%=90%。',
    '比例为 19/22=86.36%，比值=10/10。',
  ].join('\n\n');
  const r = recognizeProse(proseInput(doc, [indicatorTable(TREE)]));
  const at = (range: Range): string => doc.slice(range.start, range.end);

  it('finds the last arithmetic segment of each = chain', () => {
    expect(r.formulas.map((f) => [f.label, f.expression.text, f.result.text + f.result.unit, f.value?.toFixed(4), f.subjectKey])).toEqual([
      ['资金到位率', '（10/10）×100%', '100%', '100.0000', '过程/资金管理/资金到位率'],
      ['预算执行率', '（452.36/480.00）×100%', '94.24%', '94.2417', '过程/资金管理/预算执行率'],
      ['满意度（%）', '［（12*100%+6*80%+4*60%）/22*1］*100%', '87.27%', '87.2727', '效益/满意度/使用效果满意度'],
      ['比例为', '19/22', '86.36%', '86.3636', '效益/满意度/使用效果满意度'],
    ]);
    for (const f of r.formulas) {
      expect(at(f.expression.range)).toBe(f.expression.text);
      expect(at(f.result.range)).toBe(f.result.text);
    }
  });

  it('records the weighted satisfaction operands', () => {
    const weighted = r.formulas[2].weighted;
    expect(weighted?.terms.map((t) => [t.count.text, t.weight.text])).toEqual([['12', '100'], ['6', '80'], ['4', '60']]);
    expect(weighted?.total.text).toBe('22');
    for (const t of weighted?.terms ?? []) expect(at(t.count.range)).toBe(t.count.text);
  });
});

describe('prose recognizers on arbitrary text', () => {
  it('never throw and keep every range on its text', async () => {
    const fc = (await import('fast-check')).default;
    const pieces = ['满分', '得分', '扣', '5', '2.5', ' 分', '%', '，', '。', '；', '\n', '\n\n', '=', '（', '）', '×', '/', '附件', '详见', '2020 年', '12 月', '14 日', '支付', '〔2018〕', '12号', '处非联函', '共计', '万元', '其中', '个二级指标', '由', '决策类指标', '（1）', '绩效目标明确性', '评级为', '“优”', '①'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (parts) => {
        const doc = parts.join('');
        const r = recognizeProse(proseInput(doc, [indicatorTable(TREE)]));
        for (const c of r.claims) if (c.literal) expect(doc.slice(c.literal.range.start, c.literal.range.end)).toBe(c.literal.text);
        for (const f of r.facts) expect(doc.slice(f.span.range.start, f.span.range.end)).toBe(f.span.text);
        for (const f of r.formulas) expect(doc.slice(f.expression.range.start, f.expression.range.end)).toBe(f.expression.text);
      }),
      { numRuns: 500 },
    );
  });
});
