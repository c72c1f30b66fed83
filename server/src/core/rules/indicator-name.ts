/**
 * indicator-name — an indicator is called the same in the prose as in the tables.
 *
 * What: the section titles and sentences that the prose recognizer ties to an indicator (the
 * subject of "该指标满分 5 分…" under "（2）绩效目标明确性") are compared with the indicator's name
 * in the tables. A title that names it differently — beyond the usual 项目/指标/情况 variants —
 * is reported once, at the title.
 * Why: reviewers score 表述不清 and inconsistent naming; a reader cannot tell whether
 * "绩效目标明确性" and "绩效指标明确性" are one indicator or two.
 * Example: heading "（2）绩效目标明确性" while 表3-1 and 附件1 say "绩效指标明确性".
 * Fix: write the table's name in the title.
 */
import type { Claim, Indicator, Range } from '../model/types';
import { shortName } from '../engine/fixes';
import { levelOneOfKey } from '../engine/modelIndex';
import { tableLabel } from '../engine/quantities';
import type { Rule, RuleContext, RuleFinding } from '../engine/types';
import { looseName } from '../text/normalize';

/** The table occurrence whose name counts: the level-1 primary table's, else the first. */
function tableIndicator(context: RuleContext, key: string): Indicator | undefined {
  const list = context.index.indicatorsByKey.get(key) ?? [];
  const primary = levelOneOfKey(context.index, key)?.primary.tableIndex;
  return list.find((indicator) => indicator.tableIndex === primary) ?? list[0];
}

/** The name as a table writes it, without the line breaks of a wrapped cell. */
function writtenName(indicator: Indicator): string {
  return indicator.name
    .split('\n')
    .map((line) => line.trim())
    .join('');
}

/** The loose spellings of the indicators under one key, computed once per key and check (a key can name hundreds of indicators in a multi-project report). */
type NamesOfKey = (key: string) => ReadonlySet<string>;

function checkSubject(context: RuleContext, claim: Claim, seen: Set<string>, namesOf: NamesOfKey): RuleFinding | undefined {
  const subject = claim.subject;
  if (subject.kind !== 'indicator' || !subject.key || !subject.range) return undefined;
  const range: Range = subject.range;
  const id = `${range.start}:${range.end}`;
  if (seen.has(id)) return undefined;
  seen.add(id);
  const names = namesOf(subject.key);
  if (names.size === 0 || names.has(looseName(subject.name))) return undefined;
  const indicator = tableIndicator(context, subject.key);
  if (!indicator) return undefined;
  const name = writtenName(indicator);
  // a name no table writes (the 预算执行率 a 自评表's funds total stands for) has no spelling to hold the text to
  if (!looseName(context.model.text.slice(indicator.nameRange.start, indicator.nameRange.end)).includes(looseName(name))) return undefined;
  const where = tableLabel(context.model, indicator.tableIndex);
  return {
    message: {
      zh: `正文中的指标名称“${subject.name}”与${where.zh}中的“${name}”不一致。`,
      en: `The text names the indicator "${subject.name}", ${where.en} calls it "${name}".`,
    },
    range,
    related: [{ range: indicator.nameRange, label: { zh: `${where.zh}“${shortName(name)}”`, en: `${where.en} "${shortName(name)}"` } }],
    fixes: [{ kind: 'direct', title: { zh: `改为“${name}”`, en: `Rename to "${name}"` }, preferred: true, edits: [{ range, newText: name }] }],
  };
}

export const indicatorName: Rule = {
  id: 'indicator-name',
  description: { zh: '正文与表格中的指标名称不一致', en: 'An indicator is named differently in the text and in the tables' },
  defaultSeverity: 'info',
  docs: {
    what: {
      zh: '比较正文标题和语句所指指标的写法与表格中的指标名称（忽略“项目”“指标”“情况”等常见增减）。',
      en: 'Compares how section titles and sentences name an indicator with its name in the tables (ignoring the usual 项目/指标/情况 variants).',
    },
    why: {
      zh: '名称前后不一属于表述不清，读者无法判断是否为同一指标。',
      en: 'Inconsistent naming is unclear wording; readers cannot tell whether two names are one indicator.',
    },
    example: '##### （2）**绩效目标明确性**（表3-1、附件1 为“绩效指标明确性”）',
    fix: { zh: '把正文中的名称改为表格中的名称。', en: 'Writes the table’s name in the text.' },
  },
  check(context) {
    const seen = new Set<string>();
    const namesByKey = new Map<string, ReadonlySet<string>>();
    const namesOf: NamesOfKey = (key) => {
      let names = namesByKey.get(key);
      if (!names) {
        names = new Set((context.index.indicatorsByKey.get(key) ?? []).map((indicator) => looseName(indicator.name)));
        namesByKey.set(key, names);
      }
      return names;
    };
    const findings: RuleFinding[] = [];
    for (const claim of context.model.claims) {
      const finding = checkSubject(context, claim, seen, namesOf);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
