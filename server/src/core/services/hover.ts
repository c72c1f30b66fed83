/**
 * Hover text: how a recognised number is derived, with the numbers ("得分 1.88 = 分值 2.5 − 扣分
 * 0.63"), the report's own 评分标准 for the indicator, what the number should be when a finding
 * says it is wrong, the band table on a grade word, and on an indicator name its 指标解释 and its
 * values wherever it appears. Pure text building (Markdown), zh and en.
 */
import type Decimal from 'decimal.js';
import type { Claim, Formula, Indicator, IndicatorTable, NumberLiteral, Range, ReportModel, TextSpan } from '../model/types';
import type { CheckResult } from '../engine/check';
import { partAt } from '../engine/parts';
import type { Finding } from '../engine/types';
import { Dec, roundHalfUp } from '../text/numbers';
import {
  agrees, childTerms, childWeightTerms, formatAt, formatNatural, intersects, percent, plain, totalRowTerms, totalRowWeightTerms, weightSum,
} from './derive';
import { bandFor, bandsOf, sameGrade } from './grades';
import { locate, rangeOfLocated, type IndicatorField, type Located } from './locate';
import { pick, plannedWordEn, tr, type Lang } from './locale';
import { levelOneSums, partOf, scorePart, statedTotal, type Part } from './summary';

export interface HoverText {
  range: Range;
  markdown: string;
}

type Ctx = { result: CheckResult; lang: Lang };

export function hoverAt(report: CheckResult, offset: number, lang: Lang): HoverText | undefined {
  // in a report of several projects, a number is explained within its own project
  const result = partAt(report, offset);
  const ctx: Ctx = { result, lang };
  const located = locate(result.model, offset);
  if (located) {
    const range = rangeOfLocated(located);
    const parts = [...describe(ctx, located), ...findingLines(ctx, range)];
    return parts.length > 0 ? { range, markdown: parts.join('\n\n') } : undefined;
  }
  // Not recognised by the model, but a rule flagged it: the finding is the explanation.
  const finding = result.findings.find((item) => item.range.start <= offset && offset < item.range.end);
  return finding ? { range: finding.range, markdown: findingLines(ctx, finding.range).join('\n\n') } : undefined;
}

function describe(ctx: Ctx, located: Located): string[] {
  switch (located.kind) {
    case 'indicatorNumber':
      return [heading(ctx, located.indicator), ...indicatorNumber(ctx, located.table, located.indicator, located.field, located.literal), ...criterionLines(ctx, located.indicator)];
    case 'totalNumber':
      return totalNumber(ctx, located);
    case 'indicatorName':
      return indicatorName(ctx, located.key);
    case 'summaryNumber':
      return summaryNumber(ctx, located);
    case 'claim':
      return claimLines(ctx, located.claim);
    case 'gradeBand':
      return gradeTable(ctx, located.band.label.text);
    case 'formula':
      return formulaLines(ctx, located.formula);
  }
}

/** A written formula as written; a rate stated in words with the two figures it divides. */
function formulaLines(ctx: Ctx, formula: Formula): string[] {
  const label = escapeMd(formula.label);
  if (!formula.inWords || formula.value === undefined) return [`${label} = ${escapeMd(formula.expression.text)} = ${formula.result.text}`];
  const { numerator, denominator, plannedWord } = formula.inWords;
  const value = formatNatural(formula.value, 4);
  return [
    tr(ctx.lang,
      `${label} = 实际 ${numerator.text} ÷ ${plannedWord} ${denominator.text} × 100% = ${value}%（句中未写算式，按同句的实际数与${plannedWord}数计算）`,
      `${label} = actual ${numerator.text} ÷ ${plannedWordEn(plannedWord)} ${denominator.text} × 100% = ${value}% (no formula is written: computed from the figures of the sentence)`),
  ];
}

// ---------------------------------------------------------------------------------------------
// indicator numbers

function heading(ctx: Ctx, indicator: Indicator): string {
  if (indicator.path.length <= 1) return `**${escapeMd(indicator.name)}**`;
  const path = indicator.path.slice(0, -1).map(escapeMd).join(' › ');
  return `**${escapeMd(indicator.name)}**${tr(ctx.lang, `（${path}）`, ` (${path})`)}`;
}

const FIELD_NAMES: Record<IndicatorField, [string, string]> = {
  weight: ['分值', 'weight'],
  deduction: ['扣分', 'deduction'],
  score: ['得分', 'score'],
  rate: ['得分率', 'score rate'],
};

function fieldName(ctx: Ctx, field: IndicatorField): string {
  const [zh, en] = FIELD_NAMES[field];
  return tr(ctx.lang, zh, en);
}

/** "合计 18.73 ≠ Σ 6 + 6 + 3.27 + 3.45 = 18.72" */
function sumLine(label: string, literal: NumberLiteral, terms: readonly (NumberLiteral | Part)[]): string {
  const parts = terms.map((term) => ('range' in term ? partOf(term) : term));
  const value = parts.reduce((acc, part) => acc.plus(part.value), new Dec(0));
  const ok = agrees(value, literal);
  const sign = ok ? '=' : '≠';
  return `${label} ${literal.text} ${sign} Σ ${parts.map((part) => part.text).join(' + ')} = ${formatAt(value, literal.decimals)}${ok ? ' ✓' : ''}`;
}

function indicatorNumber(ctx: Ctx, table: IndicatorTable, indicator: Indicator, field: IndicatorField, literal: NumberLiteral): string[] {
  const name = fieldName(ctx, field);
  const weight = weightSum(indicator);
  const lines: string[] = [];
  if (field === 'weight') {
    const terms = childWeightTerms(table, indicator);
    if (terms.length > 0) lines.push(sumLine(name, literal, terms));
    else lines.push(`${name} ${literal.text}`);
    if (indicator.weightParts.length > 1) lines.push(tr(ctx.lang, `合并单元格分值 = Σ ${indicator.weightParts.map(plain).join(' + ')}`, `merged 分值 = Σ ${indicator.weightParts.map(plain).join(' + ')}`));
    return lines;
  }
  if (field === 'rate') {
    const score = indicator.score;
    if (score && weight && !weight.isZero()) {
      const value = score.value.div(weight).times(100);
      lines.push(`${name} ${literal.text}% ${agrees(value, literal) ? '=' : '≠'} ${fieldName(ctx, 'score')} ${plain(score)} / ${fieldName(ctx, 'weight')} ${formatNatural(weight)} × 100% = ${formatAt(value, literal.decimals)}%`);
    }
    return lines;
  }
  const terms = childTerms(table, indicator, field);
  if (terms.length > 0) lines.push(sumLine(name, literal, terms));
  lines.push(...differenceLine(ctx, indicator, field, literal, weight));
  if (terms.length === 0) lines.push(...shareLine(ctx, indicator, weight), ...elementChain(ctx, indicator, weight));
  return lines;
}

/** 得分 = 分值 − 扣分, or 扣分 = 分值 − 得分, with the rounding explained. */
function differenceLine(ctx: Ctx, indicator: Indicator, field: 'score' | 'deduction', literal: NumberLiteral, weight: Decimal | undefined): string[] {
  const other = field === 'score' ? indicator.deduction : indicator.score;
  if (!weight || !other) return [];
  const value = weight.minus(other.value);
  const exact = value.eq(literal.value);
  const tolerance = new Dec(ctx.result.config.tolerance).times(2);
  const rounding = !exact && value.minus(literal.value).abs().lte(tolerance);
  const sign = exact ? '=' : rounding ? '≈' : '≠';
  const expression = `${fieldName(ctx, field)} ${literal.text} ${sign} ${fieldName(ctx, 'weight')} ${formatNatural(weight)} − ${fieldName(ctx, field === 'score' ? 'deduction' : 'score')} ${plain(other)}`;
  if (exact) return [expression];
  const note = rounding ? tr(ctx.lang, '（各自四舍五入所致）', ' (each value rounded on its own)') : '';
  return [`${expression} = ${formatAt(value, literal.decimals)}${note}`];
}

/**
 * For a 要素法 rule with equal shares: "扣分 = 1 条要素不符 × 25% × 2.5 = 0.625 → 0.63；
 * 得分 = 2.5 − 0.625 = 1.875 → 1.88", when a whole number of failed elements explains the figures.
 */
function elementChain(ctx: Ctx, indicator: Indicator, weight: Decimal | undefined): string[] {
  const rule = ctx.result.model.indicatorRules.find((item) => item.key === indicator.key && item.rule.kind === 'element')?.rule;
  if (!rule || rule.kind !== 'element' || !weight || rule.elements <= 0) return [];
  if (rule.shares && rule.shares.some((share) => !share.eq(rule.shares![0]))) return [];
  const { deduction, score } = indicator;
  const perElement = weight.div(rule.elements);
  const lost = deduction?.value ?? (score ? weight.minus(score.value) : undefined);
  if (lost === undefined || perElement.isZero()) return [];
  const failed = roundHalfUp(lost.div(perElement), 0);
  const exactDeduction = perElement.times(failed);
  const exactScore = weight.minus(exactDeduction);
  // the count explains the figures only if both written values are the exact ones rounded
  if (deduction && !agrees(exactDeduction, deduction)) return [];
  if (score && !agrees(exactScore, score)) return [];
  const decimals = (deduction ?? score)?.decimals ?? ctx.result.config.decimals;
  const rounded = (value: Decimal) => (value.decimalPlaces() > decimals ? `${formatNatural(value, 6)} → ${formatAt(value, decimals)}` : formatNatural(value, 6));
  const share = formatNatural(new Dec(100).div(rule.elements), 2);
  const steps = [
    tr(ctx.lang,
      `扣分 = ${failed.toFixed(0)} 条要素不符 × ${share}% × ${formatNatural(weight)} = ${rounded(exactDeduction)}`,
      `deduction = ${failed.toFixed(0)} failed element(s) × ${share}% × ${formatNatural(weight)} = ${rounded(exactDeduction)}`),
    `${fieldName(ctx, 'score')} = ${formatNatural(weight)} − ${formatNatural(exactDeduction, 6)} = ${rounded(exactScore)}`,
  ];
  return [steps.join(tr(ctx.lang, '；', '; '))];
}

/** 得分 1.88 / 分值 2.5（得分率 75.2%）: the leaf's place in its weight when no 扣分 is written. */
function shareLine(ctx: Ctx, indicator: Indicator, weight: Decimal | undefined): string[] {
  const score = indicator.score;
  if (!score || !weight || indicator.deduction) return [];
  const rate = percent(score.value, weight);
  const rateText = rate === undefined ? '' : tr(ctx.lang, `（得分率 ${rate}%）`, ` (rate ${rate}%)`);
  return [`${fieldName(ctx, 'score')} ${score.text} / ${fieldName(ctx, 'weight')} ${formatNatural(weight)}${rateText}`];
}

/** The 评分标准 of the indicator: its own cell, else the annex table's (or any other table's). */
function criterionLines(ctx: Ctx, indicator: Indicator): string[] {
  const found = criterionOf(ctx.result, indicator.key, indicator.criterion);
  if (!found) return [];
  const where = found.annex ? tr(ctx.lang, '（附件评分表）', ' (annex score table)') : '';
  return [`${tr(ctx.lang, '评分标准', 'Scoring rule')}${where}：${escapeMd(clip(found.span.text, 400))}`];
}

function criterionOf(result: CheckResult, key: string, own: TextSpan | undefined): { span: TextSpan; annex: boolean } | undefined {
  if (own) return { span: own, annex: false };
  const occurrences = result.index.indicatorsByKey.get(key) ?? [];
  const withCriterion = occurrences.filter((item) => item.criterion);
  const annex = withCriterion.find((item) => tableOf(result.model, item.tableIndex)?.annex);
  const chosen = annex ?? withCriterion[0];
  return chosen?.criterion ? { span: chosen.criterion, annex: annex !== undefined } : undefined;
}

function tableOf(model: ReportModel, tableIndex: number): IndicatorTable | undefined {
  return model.indicatorTables.find((table) => table.tableIndex === tableIndex);
}

// ---------------------------------------------------------------------------------------------
// totals, summary tables, claims

function totalNumber(ctx: Ctx, located: Extract<Located, { kind: 'totalNumber' }>): string[] {
  const { table, row, field, literal } = located;
  const label = escapeMd(row.label.text.trim()) || tr(ctx.lang, '合计', 'Total');
  if (field === 'weight' && located.level) {
    const terms = totalRowWeightTerms(table, row, located.level);
    return terms.length > 0 ? [sumLine(`${label} ${fieldName(ctx, 'weight')}`, literal, terms)] : [];
  }
  if (field === 'rate') {
    const weight = row.weights.find((item) => item !== undefined);
    if (!row.score || !weight || weight.value.isZero()) return [];
    const value = row.score.value.div(weight.value).times(100);
    return [`${fieldName(ctx, 'rate')} ${literal.text}% ${agrees(value, literal) ? '=' : '≠'} ${plain(row.score)} / ${plain(weight)} × 100% = ${formatAt(value, literal.decimals)}%`];
  }
  if (field === 'weight') return [];
  const terms = totalRowTerms(table, row, field);
  return terms.length > 0 ? [sumLine(label, literal, terms)] : [];
}

function summaryNumber(ctx: Ctx, located: Extract<Located, { kind: 'summaryNumber' }>): string[] {
  const { entry, field, literal, isTotal } = located;
  if (isTotal) {
    const parts = located.table.entries.map((item) => item[field]).filter((item): item is NumberLiteral => item !== undefined);
    return field === 'rate' || parts.length === 0 ? [] : [sumLine(escapeMd(entry.name.text), literal, parts)];
  }
  if (!entry.key) return [];
  return tableValueLines(ctx, entry.key, field, literal);
}

/** "表 3-2 …：得分 1.88 ✓" / "…：得分 18.72（复算）≠ 18.73": a value compared with every score table holding the indicator. */
function tableValueLines(ctx: Ctx, key: string, field: IndicatorField, literal: NumberLiteral): string[] {
  const lines: string[] = [];
  for (const indicator of ctx.result.index.indicatorsByKey.get(key) ?? []) {
    const table = tableOf(ctx.result.model, indicator.tableIndex);
    const written = field === 'weight' ? weightSum(indicator) : indicator[field]?.value;
    // a parent whose score is not written is the sum of what is written below it
    const derived = written === undefined && field === 'score' && table ? scorePart(table, indicator) : undefined;
    const value = written ?? derived?.value;
    if (value === undefined) continue;
    const ok = roundHalfUp(value, literal.decimals).eq(literal.value);
    const shown = derived ? `${derived.text}${tr(ctx.lang, '（复算）', ' (recomputed)')}` : formatNatural(value);
    lines.push(`${tableLabel(ctx, indicator.tableIndex)}：${fieldName(ctx, field)} ${shown}${ok ? ' ✓' : ` ≠ ${literal.text}`}`);
  }
  return lines;
}

function claimLines(ctx: Ctx, claim: Claim): string[] {
  if (claim.field === 'grade') return claim.label ? gradeTable(ctx, claim.label.text) : [];
  const literal = claim.literal;
  if (!literal) return [];
  if (claim.subject.kind === 'report') {
    if (claim.field !== 'score') return [];
    return levelOneSums(ctx.result.model).map((recomputed) => `${sumLine(tr(ctx.lang, '总分', 'Total'), literal, recomputed.parts)}（${tableLabel(ctx, recomputed.tableIndex)}）`);
  }
  const key = claim.subject.key;
  if (!key) return [];
  const first = ctx.result.index.indicatorsByKey.get(key)?.[0];
  const field = claim.field;
  return [
    ...(first ? [heading(ctx, first)] : []),
    `${tr(ctx.lang, '正文', 'Prose')}：${fieldName(ctx, field)} ${literal.text}`,
    ...tableValueLines(ctx, key, field, literal),
    ...(first ? criterionLines(ctx, first) : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// grades and names

function gradeTable(ctx: Ctx, label: string): string[] {
  const { model, config } = ctx.result;
  const bands = bandsOf(model, config);
  if (bands.length === 0) return [];
  const total = statedTotal(model);
  const current = total ? bandFor(bands, total.value) : undefined;
  const rows = bands.map((band) => `| ${band === current ? `**${escapeMd(band.label)}**` : escapeMd(band.label)} | ${escapeMd(band.describe(ctx.lang))} |${band === current && total ? ` ← ${total.text}` : ''}`);
  const source = model.gradeScales.length > 0 ? tr(ctx.lang, '报告所列', 'as the report states them') : tr(ctx.lang, '配置', 'configured');
  const lines = [
    `${tr(ctx.lang, '等级区间', 'Grade bands')}（${source}）`,
    [`| ${tr(ctx.lang, '等级', 'Grade')} | ${tr(ctx.lang, '分数区间', 'Score range')} |`, '|---|---|', ...rows].join('\n'),
  ];
  if (current && total) {
    const ok = sameGrade(current, label);
    lines.push(tr(ctx.lang,
      `总分 ${total.text} → “${current.label}”${ok ? ' ✓' : `，而此处为“${label}”`}`,
      `Total ${total.text} → "${current.label}"${ok ? ' ✓' : `, but this says "${label}"`}`));
  }
  return lines;
}

function indicatorName(ctx: Ctx, key: string): string[] {
  const { model, index } = ctx.result;
  const occurrences = index.indicatorsByKey.get(key) ?? [];
  const first = occurrences[0];
  if (!first) return [];
  const explanation = occurrences.find((item) => item.explanation)?.explanation;
  const lines = [heading(ctx, first)];
  if (explanation) lines.push(`${tr(ctx.lang, '指标解释', 'Definition')}：${escapeMd(clip(explanation.text, 400))}`);
  const header = `| ${tr(ctx.lang, '位置', 'Where')} | ${fieldName(ctx, 'weight')} | ${fieldName(ctx, 'deduction')} | ${fieldName(ctx, 'score')} |`;
  const rows = occurrences.map((item) => `| ${tableLabel(ctx, item.tableIndex)} | ${cell(weightSum(item))} | ${cell(item.deduction?.value)} | ${cell(item.score?.value)} |`);
  // one row per sentence: "满分 0.63 分，得分 1.88 分" are two claims of one place
  const bySentence = new Map<number, { sentence: TextSpan; values: Record<IndicatorField, string> }>();
  for (const claim of model.claims) {
    if (claim.subject.kind !== 'indicator' || claim.subject.key !== key || !claim.literal || claim.field === 'grade') continue;
    const row = bySentence.get(claim.sentence.range.start) ?? { sentence: claim.sentence, values: { weight: '', deduction: '', score: '', rate: '' } };
    row.values[claim.field] = claim.literal.text;
    bySentence.set(claim.sentence.range.start, row);
  }
  for (const { sentence, values } of bySentence.values()) {
    rows.push(`| ${tr(ctx.lang, '正文', 'prose')}「${escapeMd(clip(sentence.text, 16))}」 | ${values.weight} | ${values.deduction} | ${values.score} |`);
  }
  lines.push([header, '|---|---|---|---|', ...rows].join('\n'));
  lines.push(...criterionLines(ctx, first));
  return lines;
}

function cell(value: Decimal | undefined): string {
  return value === undefined ? '' : formatNatural(value);
}

function tableLabel(ctx: Ctx, tableIndex: number): string {
  const table = tableOf(ctx.result.model, tableIndex);
  const caption = (table?.caption ?? ctx.result.model.tables.find((item) => item.index === tableIndex)?.caption)?.text.trim();
  if (caption) return escapeMd(clip(caption, 24));
  return table?.annex ? tr(ctx.lang, '附件评分表', 'annex score table') : tr(ctx.lang, `表格 ${tableIndex + 1}`, `table ${tableIndex + 1}`);
}

// ---------------------------------------------------------------------------------------------
// findings

/** "⚠ score-sum：… 应为 18.72" for every finding on the hovered range. */
function findingLines(ctx: Ctx, range: Range): string[] {
  return ctx.result.findings
    .filter((finding) => intersects(finding.range, range) || (range.start === range.end && finding.range.start === range.start))
    .map((finding) => {
      const should = shouldBe(finding, range);
      const suffix = should === undefined ? '' : tr(ctx.lang, `（应为 ${should}）`, ` (should be ${should})`);
      return `⚠ \`${finding.ruleId}\` ${escapeMd(pick(finding.message, ctx.lang))}${suffix}`;
    });
}

/** The replacement the preferred fix writes over `range`, if it rewrites exactly that place. */
function shouldBe(finding: Finding, range: Range): string | undefined {
  const fix = finding.fixes.find((item) => item.preferred) ?? finding.fixes[0];
  const edit = fix?.edits.find((item) => item.range.start === range.start && item.range.end === range.end);
  return edit?.newText;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Escape what Markdown would read as markup in report text. */
function escapeMd(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/gu, (ch) => `\\${ch}`);
}
