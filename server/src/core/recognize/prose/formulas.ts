/**
 * Inline formulas: "资金到位率=（10/10）×100%=100%", "满意度（%）=［“非常满意”人数*100%+…］*100%=
 * ［（12*100%+5*80%+5*60%）/22*1］*100%=86.36%", "变动率=（18.60-20.40）/20.40×100%=-8.28%". In an
 * "=" chain the result is the number right after the last "=" (with its minus sign, if written),
 * and the expression is the arithmetic written right before it. Only a real calculation counts:
 * an operator between two operands, none of them a label or date ("表3-4 = 20", "2020-12-14",
 * "80-89" are not arithmetic). A segment with words (a template such as "“非常满意”人数*100%") is
 * not arithmetic and is never evaluated.
 */
import type { Formula, NumberLiteral, Range, TextSpan } from '../../model/types';
import type { FormulaToken } from '../../text/formula';
import { evaluateTokens, isCalculation, tokenizeFormula } from '../../text/formula';
import { isMinusSign, withSign } from '../../text/numbers';
import { isSpaceCode } from '../../text/sentences';
import type { SubjectContext } from './subjects';
import { resolveSubject } from './subjects';

const EQUALS = new Set(['=', '＝']);
/** Clause breaks: a formula never spans them. */
const CLAUSE_BREAKS = new Set(['，', '：', ':', '；', ';', '。']);
const ARITHMETIC = new Set([...'0123456789０１２３４５６７８９.．+＋-－−–×xX*＊·÷/／%％()（）[]［］【】〔〕']);
/** Words that make the number after them a label ("表3-4", "图 2-1", "第3-5条", "附件1"), not an operand. */
const LABEL_WORDS = ['附件', '附表', '附图', '公式', '编号', '序号', '表', '图', '第', '章', '节', '条', '款', '式'];

function isArithmetic(ch: string): boolean {
  return ARITHMETIC.has(ch) || isSpaceCode(ch.charCodeAt(0));
}

function isDigitChar(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９'));
}

interface Clause {
  start: number;
  end: number;
}

/** Clauses end at CLAUSE_BREAKS and at a "," that is not a thousands separator ("1,687"). */
function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const comma = text[i] === ',' && !(isDigitChar(text[i - 1]) && isDigitChar(text[i + 1]));
    if (i === text.length || comma || CLAUSE_BREAKS.has(text[i])) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** The arithmetic run that ends segment [start, end): scanning back over arithmetic characters. */
function trailingArithmetic(text: string, start: number, end: number): Range | undefined {
  let s = end;
  while (s > start && isArithmetic(text[s - 1])) s--;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return e > s ? { start: s, end: e } : undefined;
}

/** Does a label word ("表", "图", "第"…) stand right before `at` (spaces allowed between)? */
function labelBefore(text: string, from: number, at: number): boolean {
  let i = at;
  while (i > from && isSpaceCode(text.charCodeAt(i - 1))) i--;
  return LABEL_WORDS.some((word) => i - word.length >= from && text.startsWith(word, i - word.length));
}

/** The literal starting at `offset` (a document offset) among the sentence's literals. */
function literalStartingAt(literals: readonly NumberLiteral[], offset: number): NumberLiteral | undefined {
  for (const l of literals) {
    if (l.range.start === offset) return l;
    if (l.range.start > offset) return undefined;
  }
  return undefined;
}

/** The result after the last "=": spaces, an optional minus sign, then the number. */
function resultAfter(text: string, base: number, at: number, end: number, literals: readonly NumberLiteral[]): NumberLiteral | undefined {
  let i = at;
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  const sign = isMinusSign(text[i]) ? text[i] : '';
  const literal = literalStartingAt(literals, base + i + sign.length);
  if (!literal || literal.range.end - base > end) return undefined;
  return sign ? withSign(literal, sign) : literal;
}

/** "=10/10" ends the chain with arithmetic, not with a result: an operator follows the number. */
function operatorFollows(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && (isSpaceCode(text.charCodeAt(i)) || text[i] === '%' || text[i] === '％')) i++;
  return i < end && OPERATORS_AFTER.has(text[i]);
}

const OPERATORS_AFTER = new Set(['+', '-', '×', '*', '÷', '/', '＋', '－', '＊', '／', '−']);

/** "n*w%" terms summed in brackets and divided by a count: the weighted satisfaction formula. */
function weightedTerms(tokens: FormulaToken[], literalAt: (offset: number) => NumberLiteral | undefined): Formula['weighted'] {
  const isNumber = (i: number): boolean => tokens[i]?.kind === 'number';
  const isOp = (i: number, op: string): boolean => {
    const t = tokens[i];
    return t?.kind === 'op' && t.op === op;
  };
  for (let i = 0; i < tokens.length; i++) {
    const terms: { count: NumberLiteral; weight: NumberLiteral }[] = [];
    let j = i;
    while (isNumber(j) && isOp(j + 1, '*') && isNumber(j + 2)) {
      const count = literalAt(tokens[j].start);
      const weight = literalAt(tokens[j + 2].start);
      if (!count || !weight) return undefined;
      terms.push({ count, weight });
      // the weight is a percentage ("×80%"), or a bare 0 for 不满意 ("6×0")
      j += tokens[j + 3]?.kind === 'percent' ? 4 : 3;
      if (!isOp(j, '+')) break;
      j++;
    }
    if (terms.length >= 2 && tokens[j]?.kind === 'close' && isOp(j + 1, '/') && isNumber(j + 2)) {
      const total = literalAt(tokens[j + 2].start);
      return total ? { terms, total } : undefined;
    }
  }
  return undefined;
}

function formulaIn(ctx: SubjectContext, sentence: TextSpan, clause: Clause, literals: readonly NumberLiteral[]): Formula | undefined {
  const text = sentence.text;
  const base = sentence.range.start;
  const equals: number[] = [];
  for (let i = clause.start; i < clause.end; i++) if (EQUALS.has(text[i])) equals.push(i);
  if (equals.length < 2 && !(equals.length === 1 && clause.start < equals[0])) return undefined;
  const last = equals[equals.length - 1];
  const result = resultAfter(text, base, last + 1, clause.end, literals);
  if (!result || operatorFollows(text, result.range.end - base, clause.end)) return undefined;
  const segmentStart = equals.length >= 2 ? equals[equals.length - 2] + 1 : clause.start;
  const run = trailingArithmetic(text, segmentStart, last);
  if (!run || (isDigitChar(text[run.start]) && labelBefore(text, clause.start, run.start))) return undefined;
  const expressionText = text.slice(run.start, run.end);
  const tokens = tokenizeFormula(expressionText);
  if (!tokens || !isCalculation(tokens, expressionText)) return undefined;
  const value = evaluateTokens(tokens);
  if (value === undefined) return undefined;

  const expression: TextSpan = { text: expressionText, range: { start: base + run.start, end: base + run.end } };
  const literalAt = (offset: number): NumberLiteral | undefined => literalStartingAt(literals, expression.range.start + offset);
  const labelEnd = equals.length >= 2 ? equals[0] : run.start;
  const label = text.slice(clause.start, labelEnd).replace(/\s+/gu, '');
  const subject = resolveSubject(ctx, sentence, { limit: expression.range.start });
  const formula: Formula = {
    label,
    expression,
    result,
    value: result.unit === '%' ? value.times(100) : value,
    subjectKey: subject?.kind === 'indicator' ? subject.key : undefined,
    sentence,
  };
  const weighted = weightedTerms(tokens, literalAt);
  if (weighted) formula.weighted = weighted;
  return formula;
}

/** `literals`: the number literals of the sentence, in order. */
export function recognizeFormulas(ctx: SubjectContext, sentence: TextSpan, literals: readonly NumberLiteral[]): Formula[] {
  if (!sentence.text.includes('=') && !sentence.text.includes('＝')) return [];
  const out: Formula[] = [];
  for (const clause of clausesOf(sentence.text)) {
    const formula = formulaIn(ctx, sentence, clause, literals);
    if (formula) out.push(formula);
  }
  return out;
}
