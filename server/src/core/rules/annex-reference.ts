/**
 * annex-reference — "详见报告附件 3" must point to an annex that exists and holds what the sentence
 * says it holds.
 *
 * What: every annex reference (its number and the topic the sentence names, e.g. 问卷调查) is
 * compared with the annexes the report lists. A number with no annex is flagged; so is a
 * reference whose topic clearly belongs to another annex's title.
 * Why: a reader (and the reviewer) follows the reference to check the evidence; pointing to the
 * interview notes instead of the survey analysis breaks the chain of evidence.
 * Example: "共收回有效调查问卷 22 份，其分析情况详见报告附件 3。" while 附件 2 is
 * "问卷调查表及分析报告" and 附件 3 is "访谈提纲（记录）及访谈分析报告".
 * Fix: change the annex number to the annex whose title matches the topic ("附件 2").
 */
import type { Annex, AnnexReference, Range } from '../model/types';
import type { Fix, Rule, RuleFinding } from '../engine/types';
import { normalizeName } from '../text/normalize';
import { Dec, formatLike, scanNumbers } from '../text/numbers';
import { replaceText } from './support/fixes';

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The place the annex number is written inside the reference, and how to write another number there. */
function numberPlace(reference: AnnexReference): { range: Range; write: (n: number) => string } | undefined {
  const literal = scanNumbers(reference.span.text, { base: reference.span.range.start }).reverse().find((l) => l.value.eq(reference.number));
  if (literal) return { range: literal.range, write: (n) => formatLike(new Dec(n), literal, 0) };
  const written = CHINESE_DIGITS[reference.number];
  const at = written === undefined ? -1 : reference.span.text.lastIndexOf(written);
  if (at < 0) return undefined;
  const start = reference.span.range.start + at;
  return { range: { start, end: start + written.length }, write: (n) => CHINESE_DIGITS[n] ?? String(n) };
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}

/** How much of the topic an annex's titles speak of: the topic's bigrams found in a title. */
function affinity(topic: string, titles: readonly string[]): number {
  const grams = bigrams(topic);
  return Math.max(0, ...titles.map((title) => grams.filter((gram) => title.includes(gram)).length));
}

interface AnnexEntry {
  number: number;
  titles: string[];
  annexes: Annex[];
}

function annexEntries(annexes: readonly Annex[]): AnnexEntry[] {
  const byNumber = new Map<number, AnnexEntry>();
  for (const annex of annexes) {
    const entry = byNumber.get(annex.number) ?? { number: annex.number, titles: [], annexes: [] };
    entry.titles.push(normalizeName(annex.title.text));
    entry.annexes.push(annex);
    byNumber.set(annex.number, entry);
  }
  return [...byNumber.values()];
}

/** The one annex clearly about `topic`, if any. */
function annexFor(topic: string, entries: readonly AnnexEntry[]): { entry: AnnexEntry; score: number } | undefined {
  const scored = entries.map((entry) => ({ entry, score: affinity(topic, entry.titles) })).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < 2 || (second && second.score === best.score)) return undefined;
  return best;
}

function moveFix(reference: AnnexReference, target: AnnexEntry): Fix[] {
  const place = numberPlace(reference);
  if (!place) return [];
  const text = place.write(target.number);
  return [replaceText(place.range, text, { zh: `改为附件 ${target.number}`, en: `Change to annex ${target.number}` })];
}

function titleOf(entry: AnnexEntry): string {
  return entry.annexes[0].title.text;
}

function checkReference(reference: AnnexReference, entries: readonly AnnexEntry[]): RuleFinding | undefined {
  const topic = normalizeName(reference.topic);
  const cited = entries.find((entry) => entry.number === reference.number);
  const best = topic.length >= 2 ? annexFor(topic, entries) : undefined;
  const related = (entry: AnnexEntry) => entry.annexes.map((annex) => ({ range: annex.title.range, label: { zh: `附件${entry.number} ${annex.title.text}`, en: `annex ${entry.number}: ${annex.title.text}` } }));
  if (!cited) {
    return {
      message: {
        zh: `引用的附件 ${reference.number} 不存在${entries.length > 0 ? `（报告附件为 ${entries.map((e) => e.number).join('、')}）` : ''}。`,
        en: `Annex ${reference.number} is referenced but does not exist${entries.length > 0 ? ` (the report's annexes are ${entries.map((e) => e.number).join(', ')})` : ''}.`,
      },
      range: reference.span.range,
      related: best ? related(best.entry) : [],
      fixes: best ? moveFix(reference, best.entry) : [],
    };
  }
  if (!best || best.entry === cited || affinity(topic, cited.titles) === topic.length - 1) return undefined;
  return {
    message: {
      zh: `引用的附件 ${reference.number}（${titleOf(cited)}）与所述内容“${reference.topic}”不符，应为附件 ${best.entry.number}（${titleOf(best.entry)}）。`,
      en: `Annex ${reference.number} ("${titleOf(cited)}") does not hold "${reference.topic}"; annex ${best.entry.number} ("${titleOf(best.entry)}") does.`,
    },
    range: reference.span.range,
    related: [...related(best.entry), ...related(cited)],
    fixes: moveFix(reference, best.entry),
  };
}

export const annexReferenceRule: Rule = {
  id: 'annex-reference',
  description: { zh: '正文引用的附件不存在或内容不符', en: 'An annex reference points to a missing annex or to the wrong one' },
  defaultSeverity: 'warning',
  docs: {
    what: {
      zh: '核对“详见附件 N”一类引用：附件 N 必须存在，且其标题与句中所说的内容（如问卷调查分析）相符。',
      en: 'Checks references such as "详见附件 N": annex N must exist and its title must match what the sentence says it holds (e.g. the survey analysis).',
    },
    why: {
      zh: '读者和评审会按引用查证依据；引错附件会让证据链断裂。',
      en: 'Readers and reviewers follow the reference to the evidence; a wrong annex number breaks the chain of evidence.',
    },
    example: '共收回有效调查问卷 22 份，其分析情况详见报告**附件 3**。（附件 2 才是“问卷调查表及分析报告”）',
    fix: {
      zh: '把附件编号改为标题与所述内容相符的附件。',
      en: 'Changes the annex number to the annex whose title matches the topic.',
    },
  },
  check(context) {
    const entries = annexEntries(context.model.annexes);
    const findings: RuleFinding[] = [];
    for (const reference of context.model.annexReferences) {
      const finding = checkReference(reference, entries);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
