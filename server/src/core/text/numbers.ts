/**
 * Number literals as reports write them: full-width digits (９５．１８), thousands separators
 * (1,687), units (分, %, 万元, 个, 人 …), comparison prefixes (≥90%, ＜1次).
 *
 * Scanning is a single left-to-right pass with no regular expressions, so it is linear in the
 * input whatever the input is.
 */
import Decimal from 'decimal.js';
import type { Comparator, NumberLiteral, Range } from '../model/types';

// Scores are small; 40 significant digits keep every intermediate exact. ROUND_HALF_UP = 四舍五入.
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

const FULL_WIDTH_ZERO = 0xff10;

/** Map one full-width character to its half-width form (digits, ASCII punctuation, ideographic space). */
export function toHalfWidthChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  return ch;
}

/** Half-width copy of a string. Same length (each char maps to one char), so offsets survive. */
export function toHalfWidth(text: string): string {
  let i = 0;
  while (i < text.length && !isFullWidthCode(text.charCodeAt(i))) i++;
  if (i === text.length) return text; // the common case: nothing to map, no copy
  const codes: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    codes.push(code === 0x3000 ? 0x20 : isFullWidthCode(code) ? code - 0xfee0 : code);
  }
  return fromCodes(codes);
}

/** String.fromCharCode over an array of any length (spreading a huge array overflows the stack). */
export function fromCodes(codes: readonly number[]): string {
  const CHUNK = 8192;
  if (codes.length <= CHUNK) return String.fromCharCode(...codes);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) parts.push(String.fromCharCode(...codes.slice(i, i + CHUNK)));
  return parts.join('');
}

function isFullWidthCode(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000;
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && isDigitCode(ch.charCodeAt(0));
}

/** A half- or full-width digit, by UTF-16 code. */
export function isDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9);
}

function isPoint(ch: string | undefined): boolean {
  return ch === '.' || ch === '．';
}

function isThousandsSeparator(ch: string | undefined): boolean {
  return ch === ',' || ch === '，';
}

const COMPARATORS: Record<string, Comparator> = {
  '≥': '≥', '≧': '≥', '>=': '≥', '≤': '≤', '≦': '≤', '<=': '≤',
  '>': '>', '＞': '>', '<': '<', '＜': '<', '=': '=', '＝': '=',
};

/** Units longest first, so 万元 wins over 元 and 人次 over 人. */
const UNITS = ['个百分点', '百分点', '万元', '亿元', '人次', '%', '％', '‰', '分', '元', '个', '人', '次', '家', '份', '项', '条', '年', '月', '日', '天', '户', '台', '套', '次'];

function unitAt(text: string, index: number): string {
  let i = index;
  while (text[i] === ' ') i++;
  for (const unit of UNITS) {
    if (text.startsWith(unit, i)) return unit === '％' ? '%' : unit;
  }
  return '';
}

function comparatorBefore(text: string, index: number): Comparator | undefined {
  let i = index - 1;
  while (i >= 0 && text[i] === ' ') i--;
  if (i < 0) return undefined;
  // "<br />90" or "<td>90": the angle bracket closes an HTML tag, it is not a comparison
  if (text[i] === '>' && /[/A-Za-z"']/.test(text[i - 1] ?? '')) return undefined;
  const two = text.slice(Math.max(0, i - 1), i + 1);
  if (COMPARATORS[two]) return COMPARATORS[two];
  return COMPARATORS[text[i]];
}

/** Does the text continue a word such that the digits are part of an identifier (e.g. "A1", "x2")? */
function isLatinLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export interface ScanOptions {
  /** Offset of `text` inside the document; ranges are document offsets. */
  base?: number;
}

/**
 * Every number literal in `text`. A literal is digits with optional thousands separators and one
 * decimal point, in either width; the unit and comparator around it are recorded, not included
 * in the range.
 */
export function scanNumbers(text: string, options: ScanOptions = {}): NumberLiteral[] {
  const base = options.base ?? 0;
  const found: NumberLiteral[] = [];
  let i = 0;
  while (i < text.length) {
    // skip by code: indexing a CJK character would allocate a string per character
    if (!isDigitCode(text.charCodeAt(i)) || isLatinLetter(text[i - 1])) {
      i++;
      continue;
    }
    const start = i;
    let sawPoint = false;
    let decimals = 0;
    let fullWidth = false;
    while (i < text.length) {
      const ch = text[i];
      if (isDigit(ch)) {
        if (ch.charCodeAt(0) >= FULL_WIDTH_ZERO) fullWidth = true;
        if (sawPoint) decimals++;
        i++;
      } else if (isPoint(ch) && !sawPoint && isDigit(text[i + 1])) {
        sawPoint = true;
        if (ch === '．') fullWidth = true;
        i++;
      } else if (
        ch === ',' && !sawPoint && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) && !isDigit(text[i + 4])
      ) {
        i++; // "1,687" — only a full group of three digits counts as a thousands group
      } else {
        break;
      }
    }
    const literalText = text.slice(start, i);
    if (isLatinLetter(text[i])) continue; // "3D", "5G": not a quantity
    const value = parseDecimal(literalText);
    if (value === undefined) continue;
    found.push({
      text: literalText,
      value,
      decimals,
      fullWidth,
      unit: unitAt(text, i),
      comparator: comparatorBefore(text, start),
      range: { start: base + start, end: base + i },
    });
  }
  return found;
}

/** Parse a literal ("1,687", "９５．１８") into a Decimal; undefined when it is not a number. */
export function parseDecimal(literal: string): Decimal | undefined {
  let normalized = '';
  for (const ch of literal) {
    const half = toHalfWidthChar(ch);
    if (isThousandsSeparator(half)) continue;
    normalized += half;
  }
  if (!/^\d+(\.\d+)?$/.test(normalized) || normalized.length > 60) return undefined;
  return new Dec(normalized);
}

/** 四舍五入 to `decimals` places. */
export function roundHalfUp(value: Decimal, decimals: number): Decimal {
  return value.toDecimalPlaces(Math.max(0, decimals), Decimal.ROUND_HALF_UP);
}

/** Minus signs a report writes before a negative number: ASCII, the minus sign, full width. */
export function isMinusSign(ch: string | undefined): boolean {
  return ch === '-' || ch === '−' || ch === '－';
}

/**
 * `literal` with the minus sign written right before it (`sign`, one character): the text and
 * range then cover the sign and the value is negative, so `text === doc.slice(range)` still holds
 * and a fix that rewrites the literal can keep, drop or add the sign. scanNumbers never does this
 * itself (a hyphen before digits is usually a range or label dash: "80-89", "表3-4"); callers
 * that know the position is a sign (a formula result after "=") use this.
 */
export function withSign(literal: NumberLiteral, sign: string): NumberLiteral {
  return { ...literal, text: sign + literal.text, value: literal.value.neg(), range: { start: literal.range.start - sign.length, end: literal.range.end } };
}

/**
 * Write `value` the way `like` is written: same number of decimals (unless `decimals` is given),
 * same digit width, thousands separators when `like` had them. A negative value gets the minus
 * sign `like` was written with ("−8.82" for "−8.28"), else "-" ("－" in full width).
 */
export function formatLike(value: Decimal, like: Pick<NumberLiteral, 'decimals' | 'fullWidth' | 'text'>, decimals = like.decimals): string {
  const rounded = roundHalfUp(value, decimals);
  let text = rounded.abs().toFixed(decimals);
  if (like.text.includes(',')) {
    const [intPart, frac] = text.split('.');
    text = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  if (like.fullWidth) text = fullWidthLike(text, like.text);
  if (rounded.isNegative() && !rounded.isZero()) text = (isMinusSign(like.text[0]) ? like.text[0] : like.fullWidth ? '－' : '-') + text;
  return text;
}

const MONEY_SCALE: Record<string, number> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/** `literal`'s value in `unit` (元/万元/亿元 converted; no unit on either side reads as the same), or undefined when the units cannot be converted. */
export function valueInUnit(literal: Pick<NumberLiteral, 'value' | 'unit'>, unit: string): Decimal | undefined {
  if (literal.unit === unit || literal.unit === '' || unit === '') return literal.value;
  const from = MONEY_SCALE[literal.unit];
  const to = MONEY_SCALE[unit];
  return from && to ? literal.value.times(from).div(to) : undefined;
}

/** The fewest decimals that write `value` exactly (trailing zeros dropped), at most `max`. */
export function naturalDecimals(value: Decimal, max = 4): number {
  return Math.min(value.decimalPlaces(), max);
}

/**
 * Full-width digits as `like` writes them. Word drafts mix widths within one number ("５.００"):
 * the decimal point and the thousands separator keep the width `like` gives them (full width
 * when `like` writes none).
 */
function fullWidthLike(text: string, like: string): string {
  const point = like.includes('.') ? '.' : '．';
  const comma = like.includes(',') ? ',' : '，';
  let out = '';
  for (const ch of text) out += ch === '.' ? point : ch === ',' ? comma : toFullWidth(ch);
  return out;
}

export function toFullWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
  }
  return out;
}

export function rangeText(text: string, range: Range): string {
  return text.slice(range.start, range.end);
}

/** A percentage literal as a fraction (85.4% → 0.854); other literals unchanged. */
export function asFraction(literal: Pick<NumberLiteral, 'value' | 'unit'>): Decimal {
  return literal.unit === '%' ? literal.value.div(100) : literal.value;
}
