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
 * left alone. Every edit is written with `formatLike` of the literal it replaces.
 */
import type Decimal from 'decimal.js';
import type { Indicator, NumberLiteral } from '../model/types';
import { bandFor, bandsOf, sameGrade } from '../services/grades';
import { Dec, formatLike, naturalDecimals, roundHalfUp } from '../text/numbers';
import { isAmbiguous, looseKeyOf, type ModelIndex } from './modelIndex';
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
 */
type Override = { old: Decimal; next: Decimal; inTree: boolean };
type Mode = 'old' | 'next';

function id(subject: string, field: QuantityField): string {
  return `${field}\u0000${subject}`;
}

function parentSubject(subject: string): string | undefined {
  if (subject === '') return undefined;
  const cut = subject.lastIndexOf('/');
  return cut < 0 ? '' : subject.slice(0, cut);
}

/** The occurrence of a subject to recompute from: a section table with children, else any. */
function treeNode(index: ModelIndex, subject: string): Indicator | undefined {
  const occurrences = index.indicatorsByLooseKey.get(subject) ?? [];
  const inSection = occurrences.filter((indicator) => !index.tablesByIndex.get(indicator.tableIndex)?.annex);
  return inSection.find((indicator) => indicator.children.length > 0) ?? inSection[0] ?? occurrences[0];
}

function childSubjects(index: ModelIndex, subject: string): string[] {
  if (subject === '') return index.levelOne.map((entry) => entry.looseKey);
  const node = treeNode(index, subject);
  if (!node) return [];
  const table = index.tablesByIndex.get(node.tableIndex);
  const children = table?.indicators.filter((candidate) => candidate.parent === node.key && node.children.includes(candidate.key)) ?? [];
  return children.map((child) => looseKeyOf(child.path));
}

/** The subject and the descendants it is identical to (each the only child of the one above). */
function singleChildChain(index: ModelIndex, subject: string): string[] {
  const chain = [subject];
  for (let children = childSubjects(index, subject); children.length === 1 && subject !== ''; children = childSubjects(index, children[0])) {
    chain.push(children[0]);
  }
  return chain;
}

class Tree {
  private readonly memo = new Map<string, Decimal | undefined>();

  constructor(
    private readonly index: ModelIndex,
    private readonly statements: readonly Statement[],
    private readonly overrides: ReadonlyMap<string, Override>,
  ) {}

  value(subject: string, field: Summed, mode: Mode): Decimal | undefined {
    const key = `${mode}\u0000${id(subject, field)}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const value = this.compute(subject, field, mode);
    this.memo.set(key, value);
    return value;
  }

  private compute(subject: string, field: Summed, mode: Mode): Decimal | undefined {
    const override = this.overrides.get(id(subject, field));
    if (override?.inTree) return mode === 'old' ? override.old : override.next;
    const children = childSubjects(this.index, subject);
    if (children.length > 0) {
      const values = children.map((child) => this.value(child, field, mode));
      if (values.every((value): value is Decimal => value !== undefined)) return values.reduce((sum, value) => sum.plus(value), new Dec(0));
    }
    return this.stated(subject, field);
  }

  /** What the report writes for a leaf: the section table's value, else the first statement. */
  private stated(subject: string, field: Summed): Decimal | undefined {
    const node = treeNode(this.index, subject);
    if (node) {
      if (field === 'weight' && !node.weight && node.weightParts.length > 0) return node.weightParts.reduce((sum, part) => sum.plus(part.value), new Dec(0));
      const literal = node[field];
      if (literal) return literal.value;
    }
    return statementsFor(this.statements, subject, field)[0]?.literal.value;
  }
}

/** Does the literal, at its own precision, read `value`? */
function reads(literal: NumberLiteral, value: Decimal): boolean {
  return roundHalfUp(value, literal.decimals).eq(literal.value);
}

/**
 * A sum of written scores is exact: widen the literal's decimals when the value needs more
 * ("20" → "19.6"), up to 2. Rates are rounded to the literal's own precision by the caller.
 */
function writtenDecimals(literal: NumberLiteral, value: Decimal): number {
  return Math.max(literal.decimals, naturalDecimals(value, 2));
}

function percentOf(literal: NumberLiteral, fraction: Decimal): Decimal {
  return literal.unit === '%' ? fraction.times(100) : fraction;
}

/**
 * Every edit the changes imply, including the changes themselves. Changes to literals that state
 * no known quantity still produce their own edit.
 */
export function cascade(context: RuleContext, changes: readonly LiteralChange[]): TextEdit[] {
  const { model, index } = context;
  const statements = statementsOf(model, index);
  const edits = new Map<number, TextEdit>();
  const edit = (literal: NumberLiteral, value: Decimal, decimals = writtenDecimals(literal, value)) => {
    const newText = formatLike(value, literal, decimals);
    if (newText !== literal.text) edits.set(literal.range.start, { range: literal.range, newText });
  };
  const overrides = new Map<string, Override>();
  for (const change of changes) {
    edit(change.literal, change.value, change.decimals);
    const statement = statementAt(statements, change.literal);
    if (!statement || statement.field === 'rate') continue;
    const node = treeNode(index, statement.subject);
    const own = node && (statement.field === 'weight' ? node.weight : node[statement.field]);
    const inTree = own !== undefined && own.range.start === change.literal.range.start && (node?.children.length ?? 0) === 0;
    const override = { old: change.literal.value, next: change.value, inTree };
    // "效益" with its only child "项目效益": one quantity written under two names
    for (const subject of singleChildChain(index, statement.subject)) overrides.set(id(subject, statement.field), override);
  }
  const tree = new Tree(index, statements, overrides);
  const affected = new Map<string, { subject: string; field: Summed }>();
  for (const key of overrides.keys()) {
    const [field, subject] = key.split('\u0000') as [Summed, string];
    for (let s: string | undefined = subject; s !== undefined; s = parentSubject(s)) affected.set(id(s, field), { subject: s, field });
  }
  for (const { subject, field } of affected.values()) {
    const override = overrides.get(id(subject, field));
    const treeOld = tree.value(subject, field, 'old');
    const next = override && !override.inTree ? (treeOld?.eq(override.next) ? override.next : undefined) : tree.value(subject, field, 'next');
    const olds = [treeOld, override?.old].filter((value): value is Decimal => value !== undefined && !value.eq(next ?? value));
    if (!next || olds.length === 0) continue;
    for (const statement of statementsFor(statements, subject, field)) {
      if (olds.some((old) => reads(statement.literal, old)) && !reads(statement.literal, next)) edit(statement.literal, next);
    }
    const old = olds[0];
    cascadeDerived(tree, statements, subject, field, edit);
    if (subject === '' && field === 'score') cascadeGrade(context, old, next, edits);
  }
  return [...edits.values()].sort((a, b) => a.range.start - b.range.start);
}

/** 得分率 (score / weight) and 扣分 (weight − score) of a subject whose score or weight changed. */
function cascadeDerived(tree: Tree, statements: readonly Statement[], subject: string, field: Summed, edit: (literal: NumberLiteral, value: Decimal, decimals?: number) => void): void {
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

/** The grade word follows the report total when the band changes; synonyms keep their scheme (优秀 → 良好). */
function cascadeGrade(context: RuleContext, old: Decimal, next: Decimal, edits: Map<number, TextEdit>): void {
  if (isAmbiguous(context.index, '')) return;
  const bands = bandsOf(context.model, context.config);
  const oldBand = bandFor(bands, old);
  const newBand = bandFor(bands, next);
  if (!oldBand || !newBand || oldBand === newBand) return;
  for (const claim of context.model.claims) {
    if (claim.field !== 'grade' || !claim.label || claimSubjectKey(context.index, claim.subject) !== '') continue;
    if (!sameGrade(oldBand, claim.label.text)) continue;
    const position = oldBand.names.indexOf(claim.label.text);
    const newText = (position >= 0 ? newBand.names[position] : undefined) ?? newBand.label;
    edits.set(claim.label.range.start, { range: claim.label.range, newText });
  }
}
