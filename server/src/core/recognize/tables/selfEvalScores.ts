/**
 * The indicator rows of a 自评表 as a score table. The indicator section is read by the
 * indicator-table recognizer, and the 预算执行率 (the funds total's 分值 and 得分) becomes a level-1
 * indicator of its own, so that the level-1 scores add up to the 自评表's 总分 and weigh 100. Prose
 * claims ("该指标分值 6 分，自评得 5.90 分"), summary tables and the report total are then compared
 * with the 自评表 as with any 评分表. The 总分 row stays with the self-eval rule.
 */
import type { Indicator, IndicatorTable, SelfEvalTable, Table } from '../../model/types';
import { FUNDS_INDICATOR, fundsTotalOf } from '../../model/funds';
import { shiftedRows } from './continued';
import { recognizeIndicatorTable } from './indicatorTable';
import { indicatorSectionRows } from './selfEvalTable';

/** Rows [start, end) of `table` as a table of their own (cells renumbered from 0; literals and ranges shared). */
function sliceRows(table: Table, start: number, end: number): Table {
  return { ...table, ...shiftedRows(table.grid.slice(start, end), -start), headerRows: 1 };
}

function fundsIndicator(table: Table, selfEval: SelfEvalTable): Indicator | undefined {
  const funds = fundsTotalOf(selfEval.funds);
  if (!funds?.weight || !funds.score) return undefined;
  const row = table.grid.findIndex((cells) => cells.some((cell) => cell?.range.start === funds.label.range.start));
  return {
    key: FUNDS_INDICATOR,
    path: [FUNDS_INDICATOR],
    level: 1,
    name: FUNDS_INDICATOR,
    nameRange: funds.label.range,
    weight: funds.weight,
    score: funds.score,
    weightParts: [],
    children: [],
    parent: '',
    tableIndex: table.index,
    rows: { start: Math.max(0, row), end: Math.max(0, row) + 1 },
  };
}

export function selfEvalScoreTable(table: Table, selfEval: SelfEvalTable, text: string): IndicatorTable | undefined {
  const section = indicatorSectionRows(table);
  if (!section) return undefined;
  const recognized = recognizeIndicatorTable(sliceRows(table, section.start, section.end), text);
  if (!recognized || recognized.indicators.length === 0) return undefined;
  for (const indicator of recognized.indicators) indicator.rows = { start: indicator.rows.start + section.start, end: indicator.rows.end + section.start };
  const funds = fundsIndicator(table, selfEval);
  return { ...recognized, indicators: funds ? [funds, ...recognized.indicators] : recognized.indicators, totals: [] };
}
