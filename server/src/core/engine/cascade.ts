/**
 * The cascade fix: correcting one literal changes every number that was derived from it.
 *
 * A row score corrected → its parent's score → the table's 合计 → the level-1 score in the
 * 得分表 → the 得分表 合计 → the 得分率 cells → the report 总分 in prose → the grade word when the
 * band changes; and every other place that STATED the changed quantity (the prose "实际得分
 * 18.73 分", the annex copy).
 *
 * Each quantity's old and new value is recomputed over the indicator tree (section tables first,
 * the changed literals overriding). A place is edited only when it states the OLD value of the
 * quantity (at its own precision) — a place that already disagreed is a separate finding and is
 * left alone. Every edit is written with `formatLike` of the literal it replaces. Numbers computed
 * outside the tree (a 自评表's 执行率, 得分, 总分) follow through the literal graph (dependencies.ts).
 *
 * What does not depend on the changes is computed once per check (`baseOf`) and shared by every
 * finding's cascade: the tree's nodes, children and old values, the statements, the graph.
 */
import type Decimal from 'decimal.js';
import type { Indicator, NumberLiteral } from '../model/types';
import { bandFor, bandsOf, sameGrade } from '../services/grades';
import { statedTotal } from '../services/summary';
import { Dec, formatLike, naturalDecimals, roundHalfUp } from '../text/numbers';
import { consistentAfter, dependencyGraph, propagate } from './dependencies';
import { scoreReadRight } from './contradictedRows';
import { childrenOf, isAmbiguous, looseKeyOfIndicator, type ModelIndex } from './modelIndex';
import { claimSubjectKey, statementAt, statementsFor, statementsOf, type QuantityField, type Statement } from './quantities';
import type { RuleContext, TextEdit } from './types';

export interface LiteralChange {
  literal: NumberLiteral;
  value: Decimal;
  /** Decimals to write the new value with (default: the literal's own, widened when a sum needs more). */
  decimals?: number;
}

type Summed = Exclude<QuantityField, 'rate'>;
/**
 * A changed quantity. `old` is the replaced literal's value; `inTree` says whether that literal is
 * what the tree recomputes from (a row of the section table): only then do totals above it change.
 * A corrected copy — a prose claim, a 合计 row, the annex — changes no recomputed total, and its
 * other copies follow it only when the new value is what the tree says (a 合计 corrected to its
 * own rows while the section tables disagree is a local fix; spreading it would oscillate).
 * `source`: the literal is what the other places copy (a tree row, or a parent's written 分值), so
 * its copies follow it whatever the tree says.
 */
type Override = { old: Decimal; next: Decimal; inTree: boolean; source: boolean };
type Mode = 'old' | 'next';

function id(subject: string, field: QuantityField): string {
  return `${field}\u0000${subject}`;
}

function parentSubject(subject: string): string | undefined {
  if (subject === '') return undefined;
  const cut = subject.lastIndexOf('/');
  return cut < 0 ? '' : subject.slice(0, cut);
}

/** What every cascade of one check shares. */
interface Base {
  index: ModelIndex;
  statements: readonly Statement[];
  nodes: Map<string, Indicator | undefined>;
  children: Map<string, string[]>;
  /** Tree values without any change, by `id`. */
  old: Map<string, Decimal | undefined>;
}

const bases = new WeakMap<ModelIndex, Base>();

function baseOf(context: RuleContext): Base {
  let base = bases.get(context.index);
  if (!base) {
    base = { index: context.index, statements: statementsOf(context.model, context.index), nodes: new Map(), children: new Map(), old: new Map() };
    bases.set(context.index, base);
  }
  return base;
}

/** The occurrence of a subject to recompute from: a section table with children, else any. */
function treeNode(base: Base, subject: string): Indicator | undefined {
  if (base.nodes.has(subject)) return base.nodes.get(subject);
  const { index } = base;
  const occurrences = index.indicatorsByLooseKey.get(subject) ?? [];
  const inSection = occurrences.filter((indicator) => !index.tablesByIndex.get(indicator.tableIndex)?.annex);
  const node = inSection.find((indicator) => indicator.children.length > 0) ?? inSection[0] ?? occurrences[0];
  base.nodes.set(subject, node);
  return node;
}

function childSubjects(base: Base, subject: string): string[] {
  const cached = base.children.get(subject);
  if (cached) return cached;
  let children: string[] = [];
  if (subject === '') children = base.index.levelOne.map((entry) => entry.looseKey);
  else {
    const node = treeNode(base, subject);
    const table = node ? base.index.tablesByIndex.get(node.tableIndex) : undefined;
    if (node && table) {
      children = table.indicators
        .filter((candidate) => candidate.parent === node.key && node.children.includes(candidate.key))
        .map((child) => looseKeyOfIndicator(base.index, child));
    }
  }
  base.children.set(subject, children);
  return children;
}

/** The subject and the descendants it is identical to (each the only child of the one above). */
function singleChildChain(base: Base, subject: string): string[] {
  const chain = [subject];
  for (let children = childSubjects(base, subject); children.length === 1 && subject !== ''; children = childSubjects(base, children[0])) {
    chain.push(children[0]);
  }
  return chain;
}

/** What the report writes for a leaf: the section table's value, else the first statement. */
function statedValue(base: Base, subject: string, field: Summed): Decimal | undefined {
  const node = treeNode(base, subject);
  if (node) {
    if (field === 'weight' && !node.weight && node.weightParts.length > 0) return node.weightParts.reduce((sum, part) => sum.plus(part.value), new Dec(0));
    // a row that contradicts itself counts as 分值 − 扣分, as the totals that agree with it read it (contradictedRows.ts)
    const right = field === 'score' ? scoreReadRight(node) : undefined;
    if (right) return right;
    const literal = node[field];
    if (literal) return literal.value;
  }
  return statementsFor(base.statements, subject, field)[0]?.literal.value;
}

/**
 * Tree values before ('old', shared per check) and after ('next') the changes. Only the
 * ancestors of a changed row differ, so 'next' recomputes just those and reads 'old' elsewhere.
 */
class Tree {
  private readonly next = new Map<string, Decimal | undefined>();

  constructor(
    private readonly base: Base,
    private readonly overrides: ReadonlyMap<string, Override>,
    /** ids whose value may differ after the changes: changed rows in the tree and their ancestors. */
    private readonly dirty: ReadonlySet<string>,
  ) {}

  value(subject: string, field: Summed, mode: Mode): Decimal | undefined {
    const key = id(subject, field);
    const memo = mode === 'old' || !this.dirty.has(key) ? this.base.old : this.next;
    if (memo.has(key)) return memo.get(key);
    const value = memo === this.next ? this.compute(subject, field, 'next') : this.compute(subject, field, 'old');
    memo.set(key, value);
    return value;
  }

  private compute(subject: string, field: Summed, mode: Mode): Decimal | undefined {
    if (mode === 'next') {
      const override = this.overrides.get(id(subject, field));
      if (override?.inTree) return override.next;
    }
    const children = childSubjects(this.base, subject);
    if (children.length > 0) {
      const values = children.map((child) => this.value(child, field, mode));
      if (values.every((value): value is Decimal => value !== undefined)) return values.reduce((sum, value) => sum.plus(value), new Dec(0));
    }
    return statedValue(this.base, subject, field);
  }
}

/** Does the literal, at its own precision, read `value`? */
function reads(literal: NumberLiteral, value: Decimal): boolean {
  return roundHalfUp(value, literal.decimals).eq(literal.value);
}

/**
 * A sum of written scores is exact: widen the literal's decimals when the value needs more
 * ("20" → "19.6"), so that the sum rules find exactly the sum (a corrected value arrives already
 * rounded as its own cell writes it). Rates are rounded to the literal's own precision by the caller.
 */
function writtenDecimals(literal: NumberLiteral, value: Decimal): number {
  return Math.max(literal.decimals, naturalDecimals(value, 6));
}

function percentOf(literal: NumberLiteral, fraction: Decimal): Decimal {
  return literal.unit === '%' ? fraction.times(100) : fraction;
}

type Edit = (literal: NumberLiteral, value: Decimal, decimals?: number) => void;

export interface CascadeResult {
  /** Every edit, the changes' own included, in document order. */
  edits: TextEdit[];
  /**
   * The changes alone leave nothing newly contradicted: every other edit is a copy of a 得分/扣分
   * that already disagreed with the tables (a prose "实际得分 18.73 分" repeating a wrong 合计),
   * which its own finding reports either way. False when the cascade reaches a number computed
   * from the changed one (a sum, a rate, the grade) or a copy that agreed with it.
   */
  alone: boolean;
  /**
   * The cascade would rewrite a 分值 cell whose own table's children add up to the value it
   * states: no value fits both tables, so no fix should be offered (see `confirmedCopy`).
   */
  blocked: boolean;
}

/**
 * Every edit the changes imply, including the changes themselves. Changes to literals that state
 * no known quantity still produce their own edit.
 */
export function cascadeFix(context: RuleContext, changes: readonly LiteralChange[]): CascadeResult {
  const base = baseOf(context);
  const { statements } = base;
  const edits = new Map<number, TextEdit>();
  const values = new Map<number, Decimal>();
  let alone = true;
  let blocked = false;
  const edit: Edit = (literal, value, decimals = writtenDecimals(literal, value)) => {
    const newText = formatLike(value, literal, decimals);
    if (newText === literal.text) return;
    edits.set(literal.range.start, { range: literal.range, newText });
    values.set(literal.range.start, roundHalfUp(value, decimals));
  };
  const dependent: Edit = (literal, value, decimals) => {
    alone = false;
    edit(literal, value, decimals);
  };
  const overrides = new Map<string, Override>();
  for (const change of changes) {
    const decimals = change.decimals ?? writtenDecimals(change.literal, change.value);
    edit(change.literal, change.value, decimals);
    const statement = statementAt(statements, change.literal);
    if (!statement || statement.field === 'rate') continue;
    const node = treeNode(base, statement.subject);
    const own = node && (statement.field === 'weight' ? node.weight : node[statement.field]);
    const inTree = own !== undefined && own.range.start === change.literal.range.start && (node?.children.length ?? 0) === 0;
    // a written 分值 is what its copies (another table's cell, prose "分值为 40 分") repeat, whatever its children add up to
    const source = inTree || (statement.field === 'weight' && statement.place === 'indicator');
    // its copies repeat the value as the corrected cell writes it
    const override = { old: change.literal.value, next: roundHalfUp(change.value, decimals), inTree, source };
    // "效益" with its only child "项目效益": one quantity written under two names
    // (a written 分值's copies are followed under its own name only: the names below carry their own 分值 cells)
    for (const subject of singleChildChain(base, statement.subject)) overrides.set(id(subject, statement.field), subject === statement.subject ? override : { ...override, source: inTree });
  }
  const changed = new Set(changes.map((change) => change.literal.range.start));
  const affected = new Map<string, { subject: string; field: Summed }>();
  const dirty = new Set<string>();
  for (const [key, override] of overrides) {
    const [field, subject] = key.split('\u0000') as [Summed, string];
    for (let s: string | undefined = subject; s !== undefined; s = parentSubject(s)) {
      affected.set(id(s, field), { subject: s, field });
      if (override.inTree) dirty.add(id(s, field));
    }
  }
  const tree = new Tree(base, overrides, dirty);
  for (const { subject, field } of affected.values()) {
    const override = overrides.get(id(subject, field));
    const treeOld = tree.value(subject, field, 'old');
    const next = override && !override.inTree ? (override.source || treeOld?.eq(override.next) ? override.next : undefined) : tree.value(subject, field, 'next');
    const olds = [treeOld, override?.old].filter((value): value is Decimal => value !== undefined && !value.eq(next ?? value));
    if (!next || olds.length === 0) continue;
    for (const statement of statementsFor(statements, subject, field)) {
      if (!olds.some((old) => reads(statement.literal, old)) || reads(statement.literal, next)) continue;
      if (confirmedCopy(base, changed, statement)) blocked = true;
      // a score copy already at odds with the tree is reported by its own finding, the change or not
      const flagged = override !== undefined && field !== 'weight' && treeOld !== undefined && !reads(statement.literal, treeOld);
      (flagged ? edit : dependent)(statement.literal, next);
    }
    cascadeDerived(tree, statements, subject, field, dependent);
  }
  const graph = dependencyGraph(context.model);
  // a copy that is also computed from other numbers (a 得分表 合计 = Σ entries) keeps agreeing with them
  for (const start of [...edits.keys()]) {
    if (changes.some((change) => change.literal.range.start === start)) continue;
    const computed = graph.byOutput.get(start);
    if (computed && !consistentAfter(computed, values)) {
      edits.delete(start);
      values.delete(start);
    }
  }
  for (const { edit: computed, value } of propagate(graph, values)) {
    if (edits.has(computed.range.start)) continue;
    edits.set(computed.range.start, computed);
    values.set(computed.range.start, value);
    alone = false;
  }
  // the grade word follows the total grade-band judges it by (the stated one), whatever the tree says
  const total = statedTotal(context.model);
  const movedTotal = total && values.get(total.range.start);
  if (total && movedTotal && cascadeGrade(context, total.value, movedTotal, edits)) alone = false;
  return { edits: [...edits.values()].sort((a, b) => a.range.start - b.range.start), alone, blocked };
}

/**
 * Is the statement a 分值 cell whose own table's children add up to what it states now? Then
 * that table confirms the old value, and rewriting it would trade one broken sum for another (two
 * tables listing different children of one indicator: each table's fix would undo the other's).
 * Children the changes rewrite (a parent whose only child is the corrected cell) confirm nothing.
 */
function confirmedCopy(base: Base, changed: ReadonlySet<number>, statement: Statement): boolean {
  if (statement.field !== 'weight' || statement.place !== 'indicator') return false;
  const occurrences = base.index.indicatorsByLooseKey.get(statement.subject) ?? [];
  const copy = occurrences.find((indicator) => indicator.weight?.range.start === statement.literal.range.start);
  const children = copy ? childrenOf(base.index, copy) : [];
  if (children.length === 0 || children.some((child) => !child.weight || changed.has(child.weight.range.start))) return false;
  return children.reduce((total, child) => total.plus(child.weight!.value), new Dec(0)).eq(statement.literal.value);
}

/** The edits of `cascadeFix`. */
export function cascade(context: RuleContext, changes: readonly LiteralChange[]): TextEdit[] {
  return cascadeFix(context, changes).edits;
}

/** 得分率 (score / weight) and 扣分 (weight − score) of a subject whose score or weight changed. */
function cascadeDerived(tree: Tree, statements: readonly Statement[], subject: string, field: Summed, edit: Edit): void {
  if (field === 'deduction') return;
  const score = (mode: Mode) => tree.value(subject, 'score', mode);
  const weight = (mode: Mode) => tree.value(subject, 'weight', mode);
  const [oldScore, newScore, oldWeight, newWeight] = [score('old'), score('next'), weight('old'), weight('next')];
  if (!oldScore || !newScore || !oldWeight || !newWeight || oldWeight.isZero() || newWeight.isZero()) return;
  for (const statement of statementsFor(statements, subject, 'rate')) {
    const oldRate = percentOf(statement.literal, oldScore.div(oldWeight));
    const newRate = percentOf(statement.literal, newScore.div(newWeight));
    if (reads(statement.literal, oldRate) && !reads(statement.literal, newRate)) edit(statement.literal, newRate, statement.literal.decimals);
  }
  for (const statement of statementsFor(statements, subject, 'deduction')) {
    const oldDeduction = oldWeight.minus(oldScore);
    const newDeduction = newWeight.minus(newScore);
    if (reads(statement.literal, oldDeduction) && !reads(statement.literal, newDeduction)) edit(statement.literal, newDeduction);
  }
}

/** The grade word follows the report total when the band changes; synonyms keep their scheme (优秀 → 良好). True when a word changed. */
function cascadeGrade(context: RuleContext, old: Decimal, next: Decimal, edits: Map<number, TextEdit>): boolean {
  if (isAmbiguous(context.index, '')) return false;
  const bands = bandsOf(context.model, context.config);
  const oldBand = bandFor(bands, old);
  const newBand = bandFor(bands, next);
  if (!oldBand || !newBand || oldBand === newBand) return false;
  let changed = false;
  for (const claim of context.model.claims) {
    if (claim.field !== 'grade' || !claim.label || claimSubjectKey(context.index, claim.subject) !== '') continue;
    if (!sameGrade(oldBand, claim.label.text)) continue;
    const position = oldBand.names.indexOf(claim.label.text);
    const newText = (position >= 0 ? newBand.names[position] : undefined) ?? newBand.label;
    edits.set(claim.label.range.start, { range: claim.label.range, newText });
    changed = true;
  }
  return changed;
}
