/**
 * repeated-fact — a date, 文号 or amount cited in several places must read the same everywhere.
 *
 * What: the facts the prose recognizer collects (a 文号 with its issuing body, the date of an
 * event such as 支付完毕, an amount with its topic: 总投资, or a 共计 of the budget, of spending or
 * of what is left) are grouped by kind and topic; when one group
 * holds different canonical forms, every citation that differs from the form most places use is
 * flagged, with those places as related information. In a report of several projects, dates and
 * amounts are compared within each project (engine/parts.ts); 文号 across the report.
 * Why: reviewers cross-check the basis documents and dates; "处非联函〔2018〕12号" in one section
 * and "〔2018〕112号" in another, or a payment on 12 月 14 日 and on 12 月 16 日, means one of them
 * is wrong, and the report loses credibility ("数据准确").
 * Example: "（处非联函〔2018〕12 号）… （处非联函〔2018〕112 号）".
 * Fix: rewrite the deviating citation as the majority form — only the numbers that differ when the
 * two citations are written alike, else the whole citation. With no majority (one against one)
 * the finding stands but the fix is not applied by "fix all".
 */
import type { Fact, FactKind, NumberLiteral } from '../model/types';
import type { Fix, Localized, Rule, RuleFinding, TextEdit } from '../engine/types';
import { normalizeName } from '../text/normalize';
import { formatLike, scanNumbers } from '../text/numbers';

const KIND_NAMES: Record<FactKind, Localized> = {
  date: { zh: '日期', en: 'date' },
  docNumber: { zh: '文号', en: 'document number' },
  amount: { zh: '金额', en: 'amount' },
};

/** "12" vs "112", "12" vs "13": one character inserted, deleted or replaced. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

/** "处非联函〔2018〕12号" → year and serial. */
function yearAndSerial(normalized: string): { year: string; serial: string } | undefined {
  const open = normalized.lastIndexOf('〔');
  const close = normalized.lastIndexOf('〕');
  if (open < 0 || close < open) return undefined;
  return { year: normalized.slice(open + 1, close), serial: normalized.slice(close + 1).replace(/号$/u, '') };
}

/** A probable mistyping of the same 文号: same issuer and year, serials one keystroke apart. */
function typoOf(a: Fact, b: Fact): boolean {
  const x = yearAndSerial(a.normalized);
  const y = yearAndSerial(b.normalized);
  return a.topic === b.topic && x !== undefined && y !== undefined && x.year === y.year && oneEditApart(x.serial, y.serial);
}

/**
 * Which citations speak of one document: those citing it under the same title; an untitled
 * citation joins the titled document it matches exactly or is one typo away from. The same issuer
 * alone is not enough (财预〔2011〕416号 and 财预〔2020〕10号 are two documents).
 */
function documentKey(fact: Fact, titled: readonly Fact[]): string {
  if (fact.title) return `title\u0000${normalizeName(fact.title)}`;
  const owners = new Set(titled.filter((other) => other.normalized === fact.normalized).map((other) => normalizeName(other.title!)));
  if (owners.size === 0) titled.filter((other) => typoOf(fact, other)).forEach((other) => owners.add(normalizeName(other.title!)));
  return owners.size === 1 ? `title\u0000${[...owners][0]}` : `number\u0000${fact.normalized}`;
}

/** Citations of one fact, in document order: 文号 by document, dates and amounts by kind + topic. */
function groups(facts: readonly Fact[]): Fact[][] {
  const titled = facts.filter((fact) => fact.kind === 'docNumber' && fact.title);
  const byKey = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (!fact.topic) continue;
    const key = fact.kind === 'docNumber' ? documentKey(fact, titled) : `${fact.kind}\u0000${fact.topic}`;
    const list = byKey.get(key);
    if (list) list.push(fact);
    else byKey.set(key, [fact]);
  }
  return [...byKey.values()];
}

/** Forms of one group, most cited first (earliest first among equals). */
function formsOf(group: readonly Fact[]): Fact[][] {
  const byForm = new Map<string, Fact[]>();
  for (const fact of group) {
    const list = byForm.get(fact.normalized);
    if (list) list.push(fact);
    else byForm.set(fact.normalized, [fact]);
  }
  return [...byForm.values()].sort((a, b) => b.length - a.length || a[0].span.range.start - b[0].span.range.start);
}

/** Edits turning `wrong` into `right`: number by number when both are written alike, else the whole span. */
function editsTowards(wrong: Fact, right: Fact): TextEdit[] {
  const from = scanNumbers(wrong.span.text, { base: wrong.span.range.start });
  const to = scanNumbers(right.span.text);
  if (from.length === to.length && from.length > 0) {
    const edits = from
      .map((literal: NumberLiteral, i) => ({ literal, target: to[i] }))
      .filter(({ literal, target }) => !literal.value.eq(target.value))
      .map(({ literal, target }) => ({ range: literal.range, newText: formatLike(target.value, literal, target.decimals) }));
    if (edits.length > 0) return edits;
  }
  return [{ range: wrong.span.range, newText: right.span.text }];
}

function finding(fact: Fact, reference: Fact[], majority: boolean): RuleFinding {
  const kind = KIND_NAMES[fact.kind];
  const title = fact.title ?? reference.find((other) => other.title)?.title;
  const topic = title ? `《${title}》` : fact.topic;
  const right = reference[0];
  const fix: Fix = {
    kind: 'direct',
    title: { zh: `改为“${right.span.text}”`, en: `Change to "${right.span.text}"` },
    preferred: majority,
    edits: editsTowards(fact, right),
  };
  const count = reference.length;
  return {
    message: majority
      ? {
          zh: `同一${kind.zh}（${topic}）前后写法不一致：此处为“${fact.span.text}”，另有 ${count} 处写作“${right.span.text}”。`,
          en: `The same ${kind.en} (${topic}) is cited differently: "${fact.span.text}" here, "${right.span.text}" in ${count} other place(s).`,
        }
      : {
          zh: `同一${kind.zh}（${topic}）前后写法不一致：此处为“${fact.span.text}”，前文写作“${right.span.text}”，请核实哪一处正确。`,
          en: `The same ${kind.en} (${topic}) is cited differently: "${fact.span.text}" here, "${right.span.text}" earlier; check which one is right.`,
        },
    range: fact.span.range,
    related: reference.map((other) => ({ range: other.span.range, label: { zh: `${kind.zh} ${other.span.text}`, en: `${kind.en} ${other.span.text}` } })),
    fixes: [fix],
  };
}

export const repeatedFact: Rule = {
  id: 'repeated-fact',
  description: { zh: '同一日期、文号或金额在不同位置写法不一致', en: 'The same date, document number or amount is cited differently' },
  defaultSeverity: 'warning',
  docs: {
    what: {
      zh: '把正文中引用的文号、事件日期和金额按类别和主题归组（“预算共计”“支出共计”“结余共计”是不同的金额）；同一组出现不同写法时，标出与多数写法不同的引用。',
      en: 'Groups the document numbers, event dates and amounts cited in the prose by kind and topic (a budget total, a spending total and what is left are different amounts), and flags citations that differ from the form most places use.',
    },
    why: {
      zh: '评审会核对依据文件和关键日期；同一文号或日期前后不一，说明其中一处有误，影响报告“数据准确”。',
      en: 'Reviewers cross-check basis documents and key dates; one fact cited two ways means one citation is wrong.',
    },
    example: '（处非联函〔2018〕12 号）……（处非联函〔2018〕**112** 号）',
    fix: {
      zh: '把不一致的引用改为多数位置的写法（只改不同的数字）；一对一无法判断时不自动修复。',
      en: 'Rewrites the deviating citation as the majority form (only the differing numbers); with no majority the fix is offered but not applied by fix-all.',
    },
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const group of groups(context.model.facts)) {
      const forms = formsOf(group);
      if (forms.length < 2) continue;
      const [reference, ...others] = forms;
      const majority = reference.length > others[0].length;
      for (const form of others) for (const fact of form) findings.push(finding(fact, reference, majority));
    }
    return findings;
  },
};
