/**
 * Lookups over a report model, built once per check so that rules never rescan the text and
 * never reinvent indicator identity.
 *
 * Identity across places: one indicator is written "项目决策" in 表 3-1, "决策" in the 表 1
 * framework and the 得分表, "项目产出" in prose. `key` matches exact normalised paths; the
 * *loose key* (every path segment through `looseName`) matches these variants. Every rule that
 * compares places goes through `occurrencesOf` / `levelOne` here.
 */
import type Decimal from 'decimal.js';
import type { Indicator, IndicatorTable, NumberLiteral, ReportModel, SummaryEntry, SummaryTable } from '../model/types';
import { perTable } from '../model/perTable';
import { looseName } from '../text/normalize';
import { Dec } from '../text/numbers';

/** A level-1 indicator of the report with every place it is written. */
export interface LevelOneIndicator {
  looseKey: string;
  /** The occurrence with the most detail in a section table (annex only when nothing else). */
  primary: Indicator;
  /** Every table occurrence, in document order. */
  occurrences: Indicator[];
  /** Summary-table entries standing for it. */
  summary: { table: SummaryTable; entry: SummaryEntry }[];
}

export interface ModelIndex {
  /** Every occurrence of an indicator key, in document order (section tables, annex, …). */
  indicatorsByKey: Map<string, Indicator[]>;
  /** Level-1 keys in table order. */
  levelOneKeys: string[];
  /** Every occurrence of an indicator by loose key (see `looseKeyOf`), in document order. */
  indicatorsByLooseKey: Map<string, Indicator[]>;
  /** Indicator tables by table index. */
  tablesByIndex: Map<number, IndicatorTable>;
  /** Level-1 indicators in report order, merged across tables. */
  levelOne: LevelOneIndicator[];
  /**
   * Level-1 loose keys scored in more than one section table, or in more than one annex table (a
   * document holding several projects, each with its own 项目决策 table): which copy goes with which
   * is unknown, so rules do not compare or cascade across their tables. Contains '' (the report)
   * when any key is listed.
   */
  ambiguous: Set<string>;
  /** Children of every indicator within its own table, in the order the parent lists them (built once per check). */
  childrenByIndicator: Map<Indicator, Indicator[]>;
  /** Loose key of every indicator (see `looseKeyOf`), computed once per check. */
  looseKeys: Map<Indicator, string>;
  /** The deepest written 扣分/得分 terms below an indicator (see `termsBelow`), memoised per check. */
  terms: Map<Indicator, Partial<Record<'deduction' | 'score', NumberLiteral[]>>>;
}

/** Loose identity of an indicator path: "项目决策/项目立项" and "决策/立项" meet here. */
export function looseKeyOf(path: readonly string[]): string {
  return path.map(looseName).join('/');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Depth of the subtree under an indicator within its table (a leaf is 0). */
function detail(table: IndicatorTable, indicator: Indicator): number {
  return table.annex ? -1 : table.depth - indicator.level + (indicator.score ? 1 : 0);
}

/** What the index needs of a table that depends on the table alone: each indicator's loose key and children. */
interface TableLocal {
  looseKeys: string[];
  children: Indicator[][];
}

/** Memoised per table (model/perTable.ts): a keystroke elsewhere does not recompute (nor re-hash) its keys. */
const tableLocal = perTable((table): TableLocal => {
  const byKey = new Map<string, Indicator>();
  for (const indicator of table.indicators) if (!byKey.has(indicator.key)) byKey.set(indicator.key, indicator);
  return {
    looseKeys: table.indicators.map((indicator) => looseKeyOf(indicator.path)),
    children: table.indicators.map((indicator) => indicator.children.map((key) => byKey.get(key)).filter((child): child is Indicator => child !== undefined)),
  };
});

/**
 * The indexes last built and the tables each was built from. The index depends on the indicator
 * and summary tables alone; an incremental build keeps the objects of unchanged tables, so while
 * typing in prose every table is the same object at the same index and the index is reused. Kept
 * by the first indicator table: a report of several projects indexes each project's part too
 * (parts.ts), and the whole report and its first part start with the same table.
 */
interface Built {
  indicatorTables: IndicatorTable[];
  tableIndexes: number[];
  summaryTables: SummaryTable[];
  index: ModelIndex;
}

const lastBuilt = new WeakMap<IndicatorTable, Built[]>();
/** For a model without indicator tables. */
let lastBuiltWithout: Built | undefined;

function sameTables(built: Built, model: ReportModel): boolean {
  const { indicatorTables, tableIndexes, summaryTables } = built;
  if (indicatorTables.length !== model.indicatorTables.length || summaryTables.length !== model.summaryTables.length) return false;
  for (let i = 0; i < indicatorTables.length; i++) if (indicatorTables[i] !== model.indicatorTables[i] || tableIndexes[i] !== model.indicatorTables[i].tableIndex) return false;
  for (let i = 0; i < summaryTables.length; i++) if (summaryTables[i] !== model.summaryTables[i]) return false;
  return true;
}

export function buildModelIndex(model: ReportModel): ModelIndex {
  const first = model.indicatorTables[0];
  const candidates = first ? (lastBuilt.get(first) ?? []) : lastBuiltWithout ? [lastBuiltWithout] : [];
  // a new object every check (memos keyed by the index, e.g. in the cascade, may read more than tables); the lookups inside are shared
  const reusable = candidates.find((built) => sameTables(built, model));
  if (reusable) return { ...reusable.index };
  const index = indexTables(model);
  const built: Built = { indicatorTables: [...model.indicatorTables], tableIndexes: model.indicatorTables.map((table) => table.tableIndex), summaryTables: [...model.summaryTables], index };
  if (!first) lastBuiltWithout = built;
  // at most the whole report and its first part start with one table
  else lastBuilt.set(first, [built, ...candidates].slice(0, 2));
  return index;
}

function indexTables(model: ReportModel): ModelIndex {
  const indicatorsByKey = new Map<string, Indicator[]>();
  const indicatorsByLooseKey = new Map<string, Indicator[]>();
  const tablesByIndex = new Map<number, IndicatorTable>();
  const levelOneKeys: string[] = [];
  const levelOneByLoose = new Map<string, LevelOneIndicator>();
  const childrenByIndicator = new Map<Indicator, Indicator[]>();
  const looseKeys = new Map<Indicator, string>();
  for (const table of model.indicatorTables) {
    tablesByIndex.set(table.tableIndex, table);
    const local = tableLocal(table);
    table.indicators.forEach((indicator, i) => {
      const looseKey = local.looseKeys[i];
      looseKeys.set(indicator, looseKey);
      childrenByIndicator.set(indicator, local.children[i]);
      push(indicatorsByKey, indicator.key, indicator);
      push(indicatorsByLooseKey, looseKey, indicator);
      if (indicator.level !== 1) return;
      if (!levelOneKeys.includes(indicator.key)) levelOneKeys.push(indicator.key);
      const entry = levelOneByLoose.get(looseKey);
      if (!entry) {
        levelOneByLoose.set(looseKey, { looseKey, primary: indicator, occurrences: [indicator], summary: [] });
        return;
      }
      entry.occurrences.push(indicator);
      const current = tablesByIndex.get(entry.primary.tableIndex);
      if (current && detail(table, indicator) > detail(current, entry.primary)) entry.primary = indicator;
    });
  }
  for (const table of model.summaryTables) {
    for (const entry of table.entries) {
      const looseKey = entry.key ? looseKeyOf(entry.key.split('/')) : looseName(entry.name.text);
      levelOneByLoose.get(looseKey)?.summary.push({ table, entry });
    }
  }
  return {
    indicatorsByKey,
    levelOneKeys,
    indicatorsByLooseKey,
    tablesByIndex,
    levelOne: [...levelOneByLoose.values()],
    ambiguous: ambiguousKeys(model),
    childrenByIndicator,
    looseKeys,
    terms: new Map(),
  };
}

function ambiguousKeys(model: ReportModel): Set<string> {
  // section tables and annex tables apart: one annex 评分表 restates the section tables, several restate several projects;
  // a table of level-1 rows only (a 得分汇总表 with 扣分) restates totals, it scores no tree of its own
  const scoredTables = new Map<string, number>();
  for (const table of model.indicatorTables) {
    const roots = new Set(table.indicators.filter((indicator) => indicator.score && indicator.level > 1).map((indicator) => looseName(indicator.path[0] ?? '')));
    for (const root of roots) {
      const key = `${table.annex ? 'annex' : 'section'}\u0000${root}`;
      scoredTables.set(key, (scoredTables.get(key) ?? 0) + 1);
    }
  }
  const ambiguous = new Set([...scoredTables].filter(([, count]) => count > 1).map(([key]) => key.slice(key.indexOf('\u0000') + 1)));
  if (ambiguous.size > 0) ambiguous.add('');
  return ambiguous;
}

/** The first segment of a key path ("项目决策/项目立项" → "项目决策"), without splitting the whole path. */
function firstSegment(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}

/** Is the subject (a loose key, '' = report) one whose places cannot be matched up? */
export function isAmbiguous(index: ModelIndex, subject: string): boolean {
  return index.ambiguous.has(firstSegment(subject));
}

/** The 分值 of an indicator: written once, or the sum of its per-row parts. */
export function weightOf(indicator: Indicator): NumberLiteral | undefined {
  return indicator.weight ?? indicator.weightParts[0];
}

/** The 分值 as a value: the written weight, else the sum of the per-row parts. */
export function weightValue(indicator: Indicator): Decimal | undefined {
  if (indicator.weight) return indicator.weight.value;
  if (indicator.weightParts.length === 0) return undefined;
  return indicator.weightParts.reduce((sum, part) => sum.plus(part.value), new Dec(0));
}

/**
 * A leaf written over several rows with a 分值 per row (附件1's "实际完成率 | 5" / "| 5" with the
 * 四级 names in another column): the model keeps only its first row's 扣分/得分, so its scores
 * cannot be summed or compared. Rules skip score checks that involve such a row.
 */
export function hasPartialScores(indicator: Indicator): boolean {
  return indicator.children.length === 0 && indicator.weightParts.length > 1;
}

/** The loose key of an indicator of the model (computed once per check). */
export function looseKeyOfIndicator(index: ModelIndex, indicator: Indicator): string {
  return index.looseKeys.get(indicator) ?? looseKeyOf(indicator.path);
}

/** Every place the same indicator is written (itself included), by loose identity. */
export function occurrencesOf(index: ModelIndex, indicator: Indicator): Indicator[] {
  return index.indicatorsByLooseKey.get(looseKeyOfIndicator(index, indicator)) ?? [indicator];
}

/** The table an indicator was read from. */
export function tableOf(index: ModelIndex, indicator: Indicator): IndicatorTable | undefined {
  return index.tablesByIndex.get(indicator.tableIndex);
}

/** Children of an indicator within its own table, in table order. */
export function childrenOf(index: ModelIndex, indicator: Indicator): Indicator[] {
  return index.childrenByIndicator.get(indicator) ?? [];
}

/**
 * The written values an indicator's `field` adds up from: the deepest written values below it
 * (so a wrong parent does not hide the real sum), or its own value when nothing below is written.
 * Same as services/derive `termsOf`, memoised per check.
 */
/** Σ termsBelow: an indicator's 扣分 or 得分 recomputed from what is written below it; undefined when nothing is. */
export function sumBelow(index: ModelIndex, indicator: Indicator, field: 'deduction' | 'score'): Decimal | undefined {
  const terms = termsBelow(index, indicator, field);
  return terms.length === 0 ? undefined : terms.reduce((acc, term) => acc.plus(term.value), new Dec(0));
}

export function termsBelow(index: ModelIndex, indicator: Indicator, field: 'deduction' | 'score'): NumberLiteral[] {
  let memo = index.terms.get(indicator);
  if (!memo) {
    memo = {};
    index.terms.set(indicator, memo);
  }
  const cached = memo[field];
  if (cached) return cached;
  const below = childrenOf(index, indicator).flatMap((child) => termsBelow(index, child, field));
  const own = indicator[field];
  const terms = below.length > 0 ? below : own ? [own] : [];
  memo[field] = terms;
  return terms;
}

/** Terms of a parent's own sum (its children's deepest written values). Empty for a leaf. */
export function childTermsBelow(index: ModelIndex, indicator: Indicator, field: 'deduction' | 'score'): NumberLiteral[] {
  return childrenOf(index, indicator).flatMap((child) => termsBelow(index, child, field));
}

/** Parent of an indicator within its own table. */
export function parentOf(index: ModelIndex, indicator: Indicator): Indicator | undefined {
  if (!indicator.parent) return undefined;
  return tableOf(index, indicator)?.indicators.find((candidate) => candidate.key === indicator.parent);
}

/** The level-1 indicator a name written in prose or a summary table stands for ("项目产出", "产出"). */
export function levelOneByName(index: ModelIndex, name: string): LevelOneIndicator | undefined {
  const looseKey = looseName(name);
  return index.levelOne.find((entry) => entry.looseKey === looseKey);
}

/** The level-1 indicator an indicator key (any level, any spelling) belongs to. */
export function levelOneOfKey(index: ModelIndex, key: string): LevelOneIndicator | undefined {
  return levelOneByName(index, firstSegment(key));
}

/** Section (non-annex) indicator tables. */
export function sectionTables(model: ReportModel): IndicatorTable[] {
  return model.indicatorTables.filter((table) => !table.annex);
}

/** The same written literal (same source range), e.g. one 得分 reached through two lookups. */
export function sameLiteral(a: NumberLiteral | undefined, b: NumberLiteral | undefined): boolean {
  return a !== undefined && b !== undefined && a.range.start === b.range.start && a.range.end === b.range.end;
}
