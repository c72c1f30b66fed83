/**
 * Header vocabulary shared by the table recognizers: which header rows a table has and what each
 * column holds, decided from the words written in the header cells (never from positions).
 */
import type { Cell, IndicatorColumnRole, IndicatorLevel, Table } from '../../model/types';

/** Cell text without any whitespace: "一级\n指标" → "一级指标", "分 值" → "分值". */
export function compact(text: string): string {
  // most cells hold no whitespace: test first (no allocation) instead of always rebuilding
  return HAS_SPACE.test(text) ? text.replace(/\s+/gu, '') : text;
}
const HAS_SPACE = /\s/u;

/** The lines of a cell joined, dropping each line break with the whitespace around it ("过程\n(20 分）" → "过程(20 分）"). */
export function joinLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const last = lines.length - 1;
  return lines.map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim())).join('');
}

/** Without a trailing bracketed note: "得分（分）" → "得分" (cut at the first opening bracket when the text ends with a closing one). */
export function dropBracketSuffix(text: string): string {
  const last = text[text.length - 1];
  if (last !== ')' && last !== '）') return text;
  const ascii = text.indexOf('(');
  const wide = text.indexOf('（');
  const open = ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
  return open >= 0 && open < text.length - 1 ? text.slice(0, open) : text;
}

/** Header cells are short; long text that merely mentions 得分 is data. */
const MAX_HEADER_LENGTH = 14;

const LEVEL_WORDS: [string, IndicatorLevel][] = [['一级', 1], ['二级', 2], ['三级', 3], ['四级', 4]];

/** Role words in priority order: the first family that occurs in the header decides. */
const ROLE_WORDS: [IndicatorColumnRole, readonly string[]][] = [
  ['explanation', ['指标解释', '指标说明', '指标内涵']],
  ['criterion', ['评分标准', '评分细则', '评分办法', '计分方法']],
  ['remark', ['评分说明', '评分依据', '扣分原因', '扣分说明', '得分说明']],
  ['target', ['年度指标值', '标杆值', '目标值', '指标值']],
  ['rate', ['得分率']],
  ['deduction', ['扣分']],
  ['score', ['得分', '评分']],
  ['weight', ['分值', '权重', '满分', '标准分']],
];

const NAME_WORDS = ['指标名称', '指标', '评价指标', '名称', '项目'];

export interface HeaderClass {
  role: IndicatorColumnRole;
  level?: IndicatorLevel;
}

/**
 * A header holds some header word, so it holds that word's first character: a cell with none of
 * these is data. (A unit test holds this class to every word listed above.)
 */
const HEADER_CHARACTERS = /[一二三四指评计扣得年标目分权满名项]/u;

/** Every word that makes a header (the level, role and name words). */
export const HEADER_WORDS: readonly string[] = [...LEVEL_WORDS.map(([word]) => word), ...ROLE_WORDS.flatMap(([, words]) => words), ...NAME_WORDS];

/** Header texts repeat from table to table and row to row: each is classified once (bounded). */
const headerClasses = new Map<string, HeaderClass | undefined>();
const MAX_REMEMBERED_HEADERS = 2048;

/**
 * Classify a (possibly multi-row, "/"-joined) column header. Undefined when it is no header word.
 * The answer is shared between callers: treat it as read-only.
 */
export function classifyHeader(header: string): HeaderClass | undefined {
  if (!HEADER_CHARACTERS.test(header)) return undefined;
  // a long cell without "/" or whitespace cannot shrink to a header word: data, not worth remembering
  if (header.length > MAX_HEADER_LENGTH && !header.includes('/') && !HAS_SPACE.test(header)) return undefined;
  if (headerClasses.has(header)) return headerClasses.get(header);
  if (headerClasses.size >= MAX_REMEMBERED_HEADERS) headerClasses.clear();
  const answer = classifyHeaderText(header);
  headerClasses.set(header, answer);
  return answer;
}

function classifyHeaderText(header: string): HeaderClass | undefined {
  const parts = header.split('/').map(compact).filter((p) => p !== '' && p.length <= MAX_HEADER_LENGTH);
  if (parts.length === 0) return undefined;
  const joined = parts.join('/');
  let level: IndicatorLevel | undefined;
  for (const [word, n] of LEVEL_WORDS) if (joined.includes(word)) level = n;
  for (const [role, words] of ROLE_WORDS) {
    if (words.some((w) => joined.includes(w))) return { role, level };
  }
  if (level !== undefined) return { role: 'name', level };
  if (parts.some((p) => NAME_WORDS.includes(p))) return { role: 'name' };
  return undefined;
}

/** Distinct cells of a grid row, in column order (a span counts once). */
export function rowCells(table: Table, row: number): Cell[] {
  const out: Cell[] = [];
  const cells = table.grid[row] ?? [];
  // a cell spanning columns fills consecutive slots of the row: comparing with the slot before is enough
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell && cell !== cells[c - 1]) out.push(cell);
  }
  return out;
}

export function tableWidth(table: Table): number {
  let width = 0;
  for (const row of table.grid) width = Math.max(width, row.length);
  return width;
}

/** A row made of header words (at least two distinct header cells, no numbers in them). */
export function isHeaderRow(table: Table, row: number): boolean {
  const cells = rowCells(table, row).filter((c) => c.text !== '');
  let words = 0;
  for (const cell of cells) {
    if (classifyHeader(cell.text) && cell.numbers.length === 0) words++;
  }
  return words >= 2 && words * 2 >= cells.length;
}

/** A title row: one cell across the whole width ("财政支出项目绩效指标体系设置及评分情况表"). */
export function isTitleRow(table: Table, row: number): boolean {
  const cells = rowCells(table, row).filter((c) => c.text !== '');
  return cells.length === 1 && cells[0].colSpan > 1 && cells[0].colSpan >= tableWidth(table) - 1 && !classifyHeader(cells[0].text);
}

export interface HeaderLayout {
  /** Rows before the first data row (titles and headers). */
  bodyStart: number;
  headerRowIndexes: number[];
  /** Per column: the header texts of the header rows joined by "/". */
  headers: string[];
  /** A title row's text, when the table starts with one. */
  title?: Cell;
}

/** Find title and header rows at the top of the table (header rows are found by vocabulary). */
export function headerLayout(table: Table, maxHeaderRows = 4): HeaderLayout | undefined {
  let row = 0;
  let title: Cell | undefined;
  while (row < table.grid.length && row < 2 && isTitleRow(table, row)) {
    title ??= rowCells(table, row)[0];
    row++;
  }
  const headerRowIndexes: number[] = [];
  while (row < table.grid.length && headerRowIndexes.length < maxHeaderRows && isHeaderRow(table, row)) {
    headerRowIndexes.push(row);
    row++;
  }
  // a second row of a declared header block ("一级 | 二级" under "分值") joins it even with one word
  while (row < table.headerRows && headerRowIndexes.length > 0 && headerRowIndexes.length < maxHeaderRows) {
    headerRowIndexes.push(row);
    row++;
  }
  if (headerRowIndexes.length === 0) return undefined;
  const width = tableWidth(table);
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    let previous: Cell | undefined;
    for (const r of headerRowIndexes) {
      const cell = table.grid[r]?.[c];
      if (cell && cell !== previous && cell.text !== '') parts.push(cell.text);
      previous = cell;
    }
    headers.push(parts.join('/'));
  }
  return { bodyStart: row, headerRowIndexes, headers, title };
}

const TOTAL_WORDS = ['合计', '总分', '小计', '总计', '总得分', '合计分值'];

/** First non-empty cell of the row, when it names a total (合计/总分/小计/总计). */
export function totalLabel(table: Table, row: number): Cell | undefined {
  const first = rowCells(table, row).find((c) => c.text !== '');
  if (!first) return undefined;
  const text = compact(first.text).replace(/[：:]$/u, '');
  return TOTAL_WORDS.includes(text) ? first : undefined;
}
