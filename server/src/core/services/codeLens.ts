/**
 * One line above each recognised score table: its total against the recomputation, e.g.
 * "合计 19.38 / 20 · 得分率 96.9% · 复算一致" or "合计 18.73 / 20 · 复算 18.72 ≠ 18.73".
 */
import type { IndicatorTable, Range } from '../model/types';
import type { CheckResult } from '../engine/check';
import { agrees, formatAt, formatNatural, intersects, percent, sum, totalRowOf, totalTerms, totalWeightOf } from './derive';
import { tr, type Lang } from './locale';

export interface ScoreLens {
  /** Where the lens stands: the table's caption, else its first line. */
  range: Range;
  title: string;
  /** Where the lens leads: the finding on the total when there is one, else the total row. */
  target: Range;
  consistent: boolean;
}

export function scoreLenses(result: CheckResult, lang: Lang): ScoreLens[] {
  const lenses: ScoreLens[] = [];
  for (const table of result.model.indicatorTables) {
    const lens = lensOf(result, table, lang);
    if (lens) lenses.push(lens);
  }
  return lenses;
}

function lensOf(result: CheckResult, table: IndicatorTable, lang: Lang): ScoreLens | undefined {
  const terms = totalTerms(table, 'score');
  if (terms.length === 0) return undefined;
  const tableRange = result.model.tables.find((item) => item.index === table.tableIndex)?.range;
  const caption = table.caption && tableRange && table.caption.range.end <= tableRange.start ? table.caption.range : undefined;
  const anchor = caption ?? tableRange ?? table.indicators[0].nameRange;
  const row = totalRowOf(table);
  const stated = row?.score;
  const recomputed = sum(terms);
  const weight = totalWeightOf(table, row);
  const decimals = stated?.decimals ?? terms.reduce((max, term) => Math.max(max, term.decimals), 0);
  const shown = stated ? stated.text : formatAt(recomputed, decimals);
  const parts = [`${stated ? tr(lang, '合计', 'Total') : tr(lang, '合计（复算）', 'Total (recomputed)')} ${shown}${weight ? ` / ${formatNatural(weight)}` : ''}`];
  const rate = weight && percent(stated?.value ?? recomputed, weight);
  if (rate) parts.push(`${tr(lang, '得分率', 'rate')} ${rate}%`);
  let consistent = true;
  if (stated) {
    consistent = agrees(recomputed, stated);
    const finding = result.findings.find((item) => intersects(item.range, stated.range));
    const sign = finding?.rounding ? '≈' : '≠';
    parts.push(consistent ? tr(lang, '复算一致', 'recomputation agrees') : `${tr(lang, '复算', 'recomputed')} ${formatAt(recomputed, decimals)} ${sign} ${stated.text}`);
    const target = finding?.range ?? stated.range;
    return { range: anchor, title: parts.join(' · '), target, consistent };
  }
  return { range: anchor, title: parts.join(' · '), target: anchor, consistent };
}
