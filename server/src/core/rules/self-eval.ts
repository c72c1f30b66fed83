/**
 * self-eval — the 项目支出绩效自评表 must be internally consistent.
 *
 * What:
 * - funds block: the 年度资金总额 (or 合计) row = Σ of its 其中 rows, per column (年初预算数,
 *   全年预算数, 全年执行数), each breakdown on its own ("按收入性质分" and "按支出性质分" both add
 *   up to the total); a later block (年度主要任务) is not part of it;
 * - 执行率 = 全年执行数 / 全年预算数 (or / 年初预算数 when that is the only budget written);
 * - 得分 = 分值 × 执行率, capped at 分值;
 * - indicator rows: a 实际完成值 that meets its 年度指标值 (≥ / ≤ / > / < / =, units normalised,
 *   full-width digits read) yet loses points with no 偏差原因 → warning; one that misses its
 *   指标值 yet gets full marks → warning; when the report states 财预〔2020〕10号's rule "未完成指标值
 *   的，按照完成值与指标值的比例记分", a missed floor target's 得分 must be 分值 × 实际/指标值 (error, fixed);
 * - the stated 总分 / 自评得分 = Σ row 得分 (+ the 预算执行率 得分), and the stated total 分值 =
 *   Σ row 分值 (+ its 分值); the prose 自评得分 ("本项目 2023 年度自评得分 96.72 分") = Σ row 得分 too.
 * Why: these are the checks a 财政局 reviewer runs on every 自评表 ("评价计分正确、分值计算散总一致"),
 * and a 自评表 that does not add up is returned to the unit.
 * Example: 总分 96.72 while the rows add up to 88.43 + 9.79 = 98.22.
 * Fix: rewrite the wrong total, rate or score with the recomputed value (same decimals and width),
 * carrying every number computed from it (执行率 → 得分 → 总分 → the prose copy; see engine/dependencies.ts);
 * the indicator-row warnings have no automatic fix (the reviewer decides whether the score or the
 * 偏差原因 is missing).
 */
import type Decimal from 'decimal.js';
import type { FundsRow, NumberLiteral, Paragraph, Range, SelfEvalIndicatorRow, SelfEvalTable } from '../model/types';
import { fundsBlocks, fundsTotalOf } from '../model/funds';
import { budgetOf, isPercentCell, scoredBySelfEvalOnly, selfEvalTotalTerms } from '../engine/dependencies';
import { correctLiteral, related } from '../engine/fixes';
import { judgeRounding } from '../engine/rounding';
import type { Localized, Rule, RuleContext, RuleFinding } from '../engine/types';
import { formatAt, plain } from '../services/derive';
import { Dec, roundHalfUp, valueInUnit } from '../text/numbers';

type FundsColumn = 'budgetInitial' | 'budgetFull' | 'executed';

const COLUMN_NAMES: Record<FundsColumn, Localized> = {
  budgetInitial: { zh: '年初预算数', en: 'initial budget' },
  budgetFull: { zh: '全年预算数', en: 'full-year budget' },
  executed: { zh: '全年执行数', en: 'amount executed' },
};

function sumOf(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, value) => acc.plus(value), new Dec(0));
}

/** 合计 row vs Σ 其中 rows, per column and per breakdown. An empty part cell counts as 0 when other parts are written. */
function checkFundsParts(context: RuleContext, funds: readonly FundsRow[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const { total, breakdowns } of fundsBlocks(funds)) {
    for (const parts of breakdowns) findings.push(...checkBreakdown(context, total, parts, breakdowns));
  }
  return findings;
}

const FUNDS_COLUMNS = ['budgetInitial', 'budgetFull', 'executed'] as const;

function columnSum(parts: readonly FundsRow[], column: (typeof FUNDS_COLUMNS)[number]): Decimal | undefined {
  const written = parts.map((row) => row[column]).filter((literal): literal is NumberLiteral => literal !== undefined);
  return written.length === 0 ? undefined : sumOf(written.map((literal) => literal.value));
}

function mistypedFinding(context: RuleContext, total: FundsRow, mistyped: { row: FundsRow; value: Decimal }, decimals: number): RuleFinding {
  const { row, value } = mistyped;
  const literal = row.executed!;
  const rate = row.rate!;
  const valueText = formatAt(value, decimals);
  return {
    message: {
      zh: `“${row.label.text}”全年执行数 ${plain(literal)} 应为 ${valueText}：合计 ${plain(total.executed!)} 减去其余各项为 ${valueText}，与该行执行率 ${plain(rate)}${rate.unit} 相符。`,
      en: `"${row.label.text}": the amount executed ${plain(literal)} should be ${valueText}: the total ${plain(total.executed!)} less the other parts is ${valueText}, which the row's rate ${plain(rate)}${rate.unit} confirms.`,
    },
    range: literal.range,
    related: [
      { range: total.executed!.range, label: { zh: `${total.label.text} ${plain(total.executed!)}`, en: `${total.label.text}: ${plain(total.executed!)}` } },
      { range: rate.range, label: { zh: `执行率 ${plain(rate)}${rate.unit}`, en: `rate ${plain(rate)}${rate.unit}` } },
    ],
    fixes: correctLiteral(context, literal, value, literal.decimals),
  };
}

function checkBreakdown(context: RuleContext, total: FundsRow, parts: readonly FundsRow[], breakdowns: readonly (readonly FundsRow[])[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const column of FUNDS_COLUMNS) {
    const stated = total[column];
    const written = parts.map((row) => row[column]).filter((literal): literal is NumberLiteral => literal !== undefined);
    if (!stated || written.length === 0) continue;
    const sum = sumOf(written.map((literal) => literal.value));
    // breakdowns that add up to different totals cannot tell which number is wrong: no fix
    const agreed = breakdowns.every((other) => other === parts || columnSum(other, column)?.eq(sum) !== false);
    const decimals = Math.max(stated.decimals, ...written.map((literal) => literal.decimals));
    if (judgeRounding({ stated, exact: sum, roundedTerms: 0, compareDecimals: decimals, tolerance: context.config.tolerance }).verdict === 'ok') continue;
    const name = COLUMN_NAMES[column];
    const mistyped = column === 'executed' && agreed ? mistypedPart(total, parts) : undefined;
    if (mistyped) {
      findings.push(mistypedFinding(context, total, mistyped, decimals));
      continue;
    }
    const sumText = formatAt(sum, decimals);
    const termsText = written.map(plain).join(' + ');
    // a total its own 执行率 confirms is less likely the wrong number: offer the fix, do not prefer it
    const confirmed = column === 'executed' && total.rate !== undefined && checkRate(context, total) === undefined && exactRate(total) !== undefined;
    const fixes = agreed ? correctLiteral(context, stated, sum, decimals).map((fix) => (confirmed ? { ...fix, preferred: false } : fix)) : [];
    findings.push({
      ...(confirmed ? { severity: 'warning' as const } : {}),
      message: {
        zh: `自评表资金${name.zh}：其中各项 ${termsText} = ${sumText}，与“${total.label.text}”${plain(stated)} 不符${confirmed ? `（合计与其执行率 ${plain(total.rate!)}% 相符，可能是某一分项有误）` : ''}。`,
        en: `Self-evaluation funds, ${name.en}: the parts ${termsText} = ${sumText}, but "${total.label.text}" reads ${plain(stated)}${confirmed ? ` (the total agrees with its rate ${plain(total.rate!)}%, so a part may be what is wrong)` : ''}.`,
      },
      range: stated.range,
      related: parts.flatMap((row) => {
        const literal = row[column];
        return literal ? [{ range: literal.range, label: { zh: `${row.label.text} ${plain(literal)}`, en: `${row.label.text}: ${plain(literal)}` } }] : [];
      }),
      fixes,
    });
  }
  return findings;
}

/** 执行率 of a row as a fraction, exactly. */
function exactRate(row: FundsRow): Decimal | undefined {
  const budget = budgetOf(row);
  if (!budget || !row.executed || budget.value.isZero()) return undefined;
  return row.executed.value.div(budget.value);
}

function inUnitOf(literal: NumberLiteral, fraction: Decimal): Decimal {
  return isPercentCell(literal) ? fraction.times(100) : fraction;
}

function fractionOf(literal: NumberLiteral): Decimal {
  return isPercentCell(literal) ? literal.value.div(100) : literal.value;
}

function checkRate(context: RuleContext, row: FundsRow): RuleFinding | undefined {
  const rate = exactRate(row);
  if (!row.rate || !rate) return undefined;
  const exact = inUnitOf(row.rate, rate);
  const judgement = judgeRounding({ stated: row.rate, exact, roundedTerms: 0, tolerance: context.config.tolerance });
  if (judgement.verdict === 'ok') return undefined;
  const budget = budgetOf(row)!;
  const executed = row.executed!;
  const unit = row.rate.unit;
  const expected = judgement.expected.toFixed(row.rate.decimals);
  return {
    message: {
      zh: `“${row.label.text}”执行率应为 ${plain(executed)}/${plain(budget)} = ${expected}${unit}，表中写作 ${plain(row.rate)}${unit}。`,
      en: `"${row.label.text}": the execution rate should be ${plain(executed)}/${plain(budget)} = ${expected}${unit}, the table writes ${plain(row.rate)}${unit}.`,
    },
    range: row.rate.range,
    related: [
      { range: executed.range, label: { zh: `全年执行数 ${plain(executed)}`, en: `executed ${plain(executed)}` } },
      { range: budget.range, label: { zh: `${budget === row.budgetFull ? '全年预算数' : '年初预算数'} ${plain(budget)}`, en: `budget ${plain(budget)}` } },
    ],
    fixes: correctLiteral(context, row.rate, exact),
  };
}

/** Is the total's written 执行率 the rate of its parts' 全年执行数 (Σ) to its budget, while its own 执行数 is not that sum? */
function rateFitsParts(total: FundsRow, parts: readonly FundsRow[]): boolean {
  const budget = budgetOf(total);
  const executed = parts.map((row) => row.executed).filter((literal): literal is NumberLiteral => literal !== undefined);
  if (!total.rate || !total.executed || !budget || budget.value.isZero() || executed.length === 0) return false;
  const partsSum = sumOf(executed.map((literal) => literal.value));
  if (partsSum.eq(total.executed.value)) return false;
  return roundHalfUp(inUnitOf(total.rate, partsSum.div(budget.value)), total.rate.decimals).eq(total.rate.value);
}

/**
 * The one part whose 全年执行数 was mistyped: the total agrees with its own 执行率, and the value
 * that would make the parts add up to it (total − the other parts) is exactly what that part's
 * own written 执行率 gives, while its written 执行数 is not ("568.75" for 586.75 against 88.90% of
 * 660.00). Two symptoms, one cause: the amount is the error, not the total and not the rate.
 */
function mistypedPart(total: FundsRow, parts: readonly FundsRow[]): { row: FundsRow; value: Decimal } | undefined {
  if (!total.executed || !total.rate || exactRate(total) === undefined || !rateWritten(total, total.executed.value)) return undefined;
  const executed = parts.map((row) => row.executed);
  if (executed.some((literal) => literal === undefined)) return undefined;
  const sum = sumOf(executed.map((literal) => literal!.value));
  if (sum.eq(total.executed.value)) return undefined;
  const found = parts.flatMap((row) => {
    const value = total.executed!.value.minus(sum.minus(row.executed!.value));
    return value.gt(0) && !rateWritten(row, row.executed!.value) && rateWritten(row, value) ? [{ row, value }] : [];
  });
  return found.length === 1 ? found[0] : undefined;
}

/** Does the row's written 执行率 write `executed` ÷ its budget (四舍五入)? */
function rateWritten(row: FundsRow, executed: Decimal): boolean {
  const budget = budgetOf(row);
  if (!row.rate || !budget || budget.value.isZero()) return false;
  return roundHalfUp(inUnitOf(row.rate, executed.div(budget.value)), row.rate.decimals).eq(row.rate.value);
}

/** 得分 = 分值 × 执行率 (capped at 分值); the written 执行率 is accepted as well as the exact one. */
function checkFundsScore(context: RuleContext, row: FundsRow): RuleFinding | undefined {
  const rate = exactRate(row);
  if (!row.weight || !row.score || !rate) return undefined;
  const weight = row.weight.value;
  const capped = (fraction: Decimal) => Dec.min(weight, weight.times(fraction));
  const readings = [capped(rate), ...(row.rate ? [capped(fractionOf(row.rate))] : [])];
  const judgements = readings.map((exact) => judgeRounding({ stated: row.score!, exact, roundedTerms: 0, tolerance: context.config.tolerance }));
  if (judgements.some((j) => j.verdict === 'ok')) return undefined;
  const exact = readings[0];
  const expected = judgements[0].expected.toFixed(row.score.decimals);
  const rateText = formatAt(rate.times(100), 2);
  return {
    message: {
      zh: `预算执行率得分应为 分值 ${plain(row.weight)} × 执行率 ${rateText}% = ${expected}，表中写作 ${plain(row.score)}。`,
      en: `The budget-execution score should be ${plain(row.weight)} × ${rateText}% = ${expected}, the table writes ${plain(row.score)}.`,
    },
    range: row.score.range,
    related: [{ range: row.weight.range, label: { zh: `分值 ${plain(row.weight)}`, en: `weight ${plain(row.weight)}` } }, ...(row.rate ? [{ range: row.rate.range, label: { zh: `执行率 ${plain(row.rate)}${row.rate.unit}`, en: `rate ${plain(row.rate)}${row.rate.unit}` } }] : [])],
    fixes: correctLiteral(context, row.score, exact),
  };
}

// ---------------------------------------------------------------------------------------------
// Indicator rows

/** Is the target met? undefined when it cannot be told (no number, a range, units that do not compare). */
function targetMet(row: SelfEvalIndicatorRow): boolean | undefined {
  const target = row.targetNumber;
  const actual = row.actualNumber;
  if (!target || !actual || !row.target || !row.actual) return undefined;
  // "1-12月", "80%-90%": a range is not a threshold this check can read
  if (/\d\s*[-－—–~～至]\s*\d/u.test(row.target.text)) return undefined;
  const value = valueInUnit(actual, target.unit);
  if (value === undefined) return undefined;
  switch (target.comparator) {
    case '≤':
      return value.lte(target.value);
    case '<':
      return value.lt(target.value);
    case '>':
      return value.gt(target.value);
    case '=':
      return value.eq(target.value);
    default:
      // "不少于 45 个", "20 台", "100%": a plain target is a floor
      return /不高于|不超过|以下|以内|低于/u.test(row.target.text) ? value.lte(target.value) : value.gte(target.value);
  }
}

/**
 * The proportional rule of 财预〔2020〕10号's 自评表 notes, stated once in the report's prose for
 * every quantitative indicator: "未完成指标值的，按照完成值与指标值的比例记分".
 */
const PROPORTIONAL_RULE = /未(?:完成|达到|达成)(?:年度)?指标值的?[，,]?(?:按照?|根据)(?:实际)?完成值与(?:年度)?指标值的?比例[记计]分/u;
/**
 * Where in a paragraph it is stated (null: nowhere), relative to the paragraph: a paragraph object
 * lives as long as its text (parse/structure.ts) but moves when text above it changes.
 */
const proportionalRuleIn = new WeakMap<Paragraph, { offset: number; length: number } | null>();

function proportionalRule(paragraphs: readonly Paragraph[]): Range | undefined {
  for (const paragraph of paragraphs) {
    let found = proportionalRuleIn.get(paragraph);
    if (found === undefined) {
      const match = paragraph.text.includes('比例') ? PROPORTIONAL_RULE.exec(paragraph.text) : null;
      found = match ? { offset: match.index, length: match[0].length } : null;
      proportionalRuleIn.set(paragraph, found);
    }
    if (found) return { start: paragraph.range.start + found.offset, end: paragraph.range.start + found.offset + found.length };
  }
  return undefined;
}

/** A target that is a floor ("≥90%", "不少于 45 个", "6公里"): the only kind the proportional rule scores. */
function isFloor(row: SelfEvalIndicatorRow): boolean {
  const comparator = row.targetNumber?.comparator;
  return (comparator === undefined || comparator === '≥' || comparator === '>') && !/不高于|不超过|以下|以内|低于/u.test(row.target?.text ?? '');
}

/** 得分 = 分值 × 实际完成值 / 年度指标值 for a missed floor target, when the report states that rule. */
function checkProportional(context: RuleContext, row: SelfEvalIndicatorRow, rule: Range): RuleFinding | undefined {
  const target = row.targetNumber!;
  const actual = valueInUnit(row.actualNumber!, target.unit);
  if (actual === undefined || target.value.lte(0) || !row.weight || !row.score) return undefined;
  const exact = row.weight.value.times(actual).div(target.value);
  const decimals = Math.max(row.score.decimals, 2);
  const judgement = judgeRounding({ stated: row.score, exact, roundedTerms: 0, compareDecimals: decimals, tolerance: context.config.tolerance });
  if (judgement.verdict === 'ok') return undefined;
  const expected = formatAt(exact, decimals);
  const formula = `${plain(row.weight)} × ${plain(row.actualNumber!)}/${plain(target)}`;
  return {
    message: {
      zh: `“${row.name.text}”未达到年度指标值，按报告所述“按照完成值与指标值的比例记分”，得分应为 ${formula} = ${expected}，表中写作 ${plain(row.score)}。`,
      en: `"${row.name.text}" misses its target; by the report's rule (score in proportion to the target), the score is ${formula} = ${expected}, the table writes ${plain(row.score)}.`,
    },
    range: row.score.range,
    related: [
      { range: rule, label: { zh: '评分规则', en: 'scoring rule' } },
      ...(row.target ? [{ range: row.target.range, label: { zh: `年度指标值 ${row.target.text}`, en: `target ${row.target.text}` } }] : []),
      ...(row.actual ? [{ range: row.actual.range, label: { zh: `实际完成值 ${row.actual.text}`, en: `actual ${row.actual.text}` } }] : []),
    ],
    fixes: correctLiteral(context, row.score, exact, decimals),
  };
}

function checkIndicatorRow(context: RuleContext, row: SelfEvalIndicatorRow, rule: Range | undefined): RuleFinding | undefined {
  const met = targetMet(row);
  if (met === undefined || !row.weight || !row.score) return undefined;
  if (met === false && rule && isFloor(row)) return checkProportional(context, row, rule);
  const full = row.score.value.gte(row.weight.value);
  const related = [
    ...(row.target ? [{ range: row.target.range, label: { zh: `年度指标值 ${row.target.text}`, en: `target ${row.target.text}` } }] : []),
    ...(row.actual ? [{ range: row.actual.range, label: { zh: `实际完成值 ${row.actual.text}`, en: `actual ${row.actual.text}` } }] : []),
    { range: row.weight.range, label: { zh: `分值 ${plain(row.weight)}`, en: `weight ${plain(row.weight)}` } },
  ];
  const name = row.name.text;
  if (met && !full && !row.reason) {
    return {
      severity: 'warning',
      message: {
        zh: `“${name}”实际完成值 ${row.actual!.text} 已达到年度指标值 ${row.target!.text}，却只得 ${plain(row.score)} 分（分值 ${plain(row.weight)}），且未填写偏差原因。`,
        en: `"${name}" meets its target (${row.actual!.text} vs ${row.target!.text}) yet scores ${plain(row.score)} of ${plain(row.weight)}, with no reason for the deviation.`,
      },
      range: row.score.range,
      related,
      fixes: [],
    };
  }
  if (!met && full) {
    return {
      severity: 'warning',
      message: {
        zh: `“${name}”实际完成值 ${row.actual!.text} 未达到年度指标值 ${row.target!.text}，却得满分 ${plain(row.score)} 分。`,
        en: `"${name}" misses its target (${row.actual!.text} vs ${row.target!.text}) yet gets full marks (${plain(row.score)}).`,
      },
      range: row.score.range,
      related,
      fixes: [],
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Stated totals

function checkTotals(context: RuleContext, table: SelfEvalTable): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const fundsTotal = fundsTotalOf(table.funds);
  const pairs: { stated: NumberLiteral | undefined; terms: NumberLiteral[]; what: Localized }[] = [
    { stated: table.statedTotal, terms: selfEvalTotalTerms(table, 'score'), what: { zh: '得分', en: 'scores' } },
    { stated: table.statedTotalWeight, terms: selfEvalTotalTerms(table, 'weight'), what: { zh: '分值', en: 'weights' } },
  ];
  for (const { stated, terms, what } of pairs) {
    if (!stated || terms.length === 0) continue;
    const sum = sumOf(terms.map((term) => term.value));
    const decimals = Math.max(stated.decimals, ...terms.map((term) => term.decimals));
    if (judgeRounding({ stated, exact: sum, roundedTerms: 0, compareDecimals: decimals, tolerance: context.config.tolerance }).verdict === 'ok') continue;
    const sumText = formatAt(sum, decimals);
    findings.push({
      message: {
        zh: `自评表总${what.zh}写作 ${plain(stated)}，但各行${what.zh}之和为 ${sumText}${fundsTotal && what.zh === '得分' && fundsTotal.score ? `（含预算执行率${what.zh} ${plain(fundsTotal.score)}）` : ''}。`,
        en: `The self-evaluation total of ${what.en} reads ${plain(stated)}, but the rows add up to ${sumText}.`,
      },
      range: stated.range,
      related: terms.map((term) => ({ range: term.range, label: { zh: `${what.zh} ${plain(term)}`, en: `${what.en}: ${plain(term)}` } })),
      fixes: correctLiteral(context, stated, sum, decimals),
    });
  }
  return findings;
}

/**
 * The prose 自评得分 ("本项目 2023 年度自评得分 96.72 分") of a report whose only score table is the
 * 自评表: it must be the table's Σ row scores (claim-vs-table judges report totals against
 * indicator tables, which a 自评报告 does not have).
 */
function checkClaims(context: RuleContext, table: SelfEvalTable): RuleFinding[] {
  if (!scoredBySelfEvalOnly(context.model)) return [];
  const terms = selfEvalTotalTerms(table, 'score');
  if (terms.length === 0) return [];
  const sum = sumOf(terms.map((term) => term.value));
  const findings: RuleFinding[] = [];
  for (const claim of context.model.claims) {
    const literal = claim.literal;
    if (!literal || claim.field !== 'score' || claim.subject.kind !== 'report') continue;
    const decimals = Math.max(literal.decimals, ...terms.map((term) => term.decimals));
    if (judgeRounding({ stated: literal, exact: sum, roundedTerms: 0, compareDecimals: decimals, tolerance: context.config.tolerance }).verdict === 'ok') continue;
    const sumText = formatAt(sum, decimals);
    findings.push({
      message: {
        zh: `正文所述自评得分 ${plain(literal)} 分与自评表各行得分之和 ${sumText} 不符。`,
        en: `The text gives a self-evaluation score of ${plain(literal)}, but the table's rows add up to ${sumText}.`,
      },
      range: literal.range,
      related: table.statedTotal ? [related(table.statedTotal.range, `自评表总分 ${plain(table.statedTotal)}`, `table total ${plain(table.statedTotal)}`)] : [],
      fixes: correctLiteral(context, literal, sum, decimals),
    });
  }
  return findings;
}

function checkTable(context: RuleContext, table: SelfEvalTable): RuleFinding[] {
  const findings = [...checkFundsParts(context, table.funds)];
  const blocks = fundsBlocks(table.funds);
  const totals = new Map(blocks.map((block) => [block.total, block]));
  // a mistyped part's wrong rate is the same error, reported at its amount (checkBreakdown)
  const mistyped = new Set(blocks.flatMap((block) => block.breakdowns.map((parts) => mistypedPart(block.total, parts)?.row)));
  for (const row of table.funds) {
    const block = totals.get(row);
    // a total that is not the sum of its parts is the error when its rate is right for the parts' sum
    const rateFinding = mistyped.has(row) || (block && rateFitsParts(row, block.breakdowns[0] ?? [])) ? undefined : checkRate(context, row);
    for (const finding of [rateFinding, checkFundsScore(context, row)]) if (finding) findings.push(finding);
  }
  const rule = proportionalRule(context.model.paragraphs);
  for (const row of table.indicators) {
    const finding = checkIndicatorRow(context, row, rule);
    if (finding) findings.push(finding);
  }
  findings.push(...checkTotals(context, table), ...checkClaims(context, table));
  return findings;
}

export const selfEval: Rule = {
  id: 'self-eval',
  description: { zh: '自评表资金、执行率、得分与总分不一致', en: 'The self-evaluation table’s funds, rates, scores or totals are inconsistent' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '自评表（及正文中的资金表）：年度资金总额（合计）= 其中各项之和，每种分法（按收入性质分、按支出性质分）各自相加；执行率 = 全年执行数 / 全年预算数（无全年预算数时用年初预算数）；得分 = 分值 × 执行率（不超过分值）；达到指标值却扣分且无偏差原因、未达到却得满分给出警告；总分 = 各行得分之和（含预算执行率得分）；正文“自评得分”与各行得分之和一致。',
      en: 'Self-evaluation table (and funds tables in the text): the funds total = Σ its parts, each breakdown (by source, by kind of spending) on its own; rate = executed / full-year budget (or initial budget when alone); score = weight × rate, capped; a met target that loses points without a reason, or a missed target with full marks, is a warning; the stated total = Σ row scores (incl. the budget-execution score), and so is the 自评得分 the text states.',
    },
    why: {
      zh: '这是财政部门审核自评表时逐项核对的内容（评价计分正确、散总一致）；不一致的自评表会被退回。',
      en: 'Finance bureaus check exactly these items ("scoring correct, totals consistent"); an inconsistent table is sent back.',
    },
    example: '| 总分 | … | 100 | **96.72** |（各行得分与预算执行率得分之和为 98.22）',
    fix: {
      zh: '把有误的合计、执行率、得分或总分改为重新计算的值；指标行的警告不自动修复。',
      en: 'Rewrites a wrong total, rate or score with the recomputed value; indicator-row warnings have no automatic fix.',
    },
  },
  check(context) {
    return context.model.selfEvalTables.flatMap((table) => checkTable(context, table));
  },
};
