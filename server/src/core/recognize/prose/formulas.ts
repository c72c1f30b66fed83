/**
 * Inline formulas: "资金到位率=（10/10）×100%=100%", "满意度（%）=［“非常满意”人数*100%+…］*100%=
 * ［（12*100%+5*80%+5*60%）/22*1］*100%=86.36%". In an "=" chain the result is the number after the
 * last "=", and the expression is the arithmetic written right before it. A segment with words
 * (a template such as "“非常满意”人数*100%") is not arithmetic and is never evaluated.
 */
import type { Formula, NumberLiteral, Range, TextSpan } from '../../model/types';
import type { FormulaToken } from '../../text/formula';
import { evaluateTokens, tokenizeFormula } from '../../text/formula';
import { scanNumbers } from '../../text/numbers';
import type { SubjectContext } from './subjects';
import { resolveSubject } from './subjects';

const EQUALS = new Set(['=', '＝']);
/** Clause breaks: a formula never spans them. */
const CLAUSE_BREAKS = new Set(['，', '：', ':', '；', ';', '。']);
const ARITHMETIC = /[0-9０-９.．+＋\-－−–×xX*＊·÷/／%％()（）[\]［］【】〔〕\s]/u;

interface Clause {
  start: number;
  end: number;
}

function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || CLAUSE_BREAKS.has(text[i])) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** The arithmetic run that ends segment [start, end): scanning back over arithmetic characters. */
function trailingArithmetic(text: string, start: number, end: number): Range | undefined {
  let s = end;
  while (s > start && ARITHMETIC.test(text[s - 1])) s--;
  let e = end;
  while (s < e && /\s/u.test(text[s])) s++;
  while (e > s && /\s/u.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : undefined;
}

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

function formulaIn(ctx: SubjectContext, sentence: TextSpan, clause: Clause): Formula | undefined {
  const text = sentence.text;
  const base = sentence.range.start;
  const equals: number[] = [];
  for (let i = clause.start; i < clause.end; i++) if (EQUALS.has(text[i])) equals.push(i);
  if (equals.length < 2 && !(equals.length === 1 && clause.start < equals[0])) return undefined;
  const last = equals[equals.length - 1];
  const result = scanNumbers(text.slice(last + 1, clause.end), { base: base + last + 1 })[0];
  if (!result || text.slice(last + 1, result.range.start - base).trim() !== '') return undefined;
  // "=10/10" ends the chain with arithmetic, not with a result
  const after = text.slice(result.range.end - base, clause.end).replace(/^[\s%％]+/u, '');
  if (after.length > 0 && /^[+\-×*÷/＋－＊／]/u.test(after)) return undefined;
  const segmentStart = equals.length >= 2 ? equals[equals.length - 2] + 1 : clause.start;
  const run = trailingArithmetic(text, segmentStart, last);
  if (!run) return undefined;
  const expressionText = text.slice(run.start, run.end);
  const tokens = tokenizeFormula(expressionText);
  if (!tokens || !tokens.some((t) => t.kind === 'op')) return undefined;
  const value = evaluateTokens(tokens);
  if (value === undefined) return undefined;

  const expression: TextSpan = { text: expressionText, range: { start: base + run.start, end: base + run.end } };
  const literals = scanNumbers(expressionText, { base: expression.range.start });
  const literalAt = (offset: number): NumberLiteral | undefined => literals.find((l) => l.range.start === expression.range.start + offset);
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

export function recognizeFormulas(ctx: SubjectContext, sentence: TextSpan): Formula[] {
  if (!sentence.text.includes('=') && !sentence.text.includes('＝')) return [];
  const out: Formula[] = [];
  for (const clause of clausesOf(sentence.text)) {
    const formula = formulaIn(ctx, sentence, clause);
    if (formula) out.push(formula);
  }
  return out;
}
