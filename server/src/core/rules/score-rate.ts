/**
 * score-rate — 得分率 = 得分 / 分值.
 *
 * What: every 得分率 written in an indicator row, a 合计 row or a summary table (得分表) equals the
 * score divided by the weight of the same row or column, 四舍五入 to the precision written.
 * Why: rates are recomputed by hand and often left unchanged after a score was corrected.
 * Example: 得分表 项目效益 得分 18.72, 权重 20, 得分率 93.6% (OK); 93.7% would be flagged.
 * Fix: write the recomputed rate with the same precision and unit.
 *
 * A rate computed from the unrounded score may differ in its last digit from one computed from the
 * written score; such a difference is reported as a rounding difference (info).
 */
import type Decimal from 'decimal.js';
import { perTable } from '../model/perTable';
import type { IndicatorTable, NumberLiteral, ReportModel } from '../model/types';
import { weightSum } from '../services/derive';
import { correctLiteral, relatedLiteral } from '../engine/fixes';
import { levelOneOfKey, sumBelow } from '../engine/modelIndex';
import { tableLabel } from '../engine/quantities';
import { roundingInterval, verdictLabel, type Verdict } from '../engine/rounding';
import type { Localized, Rule, RuleContext, RuleFinding } from '../engine/types';
import { Dec, formatLike, roundHalfUp } from '../text/numbers';

interface RatePlace {
  rate: NumberLiteral;
  score: NumberLiteral;
  weight: Decimal;
  weightLiteral?: NumberLiteral;
  where: Localized;
  /** For a summary entry: its indicator's score recomputed from the detail table. */
  detailScore?: Decimal;
}

function scaled(rate: NumberLiteral, fraction: Decimal): Decimal {
  return rate.unit === '%' ? fraction.times(100) : fraction;
}

function verdictOf(place: RatePlace): { verdict: Verdict; exact: Decimal } {
  const exact = scaled(place.rate, place.score.value.div(place.weight));
  if (roundHalfUp(exact, place.rate.decimals).eq(place.rate.value)) return { verdict: 'ok', exact };
  // Could the rate come from the unrounded score? (score ± half a unit of its last digit)
  const { low, high } = roundingInterval(place.score);
  const lowRate = roundHalfUp(scaled(place.rate, low.div(place.weight)), place.rate.decimals);
  const highRate = roundHalfUp(scaled(place.rate, high.div(place.weight)), place.rate.decimals);
  const explained = place.score.decimals > 0 && place.rate.value.gte(lowRate) && place.rate.value.lte(highRate);
  return { verdict: explained ? 'rounding' : 'error', exact };
}

function indicatorTablePlaces(model: ReportModel, table: IndicatorTable): RatePlace[] {
  const places: RatePlace[] = [];
  const label = tableLabel(model, table.tableIndex);
  for (const indicator of table.indicators) {
    const weight = weightSum(indicator);
    if (indicator.rate && indicator.score && weight) places.push({ rate: indicator.rate, score: indicator.score, weight, weightLiteral: indicator.weight, where: { zh: `${label.zh}“${indicator.name}”`, en: `${label.en} "${indicator.name}"` } });
  }
  for (const row of table.totals) {
    const weightLiteral = row.weights.find(Boolean);
    if (row.rate && row.score && weightLiteral) places.push({ rate: row.rate, score: row.score, weight: weightLiteral.value, weightLiteral, where: { zh: `${label.zh} ${row.label.text}`, en: `${label.en} ${row.label.text}` } });
  }
  return places;
}

/** Is every rate of the table right? Then it yields no finding. Depends on the table alone: memoised per table (model/perTable.ts). */
const ratesHold = perTable((table: IndicatorTable, model: ReportModel) =>
  indicatorTablePlaces(model, table).every((place) => place.weight.isZero() || verdictOf(place).verdict === 'ok'));

function placesOf(context: RuleContext): RatePlace[] {
  const { model } = context;
  const places: RatePlace[] = [];
  for (const table of model.indicatorTables) if (!ratesHold(table, model)) places.push(...indicatorTablePlaces(model, table));
  for (const table of model.summaryTables) {
    const label = tableLabel(model, table.tableIndex);
    for (const entry of table.entries) {
      if (entry.rate && entry.score && entry.weight) places.push({ rate: entry.rate, score: entry.score, weight: entry.weight.value, weightLiteral: entry.weight, where: { zh: `${label.zh}“${entry.name.text}”`, en: `${label.en} "${entry.name.text}"` }, detailScore: detailScoreOf(context, entry.key) });
    }
    const total = table.total;
    if (total?.rate && total.score) {
      const weight = total.weight?.value ?? (table.entries.every((entry) => entry.weight) ? table.entries.reduce((acc, entry) => acc.plus(entry.weight!.value), new Dec(0)) : new Dec(context.config.totalWeight));
      places.push({ rate: total.rate, score: total.score, weight, weightLiteral: total.weight, where: { zh: `${label.zh} ${total.name.text}`, en: `${label.en} ${total.name.text}` }, detailScore: reportDetailScore(context) });
    }
  }
  return places.filter((place) => !place.weight.isZero());
}

function detailScoreOf(context: RuleContext, key: string | undefined): Decimal | undefined {
  const primary = key === undefined ? undefined : levelOneOfKey(context.index, key)?.primary;
  return primary ? sumBelow(context.index, primary, 'score') : undefined;
}

/** The report's score recomputed from the detail tables (Σ of the level-1 scores). */
function reportDetailScore(context: RuleContext): Decimal | undefined {
  const parts = context.index.levelOne.map((entry) => detailScoreOf(context, entry.looseKey));
  return parts.length > 0 && parts.every((part) => part !== undefined) ? parts.reduce((acc, part) => acc.plus(part!), new Dec(0)) : undefined;
}

/** A summary rate that is right for the detail's score: the entry's 得分 is the error (summary-vs-detail reports it). */
function rightForDetail(place: RatePlace): boolean {
  return place.detailScore !== undefined && !place.detailScore.eq(place.score.value) && roundHalfUp(scaled(place.rate, place.detailScore.div(place.weight)), place.rate.decimals).eq(place.rate.value);
}

export const scoreRate: Rule = {
  id: 'score-rate',
  description: { zh: '得分率 = 得分 / 分值', en: 'Score rate = score / weight' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '指标行、合计行和得分汇总表中的得分率等于同一行（列）的得分除以分值，按书写精度四舍五入。',
      en: 'Every score rate in an indicator row, a total row or the summary table equals the score divided by the weight of the same row (column), rounded half-up to the written precision.',
    },
    why: { zh: '得分率常在得分修改后忘记同步。', en: 'Rates are often left unchanged after a score was corrected.' },
    example: '| 得分 | 17.08 | … |\n| 得分率 | 85.5% | … |   ← 17.08 / 20 = 85.4%',
    fix: { zh: '改为重新计算的得分率（保留原有精度和单位）。', en: 'Write the recomputed rate (same precision and unit).' },
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const place of placesOf(context)) {
      const { verdict, exact } = verdictOf(place);
      if (verdict === 'ok' || rightForDetail(place)) continue;
      const expected = formatLike(exact, place.rate);
      const label = verdictLabel(verdict);
      const unit = place.rate.unit === '%' ? '%' : '';
      out.push({
        message: {
          zh: `${place.where.zh}得分率 ${place.rate.text}${unit} 与得分 ${place.score.text} / 分值 ${place.weight.toString()} = ${expected}${unit} 不一致（${label.zh}）`,
          en: `${place.where.en} score rate ${place.rate.text}${unit} differs from score ${place.score.text} / weight ${place.weight.toString()} = ${expected}${unit} (${label.en})`,
        },
        range: place.rate.range,
        related: [relatedLiteral(place.score, { zh: '得分', en: 'score' }), ...(place.weightLiteral ? [relatedLiteral(place.weightLiteral, { zh: '分值', en: 'weight' })] : [])],
        fixes: verdict === 'error' ? correctLiteral(context, place.rate, exact, place.rate.decimals) : [],
        rounding: verdict === 'rounding',
      });
    }
    return out;
  },
};
