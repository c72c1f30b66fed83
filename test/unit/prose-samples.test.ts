import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../server/src/core/model/build';
import type { Claim, ReportModel } from '../../server/src/core/model/types';

const SAMPLES = join(__dirname, '../../samples');

function load(name: string): ReportModel {
  return buildModel(readFileSync(join(SAMPLES, name), 'utf8'));
}

function claim(model: ReportModel, field: Claim['field'], text: string): Claim[] {
  return model.claims.filter((c) => c.field === field && (c.literal?.text ?? c.label?.text) === text);
}

describe.runIf(existsSync(join(SAMPLES, 'seed-report.md')))('prose recognizers on the seed report', () => {
  for (const file of ['seed-report.md', 'seed-report-html.md']) {
    describe(file, () => {
      const model = load(file);
      const at = (r: { start: number; end: number }): string => model.text.slice(r.start, r.end);

      it('keeps every range on its text', () => {
        for (const c of model.claims) {
          if (c.literal) expect(at(c.literal.range)).toBe(c.literal.text);
          if (c.label) expect(at(c.label.range)).toBe(c.label.text);
        }
        for (const f of model.formulas) expect(at(f.expression.range)).toBe(f.expression.text);
        for (const f of model.facts) expect(at(f.span.range)).toBe(f.span.text);
        for (const r of model.annexReferences) expect(at(r.span.range)).toBe(r.span.text);
        // a rule keeps its indicator's 评分标准 span (plain cell text; its range covers the source cell)
        const criteria = model.indicatorTables.flatMap((t) => t.indicators).map((i) => i.criterion);
        for (const r of model.indicatorRules) expect(criteria).toContain(r.rule.text);
      });

      it('reads 满分 0.63 as a weight claim on 制度执行有效性', () => {
        const [weight] = claim(model, 'weight', '0.63');
        expect(weight.subject).toMatchObject({ kind: 'indicator', name: '制度执行有效性' });
        expect(weight.subject.kind === 'indicator' && weight.subject.key?.endsWith('/组织实施/制度执行有效性')).toBe(true);
      });

      it('reads 实际得分 18.73 as a score claim on the 效益 category', () => {
        const [score] = claim(model, 'score', '18.73');
        expect(score.subject).toMatchObject({ kind: 'indicator', name: '项目效益类指标' });
        expect(score.subject.kind === 'indicator' && ['效益', '项目效益'].includes(score.subject.key ?? '')).toBe(true);
      });

      it('reads the total and both grades as report claims', () => {
        expect(claim(model, 'score', '95.18').map((c) => c.subject.kind)).toEqual(['report', 'report']);
        expect(claim(model, 'grade', '优')).toHaveLength(1);
        expect(claim(model, 'grade', '优秀')).toHaveLength(1);
      });

      it('reads the structure counts of 决策', () => {
        const counts = model.countClaims.find((c) => c.counts.length === 2 && c.counts[0].level === 2 && c.counts[1].level === 3 && c.counts[1].literal.text === '6');
        expect(counts?.counts.map((c) => c.literal.text)).toEqual(['3', '6']);
        expect(['决策', '项目决策']).toContain(counts?.subjectKey);
      });

      it('reads the formulas with their results and operands', () => {
        const results = model.formulas.map((f) => `${f.result.text}${f.result.unit}`);
        expect(results).toContain('86.36%');
        expect(results).toContain('87.27%');
        expect(results.filter((r) => r === '100%').length).toBeGreaterThanOrEqual(4);
        const satisfaction = model.formulas.find((f) => f.result.text === '86.36');
        expect(satisfaction?.value?.toDecimalPlaces(2).toString()).toBe('86.36');
        expect(satisfaction?.weighted?.terms.map((t) => t.count.text)).toEqual(['12', '5', '5']);
        expect(satisfaction?.weighted?.total.text).toBe('22');
      });

      it('collects the repeated facts', () => {
        const docs = model.facts.filter((f) => f.kind === 'docNumber' && f.topic === '处非联函').map((f) => f.normalized);
        expect(docs).toContain('处非联函〔2018〕12号');
        expect(docs).toContain('处非联函〔2018〕112号');
        const payments = new Set(model.facts.filter((f) => f.kind === 'date' && f.topic === '支付').map((f) => f.normalized));
        expect(payments).toEqual(new Set(['2020-12-14', '2020-12-16']));
        const amounts = model.facts.filter((f) => f.kind === 'amount').map((f) => f.normalized);
        expect(amounts.length).toBeGreaterThanOrEqual(3);
        expect(new Set(amounts)).toEqual(new Set(['10万元']));
      });

      it('reads the annexes and the reference to 附件 3 about the survey', () => {
        expect(model.annexes.map((a) => [a.number, a.topic])).toEqual([[1, 'scoring'], [2, 'survey'], [3, ''], [4, 'photos']]);
        expect(model.annexReferences.map((r) => [r.number, r.topic, r.span.text])).toEqual([[3, 'survey', '附件 3']]);
      });

      it('parses the 评分标准 of the annex table', () => {
        const kinds = new Map(model.indicatorRules.map((r) => [r.key.split('/').pop(), r.rule]));
        expect(kinds.get('资金到位率')).toMatchObject({ kind: 'per-point', family: 'weight-percent' });
        expect(kinds.get('绩效目标合理性')).toMatchObject({ kind: 'element', elements: 4 });
      });
    });
  }
});

describe.runIf(existsSync(join(SAMPLES, 'dept-overall-report.md')))('prose recognizers on the department report', () => {
  const model = load('dept-overall-report.md');

  it('takes the subject from an enumerated paragraph whose first sentence is the title', () => {
    const [weight] = model.claims.filter((c) => c.field === 'weight' && c.subject.kind === 'indicator' && c.subject.name === '在职人员控制率');
    expect(weight?.literal?.text).toBe('5');
    expect(weight.subject).toMatchObject({ key: '投入/预算配置/在职人员控制率' });
  });

  it('gives 四级 counts to the indicator that holds them', () => {
    const fourth = model.countClaims.filter((c) => c.counts.length === 1 && c.counts[0].level === 4);
    expect(fourth.map((c) => c.subjectKey)).toEqual(['产出/职责履行/重点工作任务完成率', '产出/职责履行/重点工作任务完成率']);
  });

  it('records the satisfaction operands including a zero weight', () => {
    const satisfaction = model.formulas.find((f) => f.weighted);
    expect(satisfaction?.weighted?.terms.map((t) => `${t.count.text}×${t.weight.text}${t.weight.unit}`)).toEqual(['162×100%', '105×80%', '27×60%', '6×0']);
  });
});
