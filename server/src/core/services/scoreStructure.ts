/**
 * The indicator tree of each score table with written and recomputed values: the client's
 * "评分结构" tree view, the Outline's details, and the status bar all read it.
 */
import type { Indicator, IndicatorLevel, IndicatorTable, Range, ReportModel } from '../model/types';
import type { CheckResult } from '../engine/check';
import { agrees, childTerms, childrenOf, formatAt, formatNatural, rootsOf, sum, totalRowOf, totalTerms, totalWeightOf, weightSum } from './derive';
import { tr, type Lang } from './locale';

export interface ScoreNode {
  key: string;
  name: string;
  level: IndicatorLevel;
  weight?: string;
  score?: string;
  /** Σ of the children's scores (parents only), written with the score's decimals. */
  recomputed?: string;
  /** The written score agrees with the recomputation (true for leaves and unwritten parents). */
  consistent: boolean;
  /** The rows of the indicator in its table. */
  range: Range;
  nameRange: Range;
  children: ScoreNode[];
}

export interface ScoreTableNode {
  tableIndex: number;
  title: string;
  annex: boolean;
  range: Range;
  total?: string;
  weight?: string;
  recomputed?: string;
  consistent: boolean;
  children: ScoreNode[];
}

export function scoreStructure(result: CheckResult, lang: Lang): ScoreTableNode[] {
  const { model } = result;
  return model.indicatorTables.map((table) => {
    const row = totalRowOf(table);
    const terms = totalTerms(table, 'score');
    const recomputed = terms.length > 0 ? sum(terms) : undefined;
    const weight = totalWeightOf(table, row);
    const decimals = row?.score?.decimals ?? terms.reduce((max, term) => Math.max(max, term.decimals), 0);
    return {
      tableIndex: table.tableIndex,
      title: tableTitle(table, lang),
      annex: table.annex,
      range: tableRange(model, table),
      total: row?.score?.text,
      weight: weight && formatNatural(weight),
      recomputed: recomputed && formatAt(recomputed, decimals),
      consistent: !row?.score || !recomputed || agrees(recomputed, row.score),
      children: rootsOf(table).map((root) => nodeOf(model, table, root)),
    };
  });
}

export function tableTitle(table: IndicatorTable, lang: Lang): string {
  const caption = table.caption?.text.replace(/\s+/gu, ' ').trim();
  if (caption) return caption;
  const names = rootsOf(table).map((root) => root.name).join('、');
  return tr(lang, `评分表：${names}`, `Score table: ${names}`);
}

export function tableRange(model: ReportModel, table: IndicatorTable): Range {
  const written = model.tables.find((item) => item.index === table.tableIndex)?.range;
  if (written) return written;
  const starts = table.indicators.map((item) => item.nameRange.start);
  const ends = table.indicators.map((item) => item.nameRange.end);
  return { start: Math.min(...starts), end: Math.max(...ends) };
}

function nodeOf(model: ReportModel, table: IndicatorTable, indicator: Indicator): ScoreNode {
  const terms = childTerms(table, indicator, 'score');
  const recomputed = terms.length > 0 ? sum(terms) : undefined;
  const score = indicator.score;
  const weight = weightSum(indicator);
  return {
    key: indicator.key,
    name: indicator.name,
    level: indicator.level,
    weight: weight && formatNatural(weight),
    score: score?.text,
    recomputed: recomputed && formatAt(recomputed, score?.decimals ?? terms.reduce((max, term) => Math.max(max, term.decimals), 0)),
    consistent: !score || !recomputed || agrees(recomputed, score),
    range: rowsRange(model, table, indicator),
    nameRange: indicator.nameRange,
    children: childrenOf(table, indicator).map((child) => nodeOf(model, table, child)),
  };
}

/** From the first to the last cell of the indicator's rows (always covering its name). */
function rowsRange(model: ReportModel, table: IndicatorTable, indicator: Indicator): Range {
  const grid = model.tables.find((item) => item.index === table.tableIndex)?.grid ?? [];
  let start = indicator.nameRange.start;
  let end = indicator.nameRange.end;
  for (let row = indicator.rows.start; row < indicator.rows.end && row < grid.length; row++) {
    for (const cell of grid[row] ?? []) {
      if (!cell) continue;
      start = Math.min(start, cell.range.start);
      end = Math.max(end, cell.range.end);
    }
  }
  return { start, end };
}
