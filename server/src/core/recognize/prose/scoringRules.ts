/**
 * Scoring rules written in the 评分标准 cells of indicator tables (domain.md §3): element rules
 * (①②③…, "每条要素占权重分的25%", "分别占30%、30%、40%权重分"), per-point deductions in four families,
 * proportional scoring, and bands with "(含)" per bound. Text that fits no family yields no rule —
 * a free-text criterion is normal, not a problem.
 *
 * The text is read on a half-width, whitespace-free copy; the rule keeps the criterion's span.
 */
import type Decimal from 'decimal.js';
import type { IndicatorRule, IndicatorTable, ScoringRule, TextSpan } from '../../model/types';
import { Dec, toHalfWidth } from '../../text/numbers';

type Band = Extract<ScoringRule, { kind: 'band' }>['bands'][number];

const NUMERALS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function decimalOf(written: string): Decimal {
  return new Dec(NUMERALS[written] ?? written);
}

function normalized(text: string): string {
  return toHalfWidth(text).replace(/\s+/gu, '').replace(/（/gu, '(').replace(/）/gu, ')');
}

/** A decimal number written in a normalised rule text, with its place. */
interface WrittenNumber {
  value: Decimal;
  start: number;
  end: number;
}

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Every number "12" / "0.5" in `t`: one left-to-right pass (an unanchored /[0-9]+…/g is quadratic). */
function numbersIn(t: string): WrittenNumber[] {
  const out: WrittenNumber[] = [];
  let i = 0;
  while (i < t.length) {
    if (!isAsciiDigit(t[i])) {
      i++;
      continue;
    }
    const start = i;
    while (isAsciiDigit(t[i])) i++;
    if (t[i] === '.' && isAsciiDigit(t[i + 1])) {
      i++;
      while (isAsciiDigit(t[i])) i++;
    }
    out.push({ value: new Dec(t.slice(start, i)), start, end: i });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Element rules

function circledCount(t: string): number {
  const seen = new Set<string>();
  for (const ch of t) if (ch >= '①' && ch <= '⑳') seen.add(ch);
  return seen.size;
}

const ITEM_ENDS = new Set([';', '；', '。', '.', ',', '，']);

/**
 * Fixed points per circled element, "①…,1分;②…,1分;③…,1分": one value per item, each written at
 * the end of its item; undefined unless every item (at least two) has one.
 */
function elementPoints(t: string): Decimal[] | undefined {
  const starts: number[] = [];
  for (let i = 0; i < t.length; i++) if (t[i] >= '①' && t[i] <= '⑳') starts.push(i);
  if (starts.length < 2) return undefined;
  const points: Decimal[] = [];
  for (let k = 0; k < starts.length; k++) {
    let end = k + 1 < starts.length ? starts[k + 1] : t.length;
    while (end > starts[k] && ITEM_ENDS.has(t[end - 1])) end--;
    if (t[end - 1] !== '分') return undefined;
    const written = numbersIn(t.slice(starts[k] + 1, end - 1)).pop();
    if (!written || written.end !== end - 1 - starts[k] - 1) return undefined;
    points.push(written.value);
  }
  return points;
}

function elementRule(t: string, text: TextSpan): ScoringRule | undefined {
  const circled = circledCount(t);
  const points = elementPoints(t);
  if (points) return { kind: 'element', elements: points.length, points, text };
  const explicit = /分别占([0-9.%、,和及]+)/u.exec(t);
  const triggered = explicit || /要素|每有一条|每条/u.test(t) || (circled >= 2 && /不符合|权重|扣/u.test(t));
  if (!triggered) return undefined;
  if (explicit) {
    const list = explicit[1];
    const shares = numbersIn(list).filter((n) => list[n.end] === '%').map((n) => n.value.div(100));
    if (shares.length >= 2) return { kind: 'element', elements: circled >= 2 ? circled : shares.length, shares, text };
  }
  const percent = /占(?:权重分|分值|权重)?的?([0-9]+(?:\.[0-9]+)?)%/u.exec(t);
  const fraction = /占(?:权重分|分值|权重)?的?([0-9]+)\/([0-9]+)/u.exec(t);
  const share = percent ? new Dec(percent[1]).div(100) : fraction && fraction[2] !== '0' ? new Dec(fraction[1]).div(fraction[2]) : undefined;
  const fromShare = share && !share.isZero() && new Dec(1).div(share).isInteger() ? new Dec(1).div(share).toNumber() : undefined;
  const elements = circled >= 2 ? circled : fromShare;
  if (elements === undefined) return undefined;
  return share ? { kind: 'element', elements, shares: Array.from({ length: elements }, () => share), text } : { kind: 'element', elements, text };
}

// ---------------------------------------------------------------------------------------------
// Per-point deductions

const OVER_VERBS = /超过|超出|高于|增加|多/u;
const STEP_UNITS = ['个百分点', '百分点', '%'];

/** The step of a per-point rule: the first number (or numeral) written with a percentage unit. */
function stepIn(head: string): Decimal | undefined {
  const candidates: { value: Decimal; start: number; end: number }[] = numbersIn(head);
  for (let i = 0; i < head.length; i++) if (NUMERALS[head[i]] !== undefined) candidates.push({ value: decimalOf(head[i]), start: i, end: i + 1 });
  candidates.sort((a, b) => a.start - b.start);
  return candidates.find((n) => STEP_UNITS.some((unit) => head.startsWith(unit, n.end)))?.value;
}
const DEDUCTION = /^除?(权重分的)?([0-9]+(?:\.[0-9]+)?)(%|分)(的?权重分)?/u;
const PER_ITEM = /扣([0-9]+(?:\.[0-9]+)?)分\/(个|项|次|例|处|条|家)/u;
const THRESHOLD = /[≤≦<]=?([0-9]+(?:\.[0-9]+)?)%|以([0-9]+(?:\.[0-9]+)?)%为(?:标准|基准|上限)/u;
const WINDOW = 30;

function perPointRule(t: string, text: TextSpan): ScoringRule | undefined {
  for (let i = t.indexOf('每'); i >= 0; i = t.indexOf('每', i + 1)) {
    const window = t.slice(i + 1, i + 1 + WINDOW);
    const k = window.indexOf('扣');
    if (k < 0) continue;
    const head = window.slice(0, k);
    const deduction = DEDUCTION.exec(t.slice(i + 1 + k + 1));
    if (!deduction) continue;
    const per = new Dec(deduction[2]);
    const ofWeight = deduction[3] === '%' && (deduction[1] !== undefined || deduction[4] !== undefined);
    if (deduction[3] === '%' && !ofWeight) continue;
    const step = stepIn(head);
    if (!step) {
      // "每出现一例…扣1分": one deduction per occurrence; a share of the weight per occurrence is an element rule
      if (ofWeight) continue;
      return { kind: 'per-point', family: 'per-occurrence', step: new Dec(1), per, text };
    }
    if (OVER_VERBS.test(head)) {
      const threshold = THRESHOLD.exec(t);
      const rule: ScoringRule = { kind: 'per-point', family: 'over-threshold', step, per, text };
      if (threshold) rule.threshold = new Dec(threshold[1] ?? threshold[2]);
      return rule;
    }
    return { kind: 'per-point', family: ofWeight ? 'weight-percent' : 'points', step, per, text };
  }
  const item = PER_ITEM.exec(t);
  return item ? { kind: 'per-point', family: 'per-occurrence', step: new Dec(1), per: new Dec(item[1]), text } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Proportional scoring

/** "≥5%得满分", "达到95%及以上的得满分": the rate that earns the full 分值 (the ratio is then taken of it). */
const FULL_SCORE_TARGET = /(?:≥|>=|达到|不低于)([0-9]+(?:\.[0-9]+)?)%(?:及以上|以上)?(?:的|者)?(?:得|计|为)满分/u;

function ratioRule(t: string, text: TextSpan): ScoringRule | undefined {
  if (!/比例/u.test(t) || !/得分|记分|计分|计算|赋分/u.test(t)) return undefined;
  const target = FULL_SCORE_TARGET.exec(t);
  return {
    kind: 'ratio',
    capped: /满分为止|为限|不超过(?:该指标)?(?:分值|满分)|最高得满分|最多得满分/u.test(t),
    ...(target && Number(target[1]) > 0 ? { target: new Dec(target[1]) } : {}),
    text,
  };
}

// ---------------------------------------------------------------------------------------------
// Bands

/**
 * What a band pays: points ("计4分"), nothing, full marks, or a share of the 分值 written either way
 * round ("得权重分的80%", "得80%分值", "按分值的90%计分").
 */
const PAYOFF = /(?:计|得)([0-9]+(?:\.[0-9]+)?)分|不得分|(?:得|按)(?:权重分|分值|满分)的([0-9]+(?:\.[0-9]+)?)%(?:计分)?|得([0-9]+(?:\.[0-9]+)?)%的?(?:权重分|分值|满分)|得满分/gu;
const RANGE_SEPARATORS = new Set(['-', '~', '—', '–', '至', '到', '－']);
/** Comparison words, longer first. */
const WORDS: [string, '≥' | '≤' | '>' | '<'][] = [
  ['大于等于', '≥'], ['不低于', '≥'], ['不少于', '≥'], ['达到', '≥'], ['小于等于', '≤'], ['不超过', '≤'], ['不高于', '≤'], ['不大于', '≤'],
  ['大于', '>'], ['高于', '>'], ['超过', '>'], ['超出', '>'], ['小于', '<'], ['低于', '<'], ['不足', '<'], ['未达到', '<'],
];
const SYMBOLS: Record<string, '≥' | '≤' | '>' | '<' | '='> = { '≥': '≥', '≧': '≥', '≤': '≤', '≦': '≤', '>': '>', '<': '<', '=': '=' };

function inclusiveAfter(condition: string, end: number): boolean {
  return /^[%分]?\(含\)/u.test(condition.slice(end));
}

function boundsOf(condition: string): Omit<Band, 'points' | 'weightShare'> | undefined {
  const numbers = numbersIn(condition);
  if (numbers.length === 2) {
    const [a, b] = numbers;
    const between = condition.slice(a.end, b.start).replace(/[%分]|\(含\)/gu, '');
    if (!RANGE_SEPARATORS.has(between)) return undefined;
    const lowMarked = inclusiveAfter(condition, a.end);
    const highMarked = inclusiveAfter(condition, b.end);
    const marked = lowMarked || highMarked;
    return { low: a.value, lowInclusive: marked ? lowMarked : true, high: b.value, highInclusive: marked ? highMarked : false };
  }
  if (numbers.length !== 1) return undefined;
  const [n] = numbers;
  const before = condition.slice(0, n.start);
  const after = condition.slice(n.end);
  let comparator: '≥' | '≤' | '>' | '<' | '=' | undefined = SYMBOLS[before.slice(-1)];
  if (before.endsWith('>=')) comparator = '≥';
  if (before.endsWith('<=')) comparator = '≤';
  comparator ??= WORDS.find(([word]) => before.endsWith(word))?.[1];
  if (comparator === undefined && /^[%分]?(?:\(含\))?(?:及|或)?以上/u.test(after)) comparator = '≥';
  if (comparator === undefined && /^[%分]?(?:\(含\))?(?:及|或)?以下/u.test(after)) comparator = /\(含\)|及以下/u.test(after) ? '≤' : '<';
  switch (comparator) {
    case '≥': return { low: n.value, lowInclusive: true, highInclusive: false };
    case '>': return { low: n.value, lowInclusive: false, highInclusive: false };
    case '≤': return { high: n.value, highInclusive: true, lowInclusive: true };
    case '<': return { high: n.value, highInclusive: false, lowInclusive: true };
    case '=': return { low: n.value, lowInclusive: true, high: n.value, highInclusive: true };
    default: return undefined;
  }
}

/** Drop leading commas and trailing commas / 的 (a scan: an end-anchored class+ regex is quadratic). */
function trimCondition(condition: string): string {
  let start = 0;
  let end = condition.length;
  while (start < end && (condition[start] === ',' || condition[start] === '，')) start++;
  while (end > start && (condition[end - 1] === ',' || condition[end - 1] === '，' || condition[end - 1] === '的')) end--;
  return condition.slice(start, end);
}

function bandRule(t: string, text: TextSpan): ScoringRule | undefined {
  const bands: Band[] = [];
  let from = 0;
  for (const m of t.matchAll(PAYOFF)) {
    const at = m.index ?? 0;
    // the condition is the text since the previous payoff, from the last clause break on
    const since = t.slice(from, at);
    const lastBreak = Math.max(since.lastIndexOf(';'), since.lastIndexOf('。'), since.lastIndexOf(':'));
    const condition = trimCondition(since.slice(lastBreak + 1));
    from = at + m[0].length;
    const bounds = boundsOf(condition);
    if (!bounds) continue;
    const band: Band = { ...bounds };
    if (m[1] !== undefined) band.points = new Dec(m[1]);
    else if (m[0] === '不得分') band.points = new Dec(0);
    else if (m[0] === '得满分') band.weightShare = new Dec(1);
    else band.weightShare = new Dec(m[2] ?? m[3]).div(100);
    bands.push(band);
  }
  return bands.length >= 2 ? { kind: 'band', bands, text } : undefined;
}

/** The rule a 评分标准 text states, if it follows a known family. */
export function parseScoringRule(text: TextSpan): ScoringRule | undefined {
  const t = normalized(text.text);
  // "①…②…③…以上情况每出现一例不符合要求的扣1分": the circled items list what is checked, the
  // deduction is per occurrence — unless the text gives the items shares (要素/权重/占) or points
  const perPoint = perPointRule(t, text);
  if (perPoint?.kind === 'per-point' && perPoint.family === 'per-occurrence' && !/要素|权重|占/u.test(t) && !elementPoints(t)) return perPoint;
  return elementRule(t, text) ?? bandRule(t, text) ?? perPoint ?? ratioRule(t, text);
}

/** One rule per indicator with a parsable 评分标准 (the first table that has one wins). */
export function recognizeScoringRules(tables: readonly IndicatorTable[]): IndicatorRule[] {
  const out: IndicatorRule[] = [];
  const seen = new Set<string>();
  for (const table of tables) {
    for (const indicator of table.indicators) {
      if (!indicator.criterion || seen.has(indicator.key)) continue;
      const rule = parseScoringRule(indicator.criterion);
      if (!rule) continue;
      seen.add(indicator.key);
      out.push({ key: indicator.key, rule });
    }
  }
  return out;
}
