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
import type { Fix, Localized, RelatedPlace, Rule, RuleFinding } from '../engine/types';
import { Dec, formatLike, scanNumbers } from '../text/numbers';

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

const TOPIC_NAMES: Record<string, Localized> = {
  survey: { zh: '问卷调查', en: 'the survey' },
  scoring: { zh: '评分', en: 'the scoring' },
  finance: { zh: '财务资料', en: 'the financial records' },
  photos: { zh: '照片', en: 'the photos' },
};

interface AnnexEntry {
  number: number;
  annexes: Annex[];
  topics: Set<string>;
}

/** Annexes by number (a report may title one annex twice: in its list and above its content). */
function annexEntries(annexes: readonly Annex[]): AnnexEntry[] {
  const byNumber = new Map<number, AnnexEntry>();
  for (const annex of annexes) {
    const entry = byNumber.get(annex.number) ?? { number: annex.number, annexes: [], topics: new Set<string>() };
    entry.annexes.push(annex);
    if (annex.topic) entry.topics.add(annex.topic);
    byNumber.set(annex.number, entry);
  }
  return [...byNumber.values()];
}

/** The one annex whose title is about `topic`, if exactly one is. */
function annexFor(topic: string, entries: readonly AnnexEntry[]): AnnexEntry | undefined {
  const matching = entries.filter((entry) => entry.topics.has(topic));
  return matching.length === 1 ? matching[0] : undefined;
}

function moveFix(reference: AnnexReference, target: AnnexEntry): Fix[] {
  const place = numberPlace(reference);
  if (!place) return [];
  const title = { zh: `改为附件 ${target.number}`, en: `Change to annex ${target.number}` };
  return [{ kind: 'direct', title, preferred: true, edits: [{ range: place.range, newText: place.write(target.number) }] }];
}

function titleOf(entry: AnnexEntry): string {
  return entry.annexes[0].title.text;
}

function relatedOf(entry: AnnexEntry): RelatedPlace[] {
  return entry.annexes.map((annex) => ({ range: annex.title.range, label: { zh: `附件${entry.number} ${annex.title.text}`, en: `annex ${entry.number}: ${annex.title.text}` } }));
}

function checkReference(reference: AnnexReference, entries: readonly AnnexEntry[]): RuleFinding | undefined {
  const cited = entries.find((entry) => entry.number === reference.number);
  const best = reference.topic ? annexFor(reference.topic, entries) : undefined;
  if (!cited) {
    const numbers = entries.map((entry) => entry.number).join('、');
    return {
      message: {
        zh: `引用的附件 ${reference.number} 不存在${numbers ? `（报告附件为 ${numbers}）` : ''}。`,
        en: `Annex ${reference.number} is referenced but does not exist${numbers ? ` (the report's annexes are ${numbers.replace(/、/gu, ', ')})` : ''}.`,
      },
      range: reference.span.range,
      related: best ? relatedOf(best) : [],
      fixes: best ? moveFix(reference, best) : [],
    };
  }
  if (!best || best === cited || cited.topics.has(reference.topic)) return undefined;
  const topic = TOPIC_NAMES[reference.topic] ?? { zh: reference.topic, en: reference.topic };
  return {
    message: {
      zh: `所述${topic.zh}内容应见附件 ${best.number}（${titleOf(best)}），而引用的附件 ${reference.number} 是“${titleOf(cited)}”。`,
      en: `${topic.en} is in annex ${best.number} ("${titleOf(best)}"), but the text points to annex ${reference.number} ("${titleOf(cited)}").`,
    },
    range: reference.span.range,
    related: [...relatedOf(best), ...relatedOf(cited)],
    fixes: moveFix(reference, best),
  };
}

export const annexReference: Rule = {
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
