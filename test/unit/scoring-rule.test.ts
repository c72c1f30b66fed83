import { describe, expect, it } from 'vitest';
import type { ScoringRule } from '../../server/src/core/model/types';
import { parseScoringRule } from '../../server/src/core/recognize/prose/scoringRules';
import { recognizeProse } from '../../server/src/core/recognize/prose/index';
import { indicatorTable, proseInput } from './proseFixture';

const rule = (text: string): ScoringRule | undefined => parseScoringRule({ text, range: { start: 0, end: text.length } });

/** A rule as plain data: Decimals as strings. */
function plain(r: ScoringRule | undefined): unknown {
  return JSON.parse(JSON.stringify(r ?? null, (key, value: unknown) => (key === 'text' ? undefined : value)));
}

describe('parseScoringRule', () => {
  it('element rules with fixed points per element', () => {
    expect(plain(rule('①已制定预算资金管理办法等管理制度,1分;②相关管理制度合法、合规、完整,1分;③相关管理制度得到有效执行,1分。'))).toEqual({
      kind: 'element', elements: 3, points: ['1', '1', '1'],
    });
    expect(plain(rule('①制度健全，计1.5分；②执行有效，得 2 分'))).toEqual({ kind: 'element', elements: 2, points: ['1.5', '2'] });
    // an item without its own points: not a fixed-point rule
    expect((rule('①制度健全,1分;②执行有效。') as { points?: unknown } | undefined)?.points).toBeUndefined();
  });

  it('reads steps and shares without quadratic regexes', () => {
    expect(plain(rule('以100%为标准,每降低一个百分点扣0.5分'))).toMatchObject({ kind: 'per-point', family: 'points', step: '1', per: '0.5' });
    expect(plain(rule('每低于目标值2.5%扣1分'))).toMatchObject({ kind: 'per-point', step: '2.5', per: '1' });
    expect(plain(rule('①a；②b；③c。分别占30%、30%、40%权重分'))).toMatchObject({ shares: ['0.3', '0.3', '0.4'] });
    const long = `${'1'.repeat(20000)}x`;
    const t0 = performance.now();
    rule(`每${long}扣1分；${long}`);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('element rules from circled items and an equal share', () => {
    expect(plain(rule('①项目立项依据充分；②符合规划；③属于公共财政支持范围；④无重复。以上每条要素占权重分的25%，每有一条不符合，扣除对应权重分。'))).toEqual({
      kind: 'element', elements: 4, shares: ['0.25', '0.25', '0.25', '0.25'],
    });
    // 4 items but 20% each: both kept, so a rule can flag the text
    expect(plain(rule('①a；②b；③c；④d。以上每条要素占权重分的20%，每有一条不符合，扣除对应权重分'))).toMatchObject({ elements: 4, shares: ['0.2', '0.2', '0.2', '0.2'] });
    expect(plain(rule('以上每条要素占权重分的1/3，每有一条不符合，扣除对应权重分'))).toMatchObject({ kind: 'element', elements: 3 });
    expect(plain(rule('有规定立项、决策流程的项目选择以上三项分别占30%、30%、40%权重分,全部符合得满分'))).toEqual({
      kind: 'element', elements: 3, shares: ['0.3', '0.3', '0.4'],
    });
  });

  it('per-point families', () => {
    expect(plain(rule('资金到位率=100%，得权重分满分，每降低1%，扣除5%权重分，扣完为止。'))).toEqual({ kind: 'per-point', family: 'weight-percent', step: '1', per: '5' });
    expect(plain(rule('计划建设内容完成100%的得20分,每减少1个百分点扣1分,扣完20分为止'))).toEqual({ kind: 'per-point', family: 'points', step: '1', per: '1' });
    expect(plain(rule('实际完成情况与计划每相差3%,扣1分,扣满15分为止'))).toEqual({ kind: 'per-point', family: 'points', step: '3', per: '1' });
    expect(plain(rule('以100%为标准。在职人员控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止'))).toEqual({
      kind: 'per-point', family: 'over-threshold', step: '1', per: '0.5', threshold: '100',
    });
    expect(plain(rule('以上情况每出现一例不符合要求的扣1分,扣完为止'))).toEqual({ kind: 'per-point', family: 'per-occurrence', step: '1', per: '1' });
    expect(plain(rule('未按进度完成的扣0.5分/个'))).toEqual({ kind: 'per-point', family: 'per-occurrence', step: '1', per: '0.5' });
  });

  it('proportional scoring', () => {
    expect(plain(rule('按完成比例计算得分,满分为止'))).toEqual({ kind: 'ratio', capped: true });
    expect(plain(rule('未完成指标值的，按照完成值与指标值的比例记分'))).toEqual({ kind: 'ratio', capped: false });
  });

  it('bands with (含) per bound', () => {
    expect(plain(rule('重点支出安排率≥90%,计5分;80%(含)-90%,计4分;70%(含)-80%,计3分;60%(含)-70%,计2分;低于60%不得分'))).toEqual({
      kind: 'band',
      bands: [
        { low: '90', lowInclusive: true, highInclusive: false, points: '5' },
        { low: '80', lowInclusive: true, high: '90', highInclusive: false, points: '4' },
        { low: '70', lowInclusive: true, high: '80', highInclusive: false, points: '3' },
        { low: '60', lowInclusive: true, high: '70', highInclusive: false, points: '2' },
        { high: '60', highInclusive: false, lowInclusive: true, points: '0' },
      ],
    });
    expect(plain(rule('预算调整率=0,计3分;0-10%(含),计2分;10-20%(含),计1分;20-30%(含),计0.5分;大于30%不得分'))).toEqual({
      kind: 'band',
      bands: [
        { low: '0', lowInclusive: true, high: '0', highInclusive: true, points: '3' },
        { low: '0', lowInclusive: false, high: '10', highInclusive: true, points: '2' },
        { low: '10', lowInclusive: false, high: '20', highInclusive: true, points: '1' },
        { low: '20', lowInclusive: false, high: '30', highInclusive: true, points: '0.5' },
        { low: '30', lowInclusive: false, highInclusive: false, points: '0' },
      ],
    });
  });

  it('bands paying a share of the 分值, written either way round', () => {
    const bands = [
      { low: '90', lowInclusive: true, highInclusive: false, weightShare: '1' },
      { low: '80', lowInclusive: true, high: '90', highInclusive: false, weightShare: '0.8' },
      { low: '70', lowInclusive: true, high: '80', highInclusive: false, weightShare: '0.6' },
      { high: '70', highInclusive: false, lowInclusive: true, points: '0' },
    ];
    expect(plain(rule('90%（含）以上得满分，80%（含）-90%得80%分值，70%（含）-80%得60%分值，70%以下不得分。'))).toEqual({ kind: 'band', bands });
    expect(plain(rule('90%（含）以上得满分；80%（含）-90%得分值的80%；70%（含）-80%按分值的60%计分；70%以下不得分'))).toEqual({ kind: 'band', bands });
    expect(plain(rule('95%以上得满分，90%-95%得满分的90%'))).toMatchObject({ bands: [{ weightShare: '1' }, { low: '90', high: '95', weightShare: '0.9' }] });
  });

  it('unknown text gives no rule', () => {
    expect(rule('根据项目实际情况酌情打分')).toBeUndefined();
    expect(rule('')).toBeUndefined();
  });

  it('is attached to the indicator key through recognizeProse, keeping the criterion span', () => {
    const criterion = '按完成比例计算得分,满分为止';
    const doc = `评分标准：${criterion}`;
    const table = indicatorTable([['产出'], ['产出', '产出数量'], ['产出', '产出数量', '实际完成率']], { 实际完成率: criterion }, doc);
    const result = recognizeProse(proseInput(doc, [table]));
    expect(result.indicatorRules).toHaveLength(1);
    expect(result.indicatorRules[0].key).toBe('产出/产出数量/实际完成率');
    const span = result.indicatorRules[0].rule.text;
    expect(doc.slice(span.range.start, span.range.end)).toBe(criterion);
  });
});
