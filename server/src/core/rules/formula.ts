/**
 * formula — an inline formula's stated result must be what its own arithmetic gives.
 *
 * What: every formula written in prose or in a 评分说明 ("资金到位率=（10/10）×100%=100%",
 * "［（12*100%+5*80%+5*60%）/22*1］*100%=86.36%") is evaluated with decimal arithmetic and the
 * exact value is 四舍五入 to the decimals the report writes its result with.
 * Why: a mistyped result is then carried into the indicator's 扣分/得分; reviewers recompute
 * these by hand and score each miscalculation against the report.
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
import { Dec, formatLike } from '../text/numbers';

/** The result cuts the exact value off instead of rounding it (86.3 for 86.36…, 0.62 for 0.625). */
function truncated(formula: Formula, exact: Decimal): boolean {
  return exact.toDecimalPlaces(formula.result.decimals, Dec.ROUND_DOWN).eq(formula.result.value);
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
  const label = formula.label ? `${formula.label} ` : '';
  return {
    message: {
      zh: `${label}计算结果有误：${formula.expression.text} = ${exactText}${unit}，四舍五入应为 ${expected}${unit}，报告写作 ${plain(result)}${unit}。`,
      en: `${label}The formula's result is wrong: ${formula.expression.text} = ${exactText}${unit}, which rounds to ${expected}${unit}, but the report writes ${plain(result)}${unit}.`,
    },
    range: result.range,
    related: [{ range: formula.expression.range, label: { zh: `算式 ${formula.expression.text}`, en: `expression ${formula.expression.text}` } }],
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
      zh: '逐一计算正文和评分说明中的算式（如“资金到位率=（10/10）×100%=100%”），按报告写出的小数位四舍五入后与写出的结果比较。',
      en: 'Evaluates every inline formula (e.g. "资金到位率=（10/10）×100%=100%") with decimal arithmetic and compares it, rounded half-up to the written decimals, with the stated result.',
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
