/**
 * parts-sum — a total stated in prose together with its parts must equal their sum.
 *
 * What: "共支出 120.50 万元，其中：60 万元用于…；60.50 万元用于…", or "894.67 万元用于：A 366.18
 * 万元，B 148.50 万元…" — the parts are added (after bringing 元/万元/亿元 to the total's unit) and
 * compared with the total at the finest precision written. A list of the main uses ("主要用于：")
 * may leave some out: parts adding up to less are then a warning.
 * Why: component lists that do not add up are one of the "散总不符" errors reviewers score
 * against a report, and they usually mean one of the amounts was mistyped.
 * Example: "项目总投资 10 万元，其中设备采购 6 万元、运维服务 3 万元" (6 + 3 = 9).
 * Fix: rewrite the total as the sum of its parts (same decimals and digit width); the parts are
 * listed as related places so the reader can instead correct the part that is wrong. When a
 * formula of the total's own sentence computes with it, a part is the likelier mistake: the
 * finding is a warning with no fix (which part is wrong cannot be told).
 */
import type Decimal from 'decimal.js';
import type { Formula, NumberLiteral, PartsClaim, Range } from '../model/types';
import { correctLiteral } from '../engine/fixes';
import { judgeRounding } from '../engine/rounding';
import type { Localized, Rule, RuleContext, RuleFinding } from '../engine/types';
import { formatAt, plain } from '../services/derive';
import { Dec, roundHalfUp, valueInUnit } from '../text/numbers';

/**
 * A formula of the total's own sentence that computes with it and holds ("全年执行数298.43万元，预算
 * 执行率=298.43/312.50×100%=95.50%", or a rate stated in words): the writer used that figure, so a
 * part is the likelier mistake.
 */
function formulaUsing(context: RuleContext, total: NumberLiteral): Formula | undefined {
  return context.model.formulas.find((formula) =>
    contains(formula.sentence.range, total.range) && agrees(formula) && (formula.inWords
      ? [formula.inWords.numerator, formula.inWords.denominator].some((operand) => operand.range.start === total.range.start)
      : operandsOf(formula.expression.text).includes(total.text)));
}

/** A formula whose written result is its own arithmetic: what it computes with is confirmed. */
function agrees(formula: Formula): boolean {
  return formula.value !== undefined && roundHalfUp(formula.value, formula.result.decimals).eq(formula.result.value);
}

function confirmationNote(formula: Formula): Localized {
  if (formula.inWords) {
    const rate = `${formula.label} ${plain(formula.result)}%`;
    return { zh: `（同句的${rate}由该合计算得，可能是某一分项有误）`, en: ` (the ${rate} of the same sentence is computed from this total, so a part may be what is wrong)` };
  }
  return { zh: `（同句算式 ${formula.expression.text} 用的也是该合计，可能是某一分项有误）`, en: ` (the formula ${formula.expression.text} of the same sentence uses this total, so a part may be what is wrong)` };
}

function contains(outer: Range, inner: Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function operandsOf(expression: string): string[] {
  return expression.split(/[^0-9０-９.．]+/u).filter((token) => token !== '');
}

function checkParts(context: RuleContext, claim: PartsClaim): RuleFinding | undefined {
  if (claim.parts.length < 2) return undefined;
  const { total } = claim;
  const values = claim.parts.map((part) => valueInUnit(part, total.unit));
  if (values.some((value) => value === undefined)) return undefined;
  const sum = (values as Decimal[]).reduce((acc, value) => acc.plus(value), new Dec(0));
  const decimals = Math.max(total.decimals, ...claim.parts.map((part) => part.decimals));
  const judgement = judgeRounding({ stated: total, exact: sum, roundedTerms: 0, compareDecimals: decimals, tolerance: context.config.tolerance });
  if (judgement.verdict === 'ok') return undefined;
  // "主要用于" may name the main uses only: less than the total is worth a look, not an error
  const partial = claim.mainOnly === true && sum.lt(total.value);
  const unit = total.unit;
  const partsText = claim.parts.map((part) => `${plain(part)}${part.unit}`).join(' + ');
  const sumText = formatAt(sum, decimals);
  // a total its sentence computes with is kept
  const formula = partial ? undefined : formulaUsing(context, total);
  const note = partial
    ? { zh: '（若只列举了主要用途，可忽略）', en: ' (ignore if only the main uses are listed)' }
    : formula ? confirmationNote(formula) : { zh: '', en: '' };
  const confirmation = formula && (formula.inWords
    ? { range: formula.result.range, label: { zh: `${formula.label} ${plain(formula.result)}%`, en: `${formula.label} ${plain(formula.result)}%` } }
    : { range: formula.expression.range, label: { zh: `算式 ${formula.expression.text}`, en: `expression ${formula.expression.text}` } });
  return {
    // with no fix to prefer, the finding is a warning, as for a funds total its rate confirms (self-eval)
    ...(partial || confirmation ? { severity: 'warning' as const } : {}),
    message: {
      zh: `分项之和与合计不符：${partsText} = ${sumText}${unit}，但合计写作 ${plain(total)}${unit}${note.zh}。`,
      en: `The parts do not add up to the total: ${partsText} = ${sumText}${unit}, but the total reads ${plain(total)}${unit}${note.en}.`,
    },
    range: total.range,
    related: [
      ...claim.parts.map((part, i) => ({
        range: part.range,
        label: { zh: `分项${i + 1} ${plain(part)}${part.unit}`, en: `part ${i + 1}: ${plain(part)}${part.unit}` },
      })),
      ...(confirmation ? [confirmation] : []),
    ],
    // a partial list says nothing about which number is wrong, and rewriting a total its formula
    // confirms would break the formula: no fix (which part is wrong cannot be told)
    fixes: partial || formula ? [] : correctLiteral(context, total, sum, decimals),
  };
}

export const partsSum: Rule = {
  id: 'parts-sum',
  description: { zh: '正文中的合计与其分项之和不符', en: 'A total stated in prose differs from the sum of its parts' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '检查正文中“共…，其中：…；…”、“…万元用于：…”以及紧接上一句金额的“其中：…”一类表述：各分项（统一元/万元/亿元后）之和应等于所述合计；“主要用于”只列举主要用途，分项之和小于合计时仅为警告。',
      en: 'Checks prose totals listed with their parts ("共…，其中：…；…", "…万元用于：…", or a sentence opening with 其中 that splits an amount of the sentence before): the parts, converted to the total’s unit (元/万元/亿元), must add up to the total; a list of the main uses ("主要用于") that adds up to less is only a warning.',
    },
    why: {
      zh: '分项与合计不符属于“散总不符”，评审会据此扣分，通常说明某个金额录入有误。',
      en: 'Parts that do not add up are a roll-up error reviewers penalise; usually one amount was mistyped.',
    },
    example: '项目总投资 **10** 万元，其中设备采购 6 万元、运维服务 3 万元。',
    fix: {
      zh: '把合计改为各分项之和；各分项作为相关位置列出，也可以改正有误的分项。合计所在句的算式也用到该合计时（如“298.43/312.50×100%”），更可能是分项有误：仅为警告，不提供修复。',
      en: 'Rewrites the total as the sum of its parts; the parts are listed as related places in case a part is what is wrong. When a formula of the total’s own sentence computes with it ("298.43/312.50×100%"), a part is the likelier mistake: a warning with no fix.',
    },
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const claim of context.model.partsClaims) {
      const finding = checkParts(context, claim);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
