/**
 * Facts a report cites in several places and must cite the same way: document numbers (文号
 * "处非联函〔2018〕12号" however bracketed and spaced), dates of events ("2020 年 12 月 14 日支付完毕"),
 * and headline amounts ("总投资为 10万元"). Each fact gets a coarse topic; the repeated-fact rule
 * compares facts of one kind and topic.
 */
import type { Fact, NumberLiteral, TextSpan } from '../../model/types';
import { isDigit, scanNumbers, toHalfWidth } from '../../text/numbers';
import { keywordBefore } from './keywords';

const OPENERS = new Set(['〔', '【', '[', '［', '(', '（']);
const CLOSERS = new Set(['〕', '】', ']', '］', ')', '）']);
const PREFIX_MAX = 12;
/** Words that introduce a 文号 but are not part of it. */
const PREFIX_LEADS = ['按照', '依据', '根据', '参照', '依照', '遵照', '执行', '印发', '转发', '的', '和', '及', '与'];

function isIdeograph(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i])) i++;
  return i;
}

function digitsAt(text: string, i: number): string {
  let end = i;
  while (end < text.length && isDigit(text[end])) end++;
  return text.slice(i, end);
}

/** 文号: prefix + bracketed year + number + 号. */
function docNumbers(text: string, base: number): Fact[] {
  const out: Fact[] = [];
  for (let at = 0; at < text.length; at++) {
    if (!OPENER_CODES.has(text.charCodeAt(at))) continue;
    let i = skipSpaces(text, at + 1);
    const year = digitsAt(text, i);
    if (year.length !== 4) continue;
    i = skipSpaces(text, i + 4);
    if (!CLOSERS.has(text[i])) continue;
    i = skipSpaces(text, i + 1);
    const number = digitsAt(text, i);
    if (number.length === 0 || number.length > 5) continue;
    i = skipSpaces(text, i + number.length);
    if (text[i] !== '号') continue;
    let start = at;
    while (start > 0 && at - start < PREFIX_MAX && isIdeograph(text[start - 1])) start--;
    // "按照财预〔2020〕10号", "评价组参照财预…": the issuer's prefix starts after the verb
    const lead = text.slice(start, at);
    const cut = Math.max(...PREFIX_LEADS.map((word) => { const k = lead.lastIndexOf(word); return k < 0 ? 0 : k + word.length; }));
    start += cut;
    if (at - start < 2) continue;
    const prefix = text.slice(start, at);
    const fact: Fact = {
      kind: 'docNumber',
      topic: prefix,
      normalized: `${prefix}〔${toHalfWidth(year)}〕${Number(toHalfWidth(number))}号`,
      span: { text: text.slice(start, i + 1), range: { start: base + start, end: base + i + 1 } },
    };
    const title = titleBefore(text, start);
    if (title) fact.title = title;
    out.push(fact);
    at = i;
  }
  return out;
}

/** "《关于…的函》（" right before a 文号 prefix. */
function titleBefore(text: string, prefixStart: number): string | undefined {
  let i = prefixStart;
  while (i > 0 && (/\s/u.test(text[i - 1]) || text[i - 1] === '(' || text[i - 1] === '（')) i--;
  if (text[i - 1] !== '》') return undefined;
  const open = text.lastIndexOf('《', i - 1);
  return open >= 0 && i - 1 - open <= 80 ? text.slice(open + 1, i - 1).replace(/\s+/gu, '') : undefined;
}

const EVENTS: [RegExp, string][] = [
  [/支付|付款|付清/u, '支付'],
  [/验收/u, '验收'],
  [/签订|签署|签约/u, '签订'],
  [/下达|拨付/u, '下达'],
  [/到位/u, '到位'],
  [/印发|发布|发文/u, '印发'],
  [/招标|开标|中标/u, '招标'],
  [/开工/u, '开工'],
  [/完工|竣工/u, '完工'],
  [/上线/u, '上线'],
];
const CLAUSE_END = /[，。；,;！？]/u;

function eventOf(text: string, start: number, end: number): string | undefined {
  let after = end;
  while (after < text.length && after - end < 24 && !CLAUSE_END.test(text[after])) after++;
  let before = start;
  while (before > 0 && start - before < 24 && !CLAUSE_END.test(text[before - 1])) before--;
  for (const piece of [text.slice(end, after), text.slice(before, start)]) {
    const found = EVENTS.find(([pattern]) => pattern.test(piece));
    if (found) return found[1];
  }
  return undefined;
}

function between(text: string, a: NumberLiteral, b: NumberLiteral, base: number, unit: string): boolean {
  return text.slice(a.range.end - base, b.range.start - base).replace(/\s+/gu, '') === unit;
}

/** Full dates "2020 年 12 月 14 日" whose event is named in the same clause. */
function dates(text: string, base: number, numbers: readonly NumberLiteral[]): Fact[] {
  const out: Fact[] = [];
  for (let k = 0; k + 2 < numbers.length; k++) {
    const [y, m, d] = [numbers[k], numbers[k + 1], numbers[k + 2]];
    if (y.unit !== '年' || y.text.length !== 4 || m.unit !== '月' || d.unit !== '日') continue;
    if (!between(text, y, m, base, '年') || !between(text, m, d, base, '月')) continue;
    const dayEnd = text.indexOf('日', d.range.end - base) + 1;
    const topic = eventOf(text, y.range.start - base, dayEnd);
    if (!topic) continue;
    const pad = (n: NumberLiteral): string => n.value.toString().padStart(2, '0');
    out.push({
      kind: 'date',
      topic,
      normalized: `${y.value.toString()}-${pad(m)}-${pad(d)}`,
      span: { text: text.slice(y.range.start - base, dayEnd), range: { start: y.range.start, end: base + dayEnd } },
    });
    k += 2;
  }
  return out;
}

const AMOUNT_TOPICS: [string, string][] = [
  ['项目总投资', '总投资'], ['总投资', '总投资'], ['投资总额', '总投资'], ['资金总额', '总投资'], ['预算总额', '总投资'], ['总预算', '总投资'],
  ['共计', '共计'], ['合计', '共计'], ['总计', '共计'],
];
const AMOUNT_WORDS = AMOUNT_TOPICS.map(([word]) => word);

/**
 * What a 共计/合计/总计 adds up, read from its clause: money planned (预算共计 150 万元), spent
 * (实际支出共计 142.5 万元) or left (结余共计 7.5 万元) are three different amounts, not one amount
 * written three ways. The word nearest before the total decides; none: the total is known by the
 * name written right before it.
 */
const TOTAL_KINDS: [string, readonly string[]][] = [
  ['结余', ['结余', '结转', '剩余', '未使用']],
  ['支出', ['支出', '支付', '使用', '拨付', '到位', '执行', '开支', '花费']],
  ['预算', ['预算', '安排', '批复', '下达', '申请', '计划']],
];
const CLAUSE_ENDS = /[，。；：,;:]/gu;

/** Where the keyword before a number starts (the number itself when written with spaces inside, "共 计"). */
function wordStart(text: string, word: string, numberStart: number): number {
  const at = text.lastIndexOf(word, numberStart);
  return at >= 0 ? at : numberStart;
}

/** A plain total names what it adds up just before it ("设备购置共计"): up to this many characters of that name. */
const SUBJECT_LENGTH = 4;
const SUBJECT_CHARACTER = /[\p{Script=Han}A-Za-z]/u;

/** The name written right before a total, within its clause: "本项目资金共计" → "项目资金"; none → "". */
function subjectBefore(clause: string): string {
  let end = clause.length;
  while (end > 0 && /\s/u.test(clause[end - 1])) end--;
  let start = end;
  while (start > 0 && end - start < SUBJECT_LENGTH && SUBJECT_CHARACTER.test(clause[start - 1])) start--;
  return clause.slice(start, end);
}

function totalTopic(text: string, wordStart: number): string {
  let clauseStart = 0;
  CLAUSE_ENDS.lastIndex = 0;
  for (let match = CLAUSE_ENDS.exec(text); match && match.index < wordStart; match = CLAUSE_ENDS.exec(text)) clauseStart = match.index + 1;
  const clause = text.slice(clauseStart, wordStart);
  let nearest = -1;
  let kind = '';
  for (const [name, words] of TOTAL_KINDS) {
    for (const word of words) {
      const at = clause.lastIndexOf(word);
      if (at > nearest) {
        nearest = at;
        kind = name;
      }
    }
  }
  // a plain total is compared only with totals of the same name: "设备购置共计 36 万元" and
  // "项目资金共计 150 万元" add up different things
  return kind ? `${kind}共计` : `${subjectBefore(clause)}共计`;
}
const AMOUNT_UNITS = new Set(['万元', '元', '亿元']);

function amounts(text: string, base: number, numbers: readonly NumberLiteral[]): Fact[] {
  const out: Fact[] = [];
  for (const n of numbers) {
    if (!AMOUNT_UNITS.has(n.unit)) continue;
    const word = keywordBefore(text, n.range.start - base, AMOUNT_WORDS);
    if (!word) continue;
    const unitEnd = text.indexOf(n.unit, n.range.end - base) + n.unit.length;
    const topic = AMOUNT_TOPICS.find(([w]) => w === word)?.[1] ?? word;
    out.push({
      kind: 'amount',
      topic: topic === '共计' ? totalTopic(text, wordStart(text, word, n.range.start - base)) : topic,
      normalized: `${n.value.toString()}${n.unit}`,
      span: { text: text.slice(n.range.start - base, unitEnd), range: { start: n.range.start, end: base + unitEnd } },
    });
  }
  return out;
}

const HAO = '号'.charCodeAt(0);
const NIAN = '年'.charCodeAt(0);
const YUAN = '元'.charCodeAt(0);
const OPENER_CODES = new Set([...OPENERS].map((ch) => ch.charCodeAt(0)));

/**
 * Can document text [start, end) hold a fact at all? A 文号 needs 号, a date 年, an amount 元 — a
 * cheap test before a table cell is sliced and scanned.
 */
export function mayHoldFacts(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === HAO || code === NIAN || code === YUAN) return true;
  }
  return false;
}

/**
 * Every fact in a source text at document offset `base` (a paragraph or a table cell);
 * `numbers` are its literals when the caller has scanned them already.
 */
export function recognizeFacts(source: TextSpan, numbers: readonly NumberLiteral[] = scanNumbers(source.text, { base: source.range.start })): Fact[] {
  const base = source.range.start;
  const docs = source.text.includes('号') ? docNumbers(source.text, base) : [];
  return [...docs, ...dates(source.text, base, numbers), ...amounts(source.text, base, numbers)];
}
