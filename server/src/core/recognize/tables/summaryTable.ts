/**
 * Summary tables (得分表): the 一级 indicators with 权重/分值/得分/得分率, either transposed
 * (first column holds the labels 权重/分值/得分/得分率, the other columns the 一级 names and
 * 合计) or in the normal orientation (one row per 一级 indicator).
 *
 * "分值" is ambiguous: next to a 得分 it is the weight; next to a 权重 without 得分 it is the score.
 */
import type { Cell, NumberLiteral, SummaryEntry, SummaryTable, Table } from '../../model/types';
import { spanOfCell } from './cellText';
import { classifyHeader, compact, dropBracketSuffix, headerLayout, rowCells, tableWidth } from './headers';

type Role = 'weight' | 'score' | 'rate';

const TOTAL_NAMES = ['合计', '合计分值', '总分', '总计', '合计得分', '总得分'];

function isTotalName(text: string): boolean {
  return TOTAL_NAMES.includes(compact(text));
}

/** Map the written labels (权重/分值/得分/得分率/满分) to roles, resolving the 分值 ambiguity. */
function resolveRoles(labels: Map<string, number>): Map<number, Role> {
  const roles = new Map<number, Role>();
  const has = (w: string) => labels.has(w);
  for (const [label, index] of labels) {
    if (label === '权重' || label === '满分' || label === '标准分') roles.set(index, 'weight');
    else if (label === '得分' || label === '实际得分' || label === '评价得分' || label === '自评得分') roles.set(index, 'score');
    else if (label === '得分率') roles.set(index, 'rate');
    else if (label === '分值') roles.set(index, has('权重') && !has('得分') ? 'score' : 'weight');
  }
  return roles;
}

const LABELS = ['权重', '满分', '标准分', '分值', '得分', '实际得分', '评价得分', '自评得分', '得分率'];
/**
 * First-column headers that say nothing of indicators ("评价内容 | 分值 | 自评得分"): the names are
 * in that column all the same. Only a summary table reads them so: an indicator table needs its
 * name columns named.
 */
const GENERIC_NAME_HEADERS = new Set(['评价内容', '评价项目', '评价维度', '项目', '内容', '类别', '指标类别']);

function labelOf(cell: Cell | undefined): string | undefined {
  if (!cell) return undefined;
  const text = dropBracketSuffix(compact(cell.text));
  return LABELS.includes(text) ? text : undefined;
}

function entry(name: Cell, values: Map<Role, Cell | undefined>): SummaryEntry {
  const pick = (role: Role): NumberLiteral | undefined => values.get(role)?.numbers[0];
  return { name: spanOfCell(name), weight: pick('weight'), score: pick('score'), rate: pick('rate') };
}

function transposed(table: Table): SummaryTable | undefined {
  const labels = new Map<string, number>();
  for (let r = 0; r < table.grid.length; r++) {
    const label = labelOf(table.grid[r][0]);
    if (label && !labels.has(label)) labels.set(label, r);
  }
  if (labels.size < 2) return undefined;
  const roles = resolveRoles(labels);
  const firstLabelRow = Math.min(...labels.values());
  const nameRow = firstLabelRow - 1;
  if (nameRow < 0) return undefined;
  const entries: SummaryEntry[] = [];
  let total: SummaryEntry | undefined;
  for (let c = 1; c < tableWidth(table); c++) {
    const name = table.grid[nameRow][c];
    if (!name || name.text === '' || name.col !== c) continue;
    const values = new Map<Role, Cell | undefined>();
    for (const [row, role] of roles) values.set(role, table.grid[row]?.[c]);
    const e = entry(name, values);
    if (isTotalName(name.text)) total = e;
    else entries.push(e);
  }
  return entries.length > 0 ? { tableIndex: table.index, transposed: true, entries, total } : undefined;
}

function normal(table: Table): SummaryTable | undefined {
  const header = headerLayout(table);
  if (!header) return undefined;
  let nameCols = header.headers.map((h, i) => (classifyHeader(h)?.role === 'name' ? i : -1)).filter((i) => i >= 0);
  if (nameCols.length === 0 && GENERIC_NAME_HEADERS.has(compact(header.headers[0] ?? ''))) nameCols = [0];
  if (nameCols.length !== 1) return undefined;
  const labels = new Map<string, number>();
  header.headers.forEach((h, i) => {
    const text = dropBracketSuffix(compact(h.split('/').pop() ?? ''));
    if (LABELS.includes(text) && !labels.has(text)) labels.set(text, i);
  });
  const roles = resolveRoles(labels);
  if (roles.size === 0 || ![...roles.values()].some((r) => r === 'score' || r === 'rate')) return undefined;
  const entries: SummaryEntry[] = [];
  let total: SummaryEntry | undefined;
  for (let r = header.bodyStart; r < table.grid.length; r++) {
    const name = table.grid[r][nameCols[0]] ?? rowCells(table, r)[0];
    if (!name || name.text === '' || name.row !== r) continue;
    const values = new Map<Role, Cell | undefined>();
    for (const [col, role] of roles) values.set(role, table.grid[r][col]);
    const e = entry(name, values);
    if (isTotalName(name.text)) total = e;
    else entries.push(e);
  }
  return entries.length > 0 ? { tableIndex: table.index, transposed: false, entries, total } : undefined;
}

/** Recognise a summary table (keys are linked later, once the indicator tables are known). */
export function recognizeSummaryTable(table: Table): SummaryTable | undefined {
  return transposed(table) ?? normal(table);
}
