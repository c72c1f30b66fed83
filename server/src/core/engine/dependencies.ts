/**
 * The literal → dependents graph of a report, for numbers that are computed from other numbers
 * outside the indicator tree (cascade.ts walks the tree itself): a 自评表's 执行率 from its 执行数
 * and 预算数, the 预算执行率 得分 from the 分值 and 执行率, the 年度资金总额 row from its 其中 rows,
 * the 总分 from the row scores, a prose 自评得分 from the table's 总分; a 得分表's 合计 from its
 * entries and its 得分率 from 得分 / 权重; a survey's 比例 from 小计 / 有效填写人次.
 *
 * Built once per check (cached per model) and shared by every finding's cascade fix. Propagation
 * edits a dependent only when it reads the value computed from the OLD inputs (at its own
 * precision): a number that already disagreed is a finding of its own and is left alone.
 */
import type Decimal from 'decimal.js';
import type { FundsRow, NumberLiteral, ReportModel, SelfEvalTable, SummaryTable, SurveyQuestion } from '../model/types';
import { FUNDS_INDICATOR, fundsBlocks, fundsTotalOf } from '../model/funds';
import { Dec, formatLike, naturalDecimals, roundHalfUp } from '../text/numbers';
import type { TextEdit } from './types';

type Read = (literal: NumberLiteral) => Decimal;

export interface Dependent {
  literal: NumberLiteral;
  inputs: NumberLiteral[];
  compute(read: Read): Decimal | undefined;
  /** Decimals the new value is written with: the literal's own (a rounded rate or score), else widened for an exact sum. */
  exact: boolean;
}

export interface DependencyGraph {
  /** Dependents by the range start of each input literal. */
  byInput: Map<number, Dependent[]>;
  /** Each dependent by the range start of its own literal. */
  byOutput: Map<number, Dependent>;
}

function add(graph: DependencyGraph, dependent: Dependent): void {
  graph.byOutput.set(dependent.literal.range.start, dependent);
  for (const input of dependent.inputs) {
    const list = graph.byInput.get(input.range.start);
    if (list) list.push(dependent);
    else graph.byInput.set(input.range.start, [dependent]);
  }
}

function sumOf(read: Read, literals: readonly NumberLiteral[]): Decimal {
  return literals.reduce((acc, literal) => acc.plus(read(literal)), new Dec(0));
}

/** A rate cell is a percentage when it says so or exceeds 1 ("97.91"), else a fraction ("0.98"). Shared with the self-eval rule. */
export function isPercentCell(literal: NumberLiteral): boolean {
  return literal.unit === '%' || literal.value.gt(1);
}

/** The budget a funds row's 执行率 divides by: 全年预算数, else 年初预算数. */
export function budgetOf(row: FundsRow): NumberLiteral | undefined {
  return row.budgetFull ?? row.budgetInitial;
}

function fundsDependents(graph: DependencyGraph, funds: readonly FundsRow[]): void {
  // a total is computed from its first breakdown (another breakdown adds up to the same total)
  for (const { total, breakdowns: [parts] } of fundsBlocks(funds)) {
    if (!parts) continue;
    for (const column of ['budgetInitial', 'budgetFull', 'executed'] as const) {
      const stated = total[column];
      const written = parts.map((row) => row[column]).filter((literal): literal is NumberLiteral => literal !== undefined);
      if (stated && written.length > 0) add(graph, { literal: stated, inputs: written, compute: (read) => sumOf(read, written), exact: true });
    }
  }
  for (const row of funds) {
    const budget = budgetOf(row);
    const { executed, rate, weight, score } = row;
    if (rate && budget && executed) {
      const percent = isPercentCell(rate);
      add(graph, {
        literal: rate,
        inputs: [executed, budget],
        compute: (read) => (read(budget).isZero() ? undefined : read(executed).div(read(budget)).times(percent ? 100 : 1)),
        exact: false,
      });
    }
    if (score && weight) {
      const capped = (read: Read, fraction: Decimal) => Dec.min(read(weight), read(weight).times(fraction));
      if (rate) {
        const percent = isPercentCell(rate);
        add(graph, { literal: score, inputs: [weight, rate], compute: (read) => capped(read, percent ? read(rate).div(100) : read(rate)), exact: false });
      } else if (budget && executed) {
        add(graph, { literal: score, inputs: [weight, executed, budget], compute: (read) => (read(budget).isZero() ? undefined : capped(read, read(executed).div(read(budget)))), exact: false });
      }
    }
  }
}

/** The terms of a 自评表's 总分 (得分) and total 分值: the 预算执行率 row's, then every indicator row's. Shared with the self-eval rule. */
export function selfEvalTotalTerms(table: SelfEvalTable, field: 'score' | 'weight'): NumberLiteral[] {
  const fundsTotal = fundsTotalOf(table.funds);
  const own = fundsTotal?.[field];
  return [...(own ? [own] : []), ...table.indicators.flatMap((row) => (row[field] ? [row[field]!] : []))];
}

function selfEvalDependents(graph: DependencyGraph, table: SelfEvalTable): void {
  fundsDependents(graph, table.funds);
  for (const [stated, field] of [[table.statedTotal, 'score'], [table.statedTotalWeight, 'weight']] as const) {
    const terms = selfEvalTotalTerms(table, field);
    if (stated && terms.length > 0) add(graph, { literal: stated, inputs: terms, compute: (read) => sumOf(read, terms), exact: true });
  }
}

/**
 * Is the report scored by one 自评表 and nothing else (its only score table is the 自评表's own
 * indicator rows)? Then its 自评得分 is the 自评表's 总分, which the self-eval rule checks.
 */
export function scoredBySelfEvalOnly(model: ReportModel): boolean {
  if (model.selfEvalTables.length !== 1) return false;
  const own = model.selfEvalTables[0].tableIndex;
  return model.indicatorTables.every((table) => table.tableIndex === own);
}

/** Prose claims of the 自评得分 (report score claims of a report scored by a 自评表 only) copy the table's 总分. */
function selfEvalClaims(graph: DependencyGraph, model: ReportModel): void {
  const total = scoredBySelfEvalOnly(model) ? model.selfEvalTables[0].statedTotal : undefined;
  // the prose 预算执行率 得分 ("其中：预算执行率得分 9.79 分") copies the funds total's 得分
  const fundsScore = model.selfEvalTables.length === 1 ? fundsTotalOf(model.selfEvalTables[0].funds)?.score : undefined;
  for (const claim of model.claims) {
    if (claim.field !== 'score' || !claim.literal) continue;
    const source = claim.subject.kind === 'report' ? total : claim.subject.key === FUNDS_INDICATOR ? fundsScore : undefined;
    if (source) add(graph, { literal: claim.literal, inputs: [source], compute: (read) => read(source), exact: true });
  }
}

/** A 得分表: its 合计 = Σ entries (权重, 得分); each 得分率 = 得分 / 权重. */
function summaryDependents(graph: DependencyGraph, table: SummaryTable): void {
  const total = table.total;
  for (const field of ['weight', 'score'] as const) {
    const stated = total?.[field];
    const terms = table.entries.map((entry) => entry[field]);
    if (!stated || terms.length === 0 || terms.some((term) => term === undefined)) continue;
    const written = terms as NumberLiteral[];
    add(graph, { literal: stated, inputs: written, compute: (read) => sumOf(read, written), exact: true });
  }
  for (const entry of [...table.entries, ...(total ? [total] : [])]) {
    const { rate, score, weight } = entry;
    if (!rate || !score || !weight) continue;
    const percent = rate.unit === '%';
    add(graph, { literal: rate, inputs: [score, weight], compute: (read) => (read(weight).isZero() ? undefined : read(score).div(read(weight)).times(percent ? 100 : 1)), exact: false });
  }
}

/** A survey table: each 比例 = 小计 / 本题有效填写人次 (single choice or not, the ratio is of respondents). */
function surveyDependents(graph: DependencyGraph, question: SurveyQuestion): void {
  const respondents = question.respondents;
  if (!respondents) return;
  for (const option of question.options) {
    const { count, ratio } = option;
    if (!count || !ratio) continue;
    const percent = isPercentCell(ratio);
    add(graph, { literal: ratio, inputs: [count, respondents], compute: (read) => (read(respondents).isZero() ? undefined : read(count).div(read(respondents)).times(percent ? 100 : 1)), exact: false });
  }
}

const graphs = new WeakMap<ReportModel, DependencyGraph>();

export function dependencyGraph(model: ReportModel): DependencyGraph {
  let graph = graphs.get(model);
  if (graph) return graph;
  graph = { byInput: new Map(), byOutput: new Map() };
  for (const table of model.selfEvalTables) selfEvalDependents(graph, table);
  for (const table of model.summaryTables) summaryDependents(graph, table);
  for (const question of model.surveys) surveyDependents(graph, question);
  selfEvalClaims(graph, model);
  graphs.set(model, graph);
  return graph;
}

/**
 * Does a dependent that agrees with its inputs now still agree after the new values (by range
 * start)? A dependent that already disagreed has nothing to keep.
 */
export function consistentAfter(dependent: Dependent, next: ReadonlyMap<number, Decimal>): boolean {
  const old = dependent.compute((literal) => literal.value);
  if (!old || !reads(dependent.literal, old)) return true;
  const value = dependent.compute((literal) => next.get(literal.range.start) ?? literal.value);
  const written = next.get(dependent.literal.range.start) ?? dependent.literal.value;
  return value !== undefined && roundHalfUp(value, Math.max(dependent.literal.decimals, written.decimalPlaces())).eq(written);
}

function reads(literal: NumberLiteral, value: Decimal): boolean {
  return roundHalfUp(value, literal.decimals).eq(literal.value);
}

/**
 * Follow the graph from changed literals (by range start → new value as it will be written).
 * Returns the edits of the dependents (not of the changes themselves), each with the value it writes.
 */
export function propagate(graph: DependencyGraph, changed: ReadonlyMap<number, Decimal>): { edit: TextEdit; value: Decimal }[] {
  if (graph.byInput.size === 0) return [];
  const next = new Map(changed);
  const edits = new Map<number, { literal: NumberLiteral; edit: TextEdit; value: Decimal }>();
  const queue = [...changed.keys()];
  // a dependent reached again (another of its inputs changed later) is recomputed; the bound stops a cyclic graph
  const limit = 16 * (graph.byInput.size + queue.length);
  for (let i = 0; i < queue.length && i < limit; i++) {
    for (const dependent of graph.byInput.get(queue[i]) ?? []) {
      const at = dependent.literal.range.start;
      if (changed.has(at)) continue;
      const old = dependent.compute((literal) => literal.value);
      const value = dependent.compute((literal) => next.get(literal.range.start) ?? literal.value);
      if (!old || !value || !reads(dependent.literal, old)) continue;
      const decimals = dependent.exact ? Math.max(dependent.literal.decimals, naturalDecimals(value, 2)) : dependent.literal.decimals;
      const written = roundHalfUp(value, decimals);
      const previous = next.get(at);
      if (previous ? previous.eq(written) : reads(dependent.literal, value)) continue;
      next.set(at, written);
      edits.set(at, { literal: dependent.literal, edit: { range: dependent.literal.range, newText: formatLike(written, dependent.literal, decimals) }, value: written });
      queue.push(at);
    }
  }
  return [...edits.values()].filter(({ literal, edit }) => edit.newText !== literal.text).map(({ edit, value }) => ({ edit, value }));
}
