/**
 * Every place the report STATES a quantity: "the 得分 of 效益" is written in 表 3-4's 合计 row,
 * in the 得分表, in the prose ("实际得分 18.73 分") and maybe in the annex. A quantity is
 * (subject, field) where subject is an indicator's loose key ('' = the whole report).
 *
 * Used by the cascade fix (change one, update the places that said the same) and by rules that
 * compare places (summary-vs-detail), so that all agree on what a literal stands for.
 */
import type { IndicatorTable, NumberLiteral, ReportModel, TotalRow } from '../model/types';
import { rootsOf, totalRowRoots } from '../services/derive';
import { looseName } from '../text/normalize';
import { isAmbiguous, levelOneByName, looseKeyOf, looseKeyOfIndicator, type ModelIndex } from './modelIndex';
import type { Localized } from './types';

export type QuantityField = 'weight' | 'deduction' | 'score' | 'rate';

export type StatementPlace = 'indicator' | 'total' | 'summary' | 'claim';

export interface Statement {
  literal: NumberLiteral;
  /** Loose key of the indicator; '' = the report as a whole. */
  subject: string;
  field: QuantityField;
  place: StatementPlace;
  tableIndex?: number;
  /** Where, for related-information labels ("表3-4 合计", "得分表", "正文"). */
  where: Localized;
}

/** Short name of a table for messages: "表3-4", "得分表", else "表格 #n". */
export function tableLabel(model: ReportModel, tableIndex: number): Localized {
  // tables are numbered in document order, so the index is the position (rules ask this per indicator)
  const table = model.tables[tableIndex]?.index === tableIndex ? model.tables[tableIndex] : model.tables.find((t) => t.index === tableIndex);
  const caption = table?.caption?.text.trim() ?? '';
  const numbered = numberedLabel(caption);
  if (numbered) return { zh: numbered, en: `Table ${numbered.slice(1)}` };
  // "部门整体支出绩效自评表（2023 年度）": the name ends before a bracketed note
  const named = caption.replace(/[（(][^（()）]*[)）]$/u, '').trimEnd();
  if (named.endsWith('表')) {
    const tail = named.slice(-3);
    return { zh: tail, en: `the ${tail} table` };
  }
  return { zh: `表格 #${tableIndex + 1}`, en: `table #${tableIndex + 1}` };
}

/** "表 3-4 项目效益…" → "表3-4"; "表1：…" → "表1". Simple scanning, no backtracking. */
function numberedLabel(caption: string): string | undefined {
  if (!caption.startsWith('表')) return undefined;
  let i = 1;
  while (caption[i] === ' ' || caption[i] === '\u3000') i++;
  const start = i;
  while (i < caption.length && /[0-9０-９.\-－—–]/.test(caption[i])) i++;
  return i > start ? `表${caption.slice(start, i)}` : undefined;
}

/**
 * What a 合计/总分 row totals: the table's single root (a section table of one level-1), the
 * report (a table of several level-1 roots), or — for a table whose roots are level-2 — their parent.
 * A 小计 totals the one indicator above it. `undefined` when it cannot be told (a 小计 of several).
 */
export function totalRowSubject(table: IndicatorTable, row: TotalRow): string | undefined {
  if (row.scope) {
    // a 小计 of one indicator stands for that indicator; of several, for no one quantity
    const scoped = totalRowRoots(table, row);
    return scoped.length === 1 ? looseKeyOf(scoped[0].path) : undefined;
  }
  const roots = rootsOf(table);
  if (roots.length === 0) return undefined;
  if (roots.length === 1) return looseKeyOf(roots[0].path);
  if (roots.every((root) => root.level === 1)) return row.label.text.includes('小计') ? undefined : '';
  const parents = new Set(roots.map((root) => root.parent));
  return parents.size === 1 ? looseKeyOf(roots[0].path.slice(0, -1)) : undefined;
}

/** Loose key of a prose claim's subject ('' = report), undefined when unknown. */
export function claimSubjectKey(index: ModelIndex, subject: ReportModel['claims'][number]['subject']): string | undefined {
  if (subject.kind === 'report') return '';
  if (subject.key) return looseKeyOf(subject.key.split('/'));
  const levelOne = levelOneByName(index, subject.name);
  if (levelOne) return levelOne.looseKey;
  const wanted = looseName(subject.name);
  const matches = [...index.indicatorsByLooseKey.keys()].filter((key) => key.split('/').pop() === wanted);
  return matches.length === 1 ? matches[0] : undefined;
}

const FIELDS: readonly QuantityField[] = ['weight', 'deduction', 'score', 'rate'];

const cache = new WeakMap<ReportModel, Statement[]>();

/** Every statement in the report, in document order, except of ambiguous subjects (see ModelIndex.ambiguous). Cached per model. */
export function statementsOf(model: ReportModel, index: ModelIndex): Statement[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: Statement[] = [];
  // ambiguous subjects are left out as they come (a report of many projects has mostly those)
  const kept = (subject: string | undefined): subject is string => subject !== undefined && !isAmbiguous(index, subject);
  for (const table of model.indicatorTables) {
    const label = tableLabel(model, table.tableIndex);
    for (const indicator of table.indicators) {
      const subject = looseKeyOfIndicator(index, indicator);
      if (!kept(subject)) continue;
      for (const field of FIELDS) {
        const literal = indicator[field];
        if (literal) out.push({ literal, subject, field, place: 'indicator', tableIndex: table.tableIndex, where: label });
      }
    }
    for (const row of table.totals) {
      const subject = totalRowSubject(table, row);
      if (!kept(subject)) continue;
      const where = { zh: `${label.zh} ${row.label.text}`, en: `${label.en} ${row.label.text}` };
      for (const literal of row.weights) if (literal) out.push({ literal, subject, field: 'weight', place: 'total', tableIndex: table.tableIndex, where });
      for (const field of ['deduction', 'score', 'rate'] as const) {
        const literal = row[field];
        if (literal) out.push({ literal, subject, field, place: 'total', tableIndex: table.tableIndex, where });
      }
    }
  }
  for (const table of model.summaryTables) {
    const where = tableLabel(model, table.tableIndex);
    const entries = table.total ? [...table.entries.map((entry) => ({ entry, total: false })), { entry: table.total, total: true }] : table.entries.map((entry) => ({ entry, total: false }));
    for (const { entry, total } of entries) {
      const subject = total ? '' : entry.key ? looseKeyOf(entry.key.split('/')) : levelOneByName(index, entry.name.text)?.looseKey;
      if (!kept(subject)) continue;
      for (const field of ['weight', 'score', 'rate'] as const) {
        const literal = entry[field];
        if (literal) out.push({ literal, subject, field, place: 'summary', tableIndex: table.tableIndex, where });
      }
    }
  }
  for (const claim of model.claims) {
    if (!claim.literal || claim.field === 'grade') continue;
    const subject = claimSubjectKey(index, claim.subject);
    if (!kept(subject)) continue;
    out.push({ literal: claim.literal, subject, field: claim.field, place: 'claim', where: { zh: '正文', en: 'text' } });
  }
  out.sort((a, b) => a.literal.range.start - b.literal.range.start);
  cache.set(model, out);
  return out;
}

/** Lookups over one statement list, built on first use (rules and every cascade query the same list many times). */
interface StatementLookup {
  byQuantity: Map<string, Statement[]>;
  byRange: Map<string, Statement>;
}

const lookups = new WeakMap<readonly Statement[], StatementLookup>();

function lookupOf(statements: readonly Statement[]): StatementLookup {
  let lookup = lookups.get(statements);
  if (lookup) return lookup;
  lookup = { byQuantity: new Map(), byRange: new Map() };
  for (const statement of statements) {
    const key = `${statement.field}\u0000${statement.subject}`;
    const list = lookup.byQuantity.get(key);
    if (list) list.push(statement);
    else lookup.byQuantity.set(key, [statement]);
    const at = `${statement.literal.range.start}:${statement.literal.range.end}`;
    if (!lookup.byRange.has(at)) lookup.byRange.set(at, statement);
  }
  lookups.set(statements, lookup);
  return lookup;
}

/** The statements of one quantity, in document order. */
export function statementsFor(statements: readonly Statement[], subject: string, field: QuantityField): readonly Statement[] {
  return lookupOf(statements).byQuantity.get(`${field}\u0000${subject}`) ?? [];
}

export function statementAt(statements: readonly Statement[], literal: NumberLiteral): Statement | undefined {
  return lookupOf(statements).byRange.get(`${literal.range.start}:${literal.range.end}`);
}
