import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockCache } from '../../server/src/core/parse/blocks';
import { buildModel } from '../../server/src/core/model/build';
import { modelToJson } from '../../server/src/core/model/serialize';
import type { Indicator, NumberLiteral, ReportModel } from '../../server/src/core/model/types';
import { expectLiteralsExact } from './recognize-tables.helpers';

const SAMPLES = join(__dirname, '../../samples');
const files = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.md') && f !== 'README.md') : [];
const load = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');
const txt = (l: NumberLiteral | undefined) => l?.text;

function tableByCaption(model: ReportModel, caption: string) {
  const table = model.indicatorTables.find((t) => t.caption?.text.startsWith(caption));
  expect(table, caption).toBeDefined();
  return table!;
}

/** key → [weight or parts, score] as written. */
function values(indicators: Indicator[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of indicators) out[i.key] = `${i.weight?.text ?? i.weightParts.map((p) => p.text).join('+')}|${i.deduction?.text ?? ''}|${i.score?.text ?? ''}`;
  return out;
}

describe.each(files)('sample %s', (file) => {
  const text = load(file);
  const model = buildModel(text);

  it('builds a model whose literals are the document text at their ranges', () => {
    expect(model.notices.filter((n) => n.code === 'internal-error')).toEqual([]);
    expectLiteralsExact(model);
    expect(() => JSON.stringify(modelToJson(model))).not.toThrow();
  });

  it('gives the same model from a warm cache after unrelated edits as from a fresh parse', () => {
    const cache = new BlockCache();
    buildModel(text, cache);
    const middle = text.indexOf('\n\n', Math.floor(text.length / 2));
    const edited = `${text.slice(0, middle)}\n\n新增一段。${text.slice(middle)}`.replace(/\n\n/u, '\n\n补充。\n\n');
    cache.hits = 0;
    cache.misses = 0;
    const warm = buildModel(edited, cache);
    expect(cache.misses).toBeLessThanOrEqual(3);
    expect(cache.hits).toBeGreaterThan(10);
    expect(modelToJson(warm)).toEqual(modelToJson(buildModel(edited)));
  });
});

describe.runIf(files.includes('seed-report.md'))('seed-report.md', () => {
  const model = buildModel(load('seed-report.md'));

  it('recognizes 表3-1 … 表3-4 with their paths and values', () => {
    expect(values(tableByCaption(model, '表 3-1').indicators)).toMatchObject({
      项目决策: '20||',
      '项目决策/项目立项/立项依据充分性': '2.5||2.5',
      '项目决策/绩效目标/绩效目标合理性': '5||3.75',
      '项目决策/绩效目标/绩效指标明确性': '5||3.33',
    });
    expect(values(tableByCaption(model, '表 3-2').indicators)).toMatchObject({
      项目过程: '20||',
      '项目过程/资金管理': '10||',
      '项目过程/资金管理/资金到位率': '3||3',
      '项目过程/组织实施/制度执行有效性': '2.5||1.88',
    });
    const t33 = tableByCaption(model, '表 3-3');
    expect(t33.depth).toBe(4);
    const rate = t33.indicators.find((i) => i.key === '产出/产出数量/实际完成率')!;
    expect(rate.weight).toBeUndefined();
    expect(rate.weightParts.map((p) => p.text)).toEqual(['5', '5']);
    expect(t33.totals[0].weights.map(txt)).toEqual([undefined, '40', '40', '40']);
    const t34 = tableByCaption(model, '表 3-4');
    const satisfaction = t34.indicators.find((i) => i.key === '效益/项目效益/满意度指标')!;
    expect(satisfaction.weightParts.map((p) => p.text)).toEqual(['4', '4']);
    expect(satisfaction.children).toHaveLength(2);
    expect(txt(t34.totals[0].score)).toBe('18.73');
    expect(model.text.slice(t34.totals[0].score!.range.start, t34.totals[0].score!.range.end)).toBe('18.73');
  });

  it('reads the framework table with weights written into the level names', () => {
    const framework = tableByCaption(model, '表 1');
    expect(values(framework.indicators)).toMatchObject({ 决策: '20||', '决策/绩效目标': '10||', 产出: '40||', 效益: '20||', '效益/项目效益': '20||' });
    expect(framework.indicators.find((i) => i.key === '决策')!.name).toBe('决策');
  });

  it('reads the transposed 得分表 (its 分值 row is the score)', () => {
    const [summary] = model.summaryTables;
    expect(summary.transposed).toBe(true);
    expect(summary.entries.map((e) => [e.name.text, txt(e.weight), txt(e.score), txt(e.rate)])).toContainEqual(['项目效益', '20', '18.72', '93.6']);
    expect(txt(summary.total?.score)).toBe('95.18');
  });

  it('reads the grade band table and sentence', () => {
    const table = model.gradeScales.find((g) => g.source === 'table')!;
    expect(table.bands.map((b) => b.label.text)).toEqual(['优', '良', '中', '差']);
    expect(table.bands[1]).toMatchObject({ lowInclusive: true, highInclusive: true });
    expect([txt(table.bands[1].low), txt(table.bands[1].high)]).toEqual(['80', '89']);
    expect(model.gradeScales.some((g) => g.source === 'sentence' && g.bands.length === 4)).toBe(true);
  });

  it('reads the 7 survey tables of 附件2, each with 22 respondents', () => {
    // the questionnaire has 11 questions; 1, 2, 8 and 9 are 填空题 without a result table
    expect(model.surveys).toHaveLength(7);
    expect(model.surveys.every((q) => txt(q.respondents) === '22')).toBe(true);
    const q10 = model.surveys.find((q) => q.title.text.startsWith('10.'))!;
    expect(q10.options.map((o) => [o.label.text, txt(o.count)])).toEqual([['非常满意', '12'], ['满意', '5'], ['一般', '5'], ['不太满意', '0'], ['非常不满意', '0']]);
  });

  it('reads the annex table with its text columns', () => {
    const annex = model.indicatorTables.find((t) => t.annex)!;
    const item = annex.indicators.find((i) => i.key === '项目过程/组织实施/制度执行有效性')!;
    expect([txt(item.weight), txt(item.deduction), txt(item.score)]).toEqual(['2.5', '0.63', '1.88']);
    expect(item.criterion?.text).toMatch(/^①/u);
    expect(item.remark?.text.length).toBeGreaterThan(10);
    expect(model.text.slice(item.criterion!.range.start, item.criterion!.range.end)).toContain('①');
    expect([txt(annex.totals[0].deduction), txt(annex.totals[0].score)]).toEqual(['4.82', '95.18']);
  });
});

describe.runIf(files.includes('seed-report.md') && files.includes('seed-report-html.md'))('seed-report-html.md', () => {
  it('gives the same indicator keys and values as the pipe-table version', () => {
    const pipe = buildModel(load('seed-report.md'));
    const html = buildModel(load('seed-report-html.md'));
    expect(html.tables.filter((t) => t.format === 'html').length).toBeGreaterThan(5);
    const flatten = (m: ReportModel) => m.indicatorTables.map((t) => ({ caption: t.caption?.text, annex: t.annex, values: values(t.indicators), totals: t.totals.map((r) => [r.weights.map(txt), txt(r.deduction), txt(r.score)]) }));
    expect(flatten(html)).toEqual(flatten(pipe));
    const summary = (m: ReportModel) => m.summaryTables.map((s) => s.entries.map((e) => [e.name.text, txt(e.weight), txt(e.score), txt(e.rate)]));
    expect(summary(html)).toEqual(summary(pipe));
  });
});

describe.runIf(files.includes('dept-overall-report.md'))('dept-overall-report.md', () => {
  it('reads the 4-level annex table with one 分值 column for the leaves and weights in the names', () => {
    const model = buildModel(load('dept-overall-report.md'));
    const [table] = model.indicatorTables;
    expect(table.depth).toBe(4);
    expect(values(table.indicators)).toMatchObject({
      投入: '15||',
      '过程/预算执行': '10||',
      '过程/预算执行/预算执行率': '4||3.80',
      '产出/职责履行/重点工作任务完成率': '18||',
      '产出/职责履行/重点工作任务完成率/农作物病虫害统防统治覆盖率': '4||3.76',
      '产出/职责履行/工作完成及时率': '6||4',
    });
    expect(table.indicators.filter((i) => i.level === 3)).toHaveLength(19);
    expect(table.indicators.filter((i) => i.level === 4)).toHaveLength(4);
    expect(txt(table.totals[0].score)).toBe('89.58');
  });
});

describe.runIf(files.includes('self-eval-report.md'))('self-eval-report.md', () => {
  it('reads the 自评表 funds block, indicator rows and stated total', () => {
    const model = buildModel(load('self-eval-report.md'));
    const [table] = model.selfEvalTables;
    expect(table.funds.map((f) => [f.label.text, txt(f.executed), f.total, f.breakdown])).toEqual([
      ['年度资金总额', '146.86', true, undefined],
      ['其中：当年财政拨款', '126.36', false, 0],
      ['上年结转资金', '18.50', false, 0],
      ['其他资金', '0.00', false, 0],
    ]);
    expect(table.indicators).toHaveLength(11);
    expect(txt(table.statedTotal)).toBe('96.72');
  });
});
