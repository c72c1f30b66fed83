/**
 * survey — survey result tables must add up, and the counts a satisfaction formula uses must be
 * the counts of the survey table they come from.
 *
 * What: for each 问卷星-style question table ("选项 | 小计 | 比例" + "本题有效填写人次 N"):
 * - single choice: Σ小计 = N (multiple choice is exempt);
 * - 比例 = 小计 / N, 四舍五入 to the decimals written (54.55% = 12/22);
 * - a weighted satisfaction formula "（12*100%+5*80%+5*60%）/22" uses, for each option weight,
 *   the 小计 of the option with that weight and N as its divisor — in the question whose options
 *   and respondents it matches best.
 * Why: the satisfaction score of the indicator is computed from these counts; a count copied
 * wrong into the formula or a table that does not add up undermines the 满意度 evidence.
 * Example: formula "（12*100%+6*80%+5*60%）/22" while question 10 shows 非常满意 12, 满意 5, 一般 5.
 * Fix: rewrite the wrong literal with the value the table implies (same decimals and width).
 */
import type Decimal from 'decimal.js';
import type { Formula, NumberLiteral, SurveyOption, SurveyQuestion } from '../model/types';
import { correctLiteral } from '../engine/fixes';
import { judgeRounding } from '../engine/rounding';
import type { Localized, RelatedPlace, Rule, RuleContext, RuleFinding } from '../engine/types';
import { nameSimilarity } from '../recognize/prose/indicatorNames';
import { plain } from '../services/derive';
import { normalizeName } from '../text/normalize';
import { Dec } from '../text/numbers';

function questionName(question: SurveyQuestion): Localized {
  const title = question.title.text.trim();
  const number = /^\d+/u.exec(title)?.[0];
  return number ? { zh: `问卷第${number}题`, en: `survey question ${number}` } : { zh: `问卷“${title.slice(0, 20)}”`, en: `survey question "${title.slice(0, 20)}"` };
}

function optionPlace(question: SurveyQuestion, option: SurveyOption, literal: NumberLiteral, what: Localized): RelatedPlace {
  const name = questionName(question);
  return { range: literal.range, label: { zh: `${name.zh} ${option.label.text} ${what.zh} ${plain(literal)}`, en: `${name.en} ${option.label.text} ${what.en} ${plain(literal)}` } };
}

const COUNT: Localized = { zh: '小计', en: 'count' };

function countSum(question: SurveyQuestion): Decimal | undefined {
  if (question.options.some((option) => !option.count)) return undefined;
  return question.options.reduce((sum, option) => sum.plus(option.count!.value), new Dec(0));
}

/** Does the written ratio agree with count / n? */
function ratioAgrees(context: RuleContext, ratio: NumberLiteral, count: Decimal, n: Decimal): boolean {
  return judgeRounding({ stated: ratio, exact: count.div(n).times(100), roundedTerms: 0, tolerance: context.config.tolerance }).verdict === 'ok';
}

/**
 * Σ小计 ≠ N: when the ratios show which 小计 was mistyped (every other ratio agrees, and its own
 * ratio × N is the count that makes the sum right), flag that 小计; otherwise flag N.
 */
function checkTotal(context: RuleContext, question: SurveyQuestion, sum: Decimal, n: NumberLiteral): { finding: RuleFinding; culprit?: SurveyOption } | undefined {
  if (sum.eq(n.value)) return undefined;
  const disagreeing = question.options.filter((option) => option.ratio && option.count && !ratioAgrees(context, option.ratio, option.count.value, n.value));
  const culprit = disagreeing.length === 1 ? disagreeing[0] : undefined;
  const implied = culprit ? culprit.ratio!.value.times(n.value).div(100).toDecimalPlaces(0) : undefined;
  const name = questionName(question);
  const countsText = question.options.map((option) => plain(option.count!)).join(' + ');
  if (culprit && implied && sum.minus(culprit.count!.value).plus(implied).eq(n.value) && ratioAgrees(context, culprit.ratio!, implied, n.value)) {
    const count = culprit.count!;
    return {
      culprit,
      finding: {
        message: {
          zh: `${name.zh}各选项小计之和 ${countsText} = ${sum.toString()}，与本题有效填写人次 ${plain(n)} 不符；按比例 ${plain(culprit.ratio!)}%，“${culprit.label.text}”的小计应为 ${implied.toString()}。`,
          en: `${name.en}: the counts add up to ${countsText} = ${sum.toString()}, not the ${plain(n)} respondents; by its ratio ${plain(culprit.ratio!)}%, "${culprit.label.text}" should be ${implied.toString()}.`,
        },
        range: count.range,
        related: [{ range: n.range, label: { zh: `${name.zh} 本题有效填写人次 ${plain(n)}`, en: `${name.en} respondents ${plain(n)}` } }, optionPlace(question, culprit, culprit.ratio!, { zh: '比例', en: 'ratio' })],
        fixes: correctLiteral(context, count, implied),
      },
    };
  }
  return {
    finding: {
      message: {
        zh: `${name.zh}各选项小计之和 ${countsText} = ${sum.toString()}，与本题有效填写人次 ${plain(n)} 不符（单选题）。`,
        en: `${name.en}: the counts add up to ${countsText} = ${sum.toString()}, not the ${plain(n)} respondents (single choice).`,
      },
      range: n.range,
      related: question.options.map((option) => optionPlace(question, option, option.count!, COUNT)),
      fixes: correctLiteral(context, n, sum),
    },
  };
}

function checkRatios(context: RuleContext, question: SurveyQuestion, n: Decimal, skip: SurveyOption | undefined): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (n.isZero()) return findings;
  const name = questionName(question);
  for (const option of question.options) {
    if (option === skip || !option.count || !option.ratio) continue;
    const exact = option.count.value.div(n).times(100);
    const judgement = judgeRounding({ stated: option.ratio, exact, roundedTerms: 0, tolerance: context.config.tolerance });
    if (judgement.verdict === 'ok') continue;
    const expected = judgement.expected.toFixed(option.ratio.decimals);
    findings.push({
      message: {
        zh: `${name.zh}“${option.label.text}”的比例应为 ${plain(option.count)}/${n.toString()} = ${expected}%，表中写作 ${plain(option.ratio)}%。`,
        en: `${name.en}: the ratio of "${option.label.text}" should be ${plain(option.count)}/${n.toString()} = ${expected}%, the table writes ${plain(option.ratio)}%.`,
      },
      range: option.ratio.range,
      related: [optionPlace(question, option, option.count, COUNT)],
      fixes: correctLiteral(context, option.ratio, exact),
    });
  }
  return findings;
}

function checkQuestion(context: RuleContext, question: SurveyQuestion): RuleFinding[] {
  const sum = countSum(question);
  const findings: RuleFinding[] = [];
  let culprit: SurveyOption | undefined;
  if (!question.multiple && sum && question.respondents) {
    const total = checkTotal(context, question, sum, question.respondents);
    if (total) {
      findings.push(total.finding);
      culprit = total.culprit;
    }
  }
  const n = question.respondents?.value ?? (question.multiple ? undefined : sum);
  if (n) findings.push(...checkRatios(context, question, n, culprit));
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Satisfaction formulas against the survey

type Weighted = NonNullable<Formula['weighted']>;

/** The option of a question that a formula weight stands for (by the configured option weights). */
function optionForWeight(context: RuleContext, question: SurveyQuestion, weight: Decimal): SurveyOption | undefined {
  const matches = question.options.filter((option) => {
    const configured = context.config.satisfactionWeights[normalizeName(option.label.text)];
    return configured !== undefined && weight.eq(configured);
  });
  return matches.length === 1 ? matches[0] : undefined;
}

interface Candidate {
  question: SurveyQuestion;
  options: SurveyOption[];
  agreeing: number;
  similarity: number;
}

function candidateFor(context: RuleContext, question: SurveyQuestion, weighted: Weighted, subjectName: string): Candidate | undefined {
  if (question.multiple) return undefined;
  const options: SurveyOption[] = [];
  for (const term of weighted.terms) {
    const option = optionForWeight(context, question, term.weight.value);
    if (!option?.count) return undefined;
    options.push(option);
  }
  const agreeing =
    weighted.terms.filter((term, i) => options[i].count!.value.eq(term.count.value)).length + (question.respondents?.value.eq(weighted.total.value) ? 1 : 0);
  return { question, options, agreeing, similarity: nameSimilarity(normalizeName(subjectName), normalizeName(question.title.text)) };
}

/** The question the formula's counts come from: most agreeing numbers, then the most similar title; undefined when unclear. */
function sourceQuestion(candidates: Candidate[], needed: number): Candidate | undefined {
  const sorted = [...candidates].sort((a, b) => b.agreeing - a.agreeing || b.similarity - a.similarity);
  const [best, second] = sorted;
  if (!best || best.agreeing < needed) return undefined;
  if (second && second.agreeing === best.agreeing && second.similarity === best.similarity) return undefined;
  return best;
}

function subjectNameOf(context: RuleContext, formula: Formula): string {
  const indicator = formula.subjectKey ? context.index.indicatorsByKey.get(formula.subjectKey)?.[0] : undefined;
  return indicator?.name ?? formula.label;
}

function checkFormulaCounts(context: RuleContext, formula: Formula): RuleFinding[] {
  const weighted = formula.weighted;
  if (!weighted) return [];
  const subjectName = subjectNameOf(context, formula);
  const candidates = context.model.surveys
    .map((question) => candidateFor(context, question, weighted, subjectName))
    .filter((candidate): candidate is Candidate => candidate !== undefined);
  const numbers = weighted.terms.length + 1;
  if (candidates.some((candidate) => candidate.agreeing === numbers)) return [];
  // more than half of the formula's numbers must agree before the question counts as its source
  const source = sourceQuestion(candidates, Math.floor(numbers / 2) + 1);
  if (!source) return [];
  const { question } = source;
  const name = questionName(question);
  const findings: RuleFinding[] = [];
  weighted.terms.forEach((term, i) => {
    const option = source.options[i];
    const count = option.count!;
    if (count.value.eq(term.count.value)) return;
    findings.push({
      message: {
        zh: `满意度算式中“${option.label.text}”的人数为 ${plain(term.count)}，但${name.zh}中“${option.label.text}”的小计为 ${plain(count)}。`,
        en: `The satisfaction formula counts ${plain(term.count)} for "${option.label.text}", but ${name.en} shows ${plain(count)}.`,
      },
      range: term.count.range,
      related: [{ range: count.range, label: { zh: `${name.zh} ${option.label.text} ${plain(count)} 人`, en: `${name.en} ${option.label.text}: ${plain(count)}` } }],
      fixes: correctLiteral(context, term.count, count.value),
    });
  });
  const respondents = question.respondents;
  if (respondents && !respondents.value.eq(weighted.total.value)) {
    findings.push({
      message: {
        zh: `满意度算式的总人数为 ${plain(weighted.total)}，但${name.zh}的有效填写人次为 ${plain(respondents)}。`,
        en: `The satisfaction formula divides by ${plain(weighted.total)}, but ${name.en} has ${plain(respondents)} respondents.`,
      },
      range: weighted.total.range,
      related: [{ range: respondents.range, label: { zh: `${name.zh} 本题有效填写人次 ${plain(respondents)}`, en: `${name.en} respondents ${plain(respondents)}` } }],
      fixes: correctLiteral(context, weighted.total, respondents.value),
    });
  }
  return findings;
}

export const survey: Rule = {
  id: 'survey',
  description: { zh: '问卷结果表不自洽，或满意度算式的人数与问卷不符', en: 'Survey tables do not add up, or a satisfaction formula’s counts differ from the survey' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '单选题各选项小计之和应等于本题有效填写人次；比例 = 小计 / 人次（按写出的小数位四舍五入）；满意度算式中各选项人数和总人数应与对应题目的统计表一致（按选项权重和人次匹配题目）。',
      en: 'Single-choice counts must add up to the respondents; each ratio = count / respondents at the written precision; the counts and divisor of a weighted satisfaction formula must be those of the survey question they come from (matched by option weights and respondents).',
    },
    why: {
      zh: '满意度指标的得分由这些人数算出；算式抄错人数或统计表不自洽，满意度证据就站不住。',
      en: 'The satisfaction score is computed from these counts; a miscopied count or a table that does not add up undermines the evidence.',
    },
    example: '满意度=［（12*100%+**6***80%+5*60%）/22*1］*100%（问卷第10题“满意”小计为 5）',
    fix: {
      zh: '把有误的数字改为统计表所给的值（保持小数位和全/半角）。',
      en: 'Rewrites the wrong number with the value the survey table gives (keeping decimals and digit width).',
    },
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const question of context.model.surveys) findings.push(...checkQuestion(context, question));
    for (const formula of context.model.formulas) findings.push(...checkFormulaCounts(context, formula));
    return findings;
  },
};
