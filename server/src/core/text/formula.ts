/**
 * Arithmetic as reports write it: "（10/10）×100%", "［（12*100%+5*80%+5*60%）/22*1］*100%",
 * full-width digits and brackets, × x * ÷ /, and "%" as a postfix meaning ÷100 (so "12*100%" is
 * 12 × 1.00). A small recursive-descent parser evaluating over Decimal — never eval. Anything it
 * does not understand, or input beyond the size and nesting limits, gives `undefined`; it never
 * throws.
 */
import type Decimal from 'decimal.js';
import { Dec, isDigit, parseDecimal, toHalfWidthChar } from './numbers';

export const MAX_FORMULA_TOKENS = 200;
export const MAX_FORMULA_DEPTH = 20;
const MAX_FORMULA_LENGTH = 2000;

export type FormulaToken =
  | { kind: 'number'; value: Decimal; start: number; end: number }
  | { kind: 'op'; op: '+' | '-' | '*' | '/'; start: number; end: number }
  | { kind: 'percent'; start: number; end: number }
  | { kind: 'open' | 'close'; bracket: 'round' | 'square'; start: number; end: number };

const OPERATORS: Record<string, '+' | '-' | '*' | '/'> = {
  '+': '+', '-': '-', '−': '-', '–': '-', '×': '*', x: '*', X: '*', '*': '*', '·': '*', '÷': '/', '/': '/',
};
const OPENERS: Record<string, 'round' | 'square'> = { '(': 'round', '[': 'square', '【': 'square', '〔': 'square' };
const CLOSERS: Record<string, 'round' | 'square'> = { ')': 'round', ']': 'square', '】': 'square', '〕': 'square' };

/** Tokens of `text` with offsets into it; undefined when a character is not arithmetic. */
export function tokenizeFormula(text: string): FormulaToken[] | undefined {
  if (text.length > MAX_FORMULA_LENGTH) return undefined;
  const tokens: FormulaToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = toHalfWidthChar(text[i]);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
    } else if (isDigit(text[i])) {
      const start = i;
      let sawPoint = false;
      while (i < text.length && (isDigit(text[i]) || (!sawPoint && toHalfWidthChar(text[i]) === '.' && isDigit(text[i + 1])))) {
        if (!isDigit(text[i])) sawPoint = true;
        i++;
      }
      const value = parseDecimal(text.slice(start, i));
      if (value === undefined) return undefined;
      tokens.push({ kind: 'number', value, start, end: i });
    } else if (OPERATORS[ch]) {
      tokens.push({ kind: 'op', op: OPERATORS[ch], start: i, end: i + 1 });
      i++;
    } else if (ch === '%') {
      tokens.push({ kind: 'percent', start: i, end: i + 1 });
      i++;
    } else if (OPENERS[ch]) {
      tokens.push({ kind: 'open', bracket: OPENERS[ch], start: i, end: i + 1 });
      i++;
    } else if (CLOSERS[ch]) {
      tokens.push({ kind: 'close', bracket: CLOSERS[ch], start: i, end: i + 1 });
      i++;
    } else {
      return undefined;
    }
    if (tokens.length > MAX_FORMULA_TOKENS) return undefined;
  }
  return tokens;
}

class Failure extends Error {}

/** expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ; unary := '-' unary | primary '%'* ;
 *  primary := number | open expr close */
class Parser {
  private pos = 0;
  constructor(private readonly tokens: FormulaToken[]) {}

  parseAll(): Decimal {
    const value = this.expr(0);
    if (this.pos !== this.tokens.length) throw new Failure();
    return value;
  }

  private peek(): FormulaToken | undefined {
    return this.tokens[this.pos];
  }

  private expr(depth: number): Decimal {
    if (depth > MAX_FORMULA_DEPTH) throw new Failure();
    let value = this.term(depth);
    for (let t = this.peek(); t?.kind === 'op' && (t.op === '+' || t.op === '-'); t = this.peek()) {
      this.pos++;
      const right = this.term(depth);
      value = t.op === '+' ? value.plus(right) : value.minus(right);
    }
    return value;
  }

  private term(depth: number): Decimal {
    let value = this.unary(depth);
    for (let t = this.peek(); t?.kind === 'op' && (t.op === '*' || t.op === '/'); t = this.peek()) {
      this.pos++;
      const right = this.unary(depth);
      if (t.op === '/' && right.isZero()) throw new Failure();
      value = t.op === '*' ? value.times(right) : value.div(right);
    }
    return value;
  }

  private unary(depth: number): Decimal {
    const t = this.peek();
    if (t?.kind === 'op' && t.op === '-') {
      this.pos++;
      if (depth + 1 > MAX_FORMULA_DEPTH) throw new Failure();
      return this.unary(depth + 1).neg();
    }
    let value = this.primary(depth);
    while (this.peek()?.kind === 'percent') {
      this.pos++;
      value = value.div(100);
    }
    return value;
  }

  private primary(depth: number): Decimal {
    const t = this.peek();
    if (t?.kind === 'number') {
      this.pos++;
      return t.value;
    }
    if (t?.kind === 'open') {
      this.pos++;
      const value = this.expr(depth + 1);
      const close = this.peek();
      if (close?.kind !== 'close' || close.bracket !== t.bracket) throw new Failure();
      this.pos++;
      return value;
    }
    throw new Failure();
  }
}

/** Evaluate tokens; undefined when malformed (unbalanced, dangling operator, ÷0, too deep). */
export function evaluateTokens(tokens: FormulaToken[]): Decimal | undefined {
  if (tokens.length === 0 || tokens.length > MAX_FORMULA_TOKENS) return undefined;
  try {
    const value = new Parser(tokens).parseAll();
    return value.isFinite() ? new Dec(value) : undefined;
  } catch {
    // Failure from the parser; nothing else in it can throw, but the core must never throw anyway
    return undefined;
  }
}

/** Evaluate an arithmetic text; undefined when it is not (only) arithmetic or is malformed. */
export function evaluateFormula(text: string): Decimal | undefined {
  const tokens = tokenizeFormula(text);
  return tokens ? evaluateTokens(tokens) : undefined;
}

function isOperand(token: FormulaToken | undefined, side: 'left' | 'right'): boolean {
  if (token === undefined) return false;
  if (side === 'left') return token.kind === 'number' || token.kind === 'percent' || token.kind === 'close';
  return token.kind === 'number' || token.kind === 'open' || (token.kind === 'op' && token.op === '-');
}

/** A number written as an integer of `min`…`max` digits (no decimal point). */
function isIntegerOf(token: FormulaToken | undefined, text: string, min: number, max: number): boolean {
  if (token?.kind !== 'number') return false;
  const length = token.end - token.start;
  if (length < min || length > max) return false;
  for (let i = token.start; i < token.end; i++) if (!isDigit(text[i])) return false;
  return true;
}

/** "2020-12-14", "2020/12": a year followed by a month, not a subtraction or a division. */
function holdsDate(tokens: readonly FormulaToken[], text: string): boolean {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const year = tokens[i];
    const op = tokens[i + 1];
    if (!isIntegerOf(year, text, 4, 4) || year.kind !== 'number' || op.kind !== 'op' || (op.op !== '-' && op.op !== '/')) continue;
    if (!year.value.gte(1900) || !year.value.lte(2099)) continue;
    const month = tokens[i + 2];
    if (isIntegerOf(month, text, 1, 2) && month.kind === 'number' && month.value.gte(1) && month.value.lte(12)) return true;
  }
  return false;
}

/** "80-89", "3-4", "80%-89%": integers joined only by dashes, never decreasing — a range or a label number. */
function isDashedSeries(tokens: readonly FormulaToken[], text: string): boolean {
  let previous: Decimal | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'percent') continue;
    if (t.kind === 'op' && t.op === '-' && previous !== undefined) continue;
    if (!isIntegerOf(t, text, 1, 4) || t.kind !== 'number') return false;
    if (previous !== undefined && t.value.lt(previous)) return false;
    previous = t.value;
  }
  return true;
}

/**
 * Is this token string a calculation? It needs an operator between two operands (a bare "-5" or
 * "100%" is a value, not a formula), and it must not be a date ("2020-12-14") or a dashed series
 * of integers — a range ("80-89") or a label number ("表3-4", "图 2-1") — which only look like
 * subtraction. `text` is the string the tokens' offsets point into.
 */
export function isCalculation(tokens: readonly FormulaToken[], text: string): boolean {
  let binary = false;
  for (let i = 1; i + 1 < tokens.length && !binary; i++) {
    const t = tokens[i];
    binary = t.kind === 'op' && isOperand(tokens[i - 1], 'left') && isOperand(tokens[i + 1], 'right');
  }
  return binary && !holdsDate(tokens, text) && !isDashedSeries(tokens, text);
}
