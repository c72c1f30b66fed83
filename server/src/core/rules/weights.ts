/**
 * weights — the weight policy of the indicator system.
 *
 * What: (1) the level-1 分值 add up to the system's total (config.totalWeight, 100 by default);
 * (2) when the report cites the central rule that 产出 and 效益 together weigh at least 60%, they
 * do (info); (3) the shares the prose gives to 共性指标 and 个性指标 ("共性指标占整个指标体系分值的
 * 40%，个性指标占 60%") match the weights of the level-1 indicators in each group.
 * Why: weights that do not add up to 100 make every score and grade meaningless; the prose about
 * the system's shares is written once and rarely updated when weights change.
 * Example: 决策 20 + 过程 20 = 40 → "共性指标占 40%" is right; "占 50%" is flagged.
 * Fix: the share stated in prose is rewritten to the tree's share; weight sums have no automatic fix
 * (which weight is wrong cannot be told).
 *
 * Group membership is read from the report ("共性指标下设决策与过程"); without it, the central
 * framework's convention (共性 = 决策、过程; 个性 = 产出、效益) is used.
 */
import type Decimal from 'decimal.js';
import type { NumberLiteral, Paragraph } from '../model/types';
import { weightSum } from '../services/derive';
import { correctLiteral, relatedLiteral } from '../engine/fixes';
import { levelOneByName, type LevelOneIndicator } from '../engine/modelIndex';
import type { Rule, RuleContext, RuleFinding } from '../engine/types';
import { looseName } from '../text/normalize';
import { Dec, scanNumbers } from '../text/numbers';

const GROUPS = { common: '共性指标', specific: '个性指标' } as const;
type Group = keyof typeof GROUPS;
const CONVENTION: Record<Group, string[]> = { common: ['决策', '过程'], specific: ['产出', '效益'] };

function levelOneWeight(levelOne: LevelOneIndicator): Decimal | undefined {
  return weightSum(levelOne.primary) ?? levelOne.occurrences.map(weightSum).find((value) => value !== undefined);
}

function totalCheck(context: RuleContext): RuleFinding[] {
  const levelOne = context.index.levelOne;
  const weights = levelOne.map(levelOneWeight);
  if (levelOne.length < 2 || weights.some((value) => value === undefined)) return [];
  const total = weights.reduce((acc: Decimal, value) => acc.plus(value!), new Dec(0));
  const expected = new Dec(context.config.totalWeight);
  if (total.eq(expected)) return [];
  const last = levelOne[levelOne.length - 1].primary;
  const literal = last.weight ?? last.weightParts[0];
  if (!literal) return [];
  return [
    {
      message: {
        zh: `一级指标分值之和为 ${total.toString()}，应为 ${expected.toString()}（计算错误）`,
        en: `The level-1 weights add up to ${total.toString()}, not ${expected.toString()} (calculation error)`,
      },
      range: literal.range,
      related: levelOne.flatMap((entry) => (entry.primary.weight ? [relatedLiteral(entry.primary.weight, { zh: entry.primary.name, en: entry.primary.name })] : [])),
      fixes: [],
    },
  ];
}

/** Sentences (split on 。；) of the paragraphs. */
function sentences(paragraphs: readonly Paragraph[]): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const paragraph of paragraphs) {
    let start = 0;
    for (let i = 0; i <= paragraph.text.length; i++) {
      if (i === paragraph.text.length || paragraph.text[i] === '。' || paragraph.text[i] === '；') {
        if (i > start) out.push({ text: paragraph.text.slice(start, i), start: paragraph.range.start + start });
        start = i + 1;
      }
    }
  }
  return out;
}

/** Level-1 indicators the report puts in each group ("共性指标下设决策与过程 2个一级指标"). */
function groupMembers(context: RuleContext, all: { text: string }[]): Record<Group, LevelOneIndicator[]> {
  const members: Record<Group, LevelOneIndicator[]> = { common: [], specific: [] };
  for (const group of Object.keys(GROUPS) as Group[]) {
    for (const sentence of all) {
      const at = sentence.text.indexOf(GROUPS[group]);
      if (at < 0 || !/下设|包括|包含/u.test(sentence.text)) continue;
      const tail = sentence.text.slice(at);
      for (const levelOne of context.index.levelOne) {
        const name = levelOne.primary.path[0] ?? '';
        if (tail.includes(looseName(name)) && !members[group].includes(levelOne)) members[group].push(levelOne);
      }
    }
    if (members[group].length === 0) {
      members[group] = CONVENTION[group].map((name) => levelOneByName(context.index, name)).filter((entry): entry is LevelOneIndicator => entry !== undefined);
    }
  }
  return members;
}

/** "共性指标占…的 40%": the first percentage after the group's name in the sentence. */
function statedShares(all: { text: string; start: number }[]): { group: Group; literal: NumberLiteral }[] {
  const out: { group: Group; literal: NumberLiteral }[] = [];
  for (const sentence of all) {
    for (const group of Object.keys(GROUPS) as Group[]) {
      const at = sentence.text.indexOf(GROUPS[group]);
      if (at < 0) continue;
      const rest = sentence.text.slice(at);
      const stop = rest.search(/[，,]/u);
      const clause = stop < 0 ? rest : rest.slice(0, stop);
      if (!clause.includes('占')) continue;
      const literal = scanNumbers(clause, { base: sentence.start + at }).find((candidate) => candidate.unit === '%');
      if (literal) out.push({ group, literal });
    }
  }
  return out;
}

/**
 * What the prose says about the weight policy, read once per paragraph list: the parts of a report
 * of several projects (engine/parts.ts) share it, and each is checked against it.
 */
interface PolicyProse {
  /** Sentences naming 共性指标 or 个性指标. */
  groupSentences: { text: string; start: number }[];
  /** The sentence citing "产出和效益指标权重合计不低于 60%". */
  outputBenefitCited?: { text: string; start: number };
}

const policyProse = new WeakMap<readonly Paragraph[], PolicyProse>();

function policyProseOf(paragraphs: readonly Paragraph[]): PolicyProse {
  let prose = policyProse.get(paragraphs);
  if (prose) return prose;
  prose = {
    // only paragraphs naming a group can state a share or a membership: skip splitting the rest
    groupSentences: sentences(paragraphs.filter((paragraph) => paragraph.text.includes(GROUPS.common) || paragraph.text.includes(GROUPS.specific))),
    outputBenefitCited: sentences(paragraphs.filter((paragraph) => paragraph.text.includes('不低于'))).find((sentence) => sentence.text.includes('产出') && sentence.text.includes('效益') && /不低于\s*60\s*[%％]/u.test(sentence.text)),
  };
  policyProse.set(paragraphs, prose);
  return prose;
}

function shareChecks(context: RuleContext): RuleFinding[] {
  const all = policyProseOf(context.model.paragraphs).groupSentences;
  const shares = statedShares(all);
  if (shares.length === 0) return [];
  const members = groupMembers(context, all);
  const total = new Dec(context.config.totalWeight);
  const out: RuleFinding[] = [];
  for (const { group, literal } of shares) {
    const weights = members[group].map(levelOneWeight);
    if (weights.length === 0 || weights.some((value) => value === undefined)) continue;
    const share = weights.reduce((acc: Decimal, value) => acc.plus(value!), new Dec(0)).div(total).times(100);
    if (share.toDecimalPlaces(literal.decimals).eq(literal.value)) continue;
    const names = members[group].map((entry) => entry.primary.name).join('、');
    out.push({
      message: {
        zh: `${GROUPS[group]}占比写为 ${literal.text}%，但 ${names} 的分值合计占 ${share.toDecimalPlaces(2).toString()}%`,
        en: `${GROUPS[group]} is said to weigh ${literal.text}%, but ${names} weigh ${share.toDecimalPlaces(2).toString()}% together`,
      },
      range: literal.range,
      related: members[group].flatMap((entry) => (entry.primary.weight ? [relatedLiteral(entry.primary.weight, { zh: entry.primary.name, en: entry.primary.name })] : [])),
      fixes: correctLiteral(context, literal, share),
    });
  }
  return out;
}

/** The central rule "产出和效益指标权重合计一般不低于 60%", checked only when the report cites it. */
function outputBenefitCheck(context: RuleContext): RuleFinding[] {
  const cited = policyProseOf(context.model.paragraphs).outputBenefitCited;
  if (!cited) return [];
  const entries = ['产出', '效益'].map((name) => levelOneByName(context.index, name));
  if (entries.some((entry) => !entry)) return [];
  const weights = entries.map((entry) => levelOneWeight(entry!));
  if (weights.some((value) => value === undefined)) return [];
  const share = weights.reduce((acc: Decimal, value) => acc.plus(value!), new Dec(0)).div(context.config.totalWeight).times(100);
  if (share.gte(60)) return [];
  return [
    {
      severity: 'info',
      message: {
        zh: `产出、效益指标权重合计 ${share.toDecimalPlaces(2).toString()}%，低于所引用规定的 60%`,
        en: `产出 and 效益 weigh ${share.toDecimalPlaces(2).toString()}% together, below the 60% the cited rule requires`,
      },
      range: { start: cited.start, end: cited.start + cited.text.length },
      related: [],
      fixes: [],
    },
  ];
}

export const weights: Rule = {
  id: 'weights',
  description: { zh: '指标体系权重：一级指标分值合计、共性/个性指标占比', en: 'Weight policy: level-1 total, 共性/个性 shares' },
  defaultSeverity: 'error',
  readsProse: true,
  docs: {
    what: {
      zh: '一级指标分值合计等于指标体系总分（默认 100）；正文所述共性指标、个性指标占比与指标表一致；报告引用“产出、效益权重不低于 60%”时核对之（提示）。',
      en: 'Level-1 weights add up to the system total (100 by default); the 共性/个性 shares stated in prose match the tables; when the report cites the "产出 + 效益 ≥ 60%" rule, it is checked (info).',
    },
    why: {
      zh: '权重合计不为 100 时所有得分和评级都失去意义；正文中的占比说明往往在调整权重后未更新。',
      en: 'If weights do not add up to 100, scores and grades mean nothing; the prose about shares is rarely updated when weights change.',
    },
    example: '共性指标占整个指标体系分值的 50%   ← 决策 20 + 过程 20 = 40%',
    fix: { zh: '正文中的占比改为按指标表计算的占比；权重合计错误不提供自动修复。', en: 'The stated share is rewritten to the share computed from the tables; weight totals have no automatic fix.' },
  },
  check(context) {
    return [...totalCheck(context), ...shareChecks(context), ...outputBenefitCheck(context)];
  },
};
