/**
 * formula — an inline formula's stated result must be what its own arithmetic gives.
 *
 * What: every formula written in prose or in a 评分说明 ("资金到位率=（10/10）×100%=100%",
 * "［（12*100%+5*80%+5*60%）/22*1］*100%=86.36%") is evaluated with decimal arithmetic and the
 * exact value is 四舍五入 to the decimals the report writes its result with.
 * Why: a mistyped result is then carried into the indicator's 扣分/得分; reviewers recompute
 * these by hand and score each miscalculation against the report.
 * A rate stated in words ("计划清运14.60万吨，实际清运14.82万吨，完成率101.15%") is checked the same
 * way as 实际 ÷ 计划 × 100% (recognize/prose/ratesInWords.ts).
 * Example: "（12*100%+5*80%+5*60%）/22*1］*100%=87.36%" — 19/22 = 86.3636…, so the result is 86.36%.
 * Fix: replace the result with the recomputed value, written like the original (same decimals,
 * same digit width). A result that only truncates instead of rounding (86.3 for 86.36…, 0.62 for
 * 0.625) is marked as a rounding difference.
 */
import type Decimal from 'decimal.js';
import type { Formula } from '../model/types';
import { correctLiteral } from '../engine/fixes';
import { judgeRounding } from '../engine/rounding';
import type { Rule, RuleContext, RuleFinding } from '../engine/types';
import { formatNatural, plain } from '../services/derive';
import { plannedWordEn } from '../services/locale';
import { Dec, formatLike } from '../text/numbers';

/** The result cuts the exact value off instead of rounding it (86.3 for 86.36…, 0.62 for 0.625). */
function truncated(formula: Formula, exact: Decimal): boolean {
  return exact.toDecimalPlaces(formula.result.decimals, Dec.ROUND_DOWN).eq(formula.result.value);
}

type Explained = Pick<RuleFinding, 'message' | 'related'>;

function writtenMessage(formula: Formula, exactText: string, expected: string, unit: string): Explained {
  const label = formula.label ? `${formula.label} ` : '';
  const result = formula.result;
  return {
    message: {
      zh: `${label}计算结果有误：${formula.expression.text} = ${exactText}${unit}，四舍五入应为 ${expected}${unit}，报告写作 ${plain(result)}${unit}。`,
      en: `${label}The formula's result is wrong: ${formula.expression.text} = ${exactText}${unit}, which rounds to ${expected}${unit}, but the report writes ${plain(result)}${unit}.`,
    },
    related: [{ range: formula.expression.range, label: { zh: `算式 ${formula.expression.text}`, en: `expression ${formula.expression.text}` } }],
  };
}

/** A rate stated in words: the message names the two figures it divides. */
function inWordsMessage(formula: Formula, operands: NonNullable<Formula['inWords']>, exactText: string, expected: string): Explained {
  const { numerator, denominator, plannedWord } = operands;
  const planned = plannedWordEn(plannedWord);
  return {
    message: {
      zh: `${formula.label} ${plain(formula.result)}% 与同句的数字不符：实际 ${numerator.text} ÷ ${plannedWord} ${denominator.text} × 100% = ${exactText}%，四舍五入应为 ${expected}%。`,
      en: `${formula.label} ${plain(formula.result)}% does not follow from the figures of its sentence: actual ${numerator.text} ÷ ${planned} ${denominator.text} × 100% = ${exactText}%, which rounds to ${expected}%.`,
    },
    related: [
      { range: numerator.range, label: { zh: `实际 ${numerator.text}`, en: `actual ${numerator.text}` } },
      { range: denominator.range, label: { zh: `${plannedWord} ${denominator.text}`, en: `${planned} ${denominator.text}` } },
    ],
  };
}

function checkFormula(context: RuleContext, formula: Formula): RuleFinding | undefined {
  const exact = formula.value;
  if (exact === undefined) return undefined;
  const judgement = judgeRounding({ stated: formula.result, exact, roundedTerms: 0, tolerance: context.config.tolerance });
  if (judgement.verdict === 'ok') return undefined;
  const result = formula.result;
  const unit = result.unit === '%' ? '%' : '';
  const expected = formatLike(exact, result);
  const exactText = formatNatural(exact, 6);
  const rounding = truncated(formula, exact);
  return {
    ...(formula.inWords ? inWordsMessage(formula, formula.inWords, exactText, expected) : writtenMessage(formula, exactText, expected, unit)),
    range: result.range,
    fixes: correctLiteral(context, result, exact),
    ...(rounding ? { rounding: true } : {}),
  };
}

export const formula: Rule = {
  id: 'formula',
  description: { zh: '算式结果与算式本身的计算不一致', en: 'A formula’s stated result differs from its own arithmetic' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '逐一计算正文和评分说明中的算式（如“资金到位率=（10/10）×100%=100%”），按报告写出的小数位四舍五入后与写出的结果比较。用文字写出的比率（“计划清运14.60万吨，实际清运14.82万吨，完成率101.15%”）按 实际 ÷ 计划 × 100% 同样核算。',
      en: 'Evaluates every inline formula (e.g. "资金到位率=（10/10）×100%=100%") with decimal arithmetic and compares it, rounded half-up to the written decimals, with the stated result. A rate stated in words ("计划清运14.60万吨，实际清运14.82万吨，完成率101.15%") is checked the same way as actual ÷ planned × 100%.',
    },
    why: {
      zh: '算式结果一旦写错，会被带入该指标的扣分和得分；评审会逐一复算，每处计算错误都会扣报告质量分。',
      en: 'A wrong result is carried into the indicator’s deduction and score; reviewers recompute formulas and penalise each miscalculation.',
    },
    example: '满意度=［（12*100%+5*80%+5*60%）/22*1］*100%=**87.36%**（应为 86.36%）',
    fix: {
      zh: '把结果改为重新计算的值，保持原有的小数位数和全/半角写法。',
      en: 'Replaces the result with the recomputed value, keeping its decimals and digit width.',
    },
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const written of context.model.formulas) {
      const finding = checkFormula(context, written);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
