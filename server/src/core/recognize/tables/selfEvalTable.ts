/**
 * 自评表: often one big table with sections of different columns. A funds section
 * (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分; rows 年度资金总额 then 其中：…)
 * and an indicator section (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因…),
 * plus a stated 总分 / 自评得分 row. Every row that is made of header words starts a new section
 * with its own column roles.
 */
import type { Cell, FundsRow, NumberLiteral, SelfEvalIndicatorRow, SelfEvalTable, Table, TextSpan } from '../../model/types';
import { keyOf, normalizeName } from '../../text/normalize';
import { firstNumber, leadingNumber, spanOfCell } from './cellText';
import { compact, joinLines, rowCells } from './headers';

type FundsRole = 'budgetInitial' | 'budgetFull' | 'executed' | 'weight' | 'rate' | 'score';
type IndicatorRole = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'reason';

const FUNDS_WORDS: [FundsRole, string[]][] = [
  ['budgetInitial', ['年初预算数', '年初预算']],
  ['budgetFull', ['全年预算数', '调整后预算数', '全年预算', '预算数']],
  ['executed', ['全年执行数', '预算执行数', '执行数', '实际支出']],
  ['rate', ['执行率', '预算执行率']],
  ['score', ['得分', '自评得分']],
  ['weight', ['分值', '权重']],
];

const INDICATOR_WORDS: [IndicatorRole, string[]][] = [
  ['target', ['年度指标值', '指标值', '目标值']],
  ['actual', ['实际完成值', '全年实际值', '完成值', '实际值']],
  ['reason', ['偏差原因', '偏差原因分析及改进措施', '未完成原因', '扣分原因']],
  ['level1', ['一级指标']],
  ['level2', ['二级指标']],
  ['level3', ['三级指标']],
  ['score', ['得分', '自评得分']],
  ['weight', ['分值', '权重']],
];

function roleOf<R extends string>(text: string, words: [R, string[]][]): R | undefined {
  if (text === '') return undefined;
  const t = compact(text);
  if (t === '' || t.length > 16) return undefined;
  for (const [role, list] of words) if (list.some((w) => t.includes(w))) return role;
  return undefined;
}

type Section = { kind: 'funds'; cols: Map<FundsRole, number> } | { kind: 'indicators'; cols: Map<IndicatorRole, number> };

function sectionOf(table: Table, row: number): Section | undefined {
  // most rows are data: the maps are made only once a header word turns up
  let funds: Map<FundsRole, number> | undefined;
  let indicators: Map<IndicatorRole, number> | undefined;
  for (const cell of rowCells(table, row)) {
    if (cell.numbers.length > 0) continue;
    const f = roleOf(cell.text, FUNDS_WORDS);
    if (f && !funds?.has(f)) (funds ??= new Map()).set(f, cell.col);
    const i = roleOf(cell.text, INDICATOR_WORDS);
    if (i && !indicators?.has(i)) (indicators ??= new Map()).set(i, cell.col);
  }
  if (funds && FUNDS_VOCABULARY.filter((r) => funds.has(r)).length >= 2) return { kind: 'funds', cols: funds };
  if (indicators && (indicators.has('target') || indicators.has('actual')) && (indicators.has('level3') || indicators.has('level2') || indicators.has('level1'))) {
    return { kind: 'indicators', cols: indicators };
  }
  return undefined;
}

/** The columns that make a funds section: two of them must be there. */
const FUNDS_VOCABULARY: readonly FundsRole[] = ['budgetInitial', 'budgetFull', 'executed'];

const SCORE_TOTAL_WORDS = ['总分', '自评得分', '自评总分'];
const TOTAL_WORDS = [...SCORE_TOTAL_WORDS, '合计', '总计'];
/** The row of a funds block the others add up to. */
const FUNDS_TOTAL_WORDS = ['年度资金总额', '资金总额', '合计', '总计'];
/** A row that starts a breakdown of the total: "其中：…", "按收入性质分：…". */
const BREAKDOWN_START = /^(?:其中|按.{1,8}分)/u;

class SelfEvalBuilder {
  readonly result: SelfEvalTable;
  private path: string[] = [];

  constructor(private readonly table: Table) {
    this.result = { tableIndex: table.index, funds: [], indicators: [] };
  }

  private at(row: number, col: number | undefined): Cell | undefined {
    if (col === undefined) return undefined;
    const cell = this.table.grid[row]?.[col];
    return cell && cell.row === row ? cell : undefined;
  }

  /** A 总分 row: the label, then the weight total and the score total. In a funds section a 合计 adds up funds, not scores. */
  readTotal(row: number, inFunds: boolean): boolean {
    const cells = rowCells(this.table, row).filter((c) => c.text !== '');
    const words = inFunds ? SCORE_TOTAL_WORDS : TOTAL_WORDS;
    const label = cells.find((c) => words.some((w) => compact(c.text).startsWith(w)));
    if (!label || label !== cells[0]) return false;
    const numbers = cells.filter((c) => c !== label).flatMap((c) => c.numbers);
    if (numbers.length === 0) return false;
    if (numbers.length >= 2) {
      this.result.statedTotalWeight = numbers[0];
      this.result.statedTotal = numbers[numbers.length - 1];
    } else this.result.statedTotal = numbers[0];
    return true;
  }

  readFunds(row: number, cols: Map<FundsRole, number>, block: number): void {
    // the row's own label, not the section's name spanning down beside it ("项目资金（万元）")
    const cells = rowCells(this.table, row);
    const label = cells.find((c) => c.row === row && c.text !== '' && c.numbers.length === 0) ?? cells.find((c) => c.row === row) ?? cells[0];
    // a row without a name ("—", a number: its label cell was lost and the amounts moved left) is not read
    if (!label || !/[\p{Script=Han}A-Za-z]/u.test(label.text)) return;
    // a funds cell holds its amount ("278.65"), not text that mentions numbers ("购置扑火装备不少于120台")
    const get = (role: FundsRole): NumberLiteral | undefined => leadingNumber(this.at(row, cols.get(role)));
    const funds: FundsRow = {
      label: spanOfCell(label),
      budgetInitial: get('budgetInitial'),
      budgetFull: get('budgetFull'),
      executed: get('executed'),
      weight: get('weight'),
      rate: get('rate'),
      score: get('score'),
      block,
      total: false, // decided per block once it is read (resolveFundsBlocks)
    };
    if (funds.budgetInitial || funds.budgetFull || funds.executed) this.result.funds.push(funds);
  }

  readIndicator(row: number, cols: Map<IndicatorRole, number>): void {
    const levels: IndicatorRole[] = ['level1', 'level2', 'level3'];
    let name: Cell | undefined;
    levels.forEach((role, depth) => {
      const cell = this.at(row, cols.get(role));
      if (cell && cell.text !== '') {
        this.path = [...this.path.slice(0, depth), normalizeName(joinLines(cell.text))];
        name = cell;
      }
    });
    const leaf = this.at(row, cols.get('level3')) ?? name;
    if (!leaf || leaf.text === '') return;
    const span = (role: IndicatorRole): TextSpan | undefined => {
      const cell = this.at(row, cols.get(role));
      return cell && cell.text !== '' ? spanOfCell(cell) : undefined;
    };
    const target = this.at(row, cols.get('target'));
    const actual = this.at(row, cols.get('actual'));
    this.result.indicators.push({
      path: [...this.path],
      key: keyOf(this.path),
      name: spanOfCell(leaf),
      target: span('target'),
      targetNumber: firstNumber(target),
      actual: span('actual'),
      actualNumber: firstNumber(actual),
      weight: firstNumber(this.at(row, cols.get('weight'))),
      score: firstNumber(this.at(row, cols.get('score'))),
      reason: span('reason'),
    } satisfies SelfEvalIndicatorRow);
  }
}

/**
 * Which row of each funds block is its total and which breakdown every other row belongs to: the
 * total is the row labelled 年度资金总额/合计 (else the first row, when rows below it say 其中);
 * a row labelled "其中：…" or "按…分：…" starts a breakdown of its own.
 */
function resolveFundsBlocks(funds: FundsRow[]): void {
  const label = (row: FundsRow) => compact(row.label.text);
  for (const block of new Set(funds.map((row) => row.block))) {
    const rows = funds.filter((row) => row.block === block);
    const total = rows.find((row) => FUNDS_TOTAL_WORDS.some((word) => label(row).startsWith(word))) ?? (rows.slice(1).some((row) => label(row).startsWith('其中')) ? rows[0] : undefined);
    if (!total) continue;
    total.total = true;
    let breakdown = 0;
    let rowsInBreakdown = 0;
    for (const row of rows) {
      if (row === total) continue;
      if (BREAKDOWN_START.test(label(row)) && rowsInBreakdown > 0) {
        breakdown++;
        rowsInBreakdown = 0;
      }
      row.breakdown = breakdown;
      rowsInBreakdown++;
    }
  }
}

/**
 * Grid rows [start, end) of the 自评表's indicator section: its header row and the indicator rows
 * below it, up to the next section or the 总分 row.
 */
export function indicatorSectionRows(table: Table): { start: number; end: number } | undefined {
  let start: number | undefined;
  for (let row = 0; row < table.grid.length; row++) {
    const section = sectionOf(table, row);
    if (start === undefined) {
      if (section?.kind === 'indicators') start = row;
      continue;
    }
    const first = rowCells(table, row).find((cell) => cell.text !== '');
    if (section || (first && TOTAL_WORDS.some((word) => compact(first.text).startsWith(word)))) return { start, end: row };
  }
  return start === undefined ? undefined : { start, end: table.grid.length };
}

export function recognizeSelfEvalTable(table: Table): SelfEvalTable | undefined {
  const builder = new SelfEvalBuilder(table);
  let section: Section | undefined;
  let sawSection = false;
  let fundsBlock = -1;
  for (let row = 0; row < table.grid.length; row++) {
    const next = sectionOf(table, row);
    if (next) {
      section = next;
      sawSection = true;
      if (next.kind === 'funds') fundsBlock++;
      continue;
    }
    if (builder.readTotal(row, section?.kind === 'funds')) continue;
    if (section?.kind === 'funds') builder.readFunds(row, section.cols, fundsBlock);
    else if (section?.kind === 'indicators') builder.readIndicator(row, section.cols);
  }
  const r = builder.result;
  resolveFundsBlocks(r.funds);
  return sawSection && (r.funds.length > 0 || r.indicators.length > 0) ? r : undefined;
}
