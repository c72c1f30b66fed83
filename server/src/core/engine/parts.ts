/**
 * A report that scores several projects, one section each (services/projects.ts), is checked
 * project by project: each project section becomes a model of its own — its indicator, summary,
 * 自评 and survey tables, its claims, formulas, dates and amounts — and what lies outside every
 * project section is one more part. Within a part the rules compare, pair and cascade as they do
 * in a report of one project: a project's "总分 84.25 分，绩效评级为“优”" is judged against its own
 * table, its "本项目共计 100 万元" against its own amounts.
 *
 * An annex score table after the projects joins the project its caption names ("附件 2：子项目二评分表").
 * What the report states once for all projects is shared by every part: the text, headings and
 * paragraphs, the table grid list (table indexes stay valid), grade bands, annexes, directives,
 * and 文号 citations (one document, wherever it is cited). A finding on a shared place comes from
 * several parts alike; the run keeps one per rule and range (run.ts).
 */
import type { ModelIndex } from './modelIndex';
import type { IndicatorTable, Range, ReportModel } from '../model/types';
import { projectSections, type ProjectSections } from '../services/projects';

/** The key of the part an offset falls in: its project section, or -1 outside them all. */
function partOf(sections: ProjectSections, offset: number): number {
  return sections.sectionOf(offset) ?? -1;
}

/** Puts each item into the part its offset falls in (made on first use), or outside every project, into the project `owner` names. */
function split<T>(items: readonly T[], offsetOf: (item: T) => number, sections: ProjectSections, into: Map<number, ReportModel>, field: PartitionedField, empty: () => ReportModel, owner?: (item: T) => number | undefined): void {
  for (const item of items) {
    let key = partOf(sections, offsetOf(item));
    if (key < 0) key = owner?.(item) ?? key;
    let part = into.get(key);
    if (!part) {
      part = empty();
      into.set(key, part);
    }
    (part[field] as T[]).push(item);
  }
}

type PartitionedField = 'indicatorTables' | 'summaryTables' | 'selfEvalTables' | 'surveys' | 'claims' | 'countClaims' | 'formulas' | 'partsClaims' | 'facts' | 'annexReferences' | 'indicatorRules';

/** A model to run the rules on, and for a project, the extent of its section. */
export interface ModelPart {
  model: ReportModel;
  /** The project section's text (undefined for the rest of the report). */
  extent?: Range;
}

/** A part with its model index. */
export interface IndexedPart extends ModelPart {
  index: ModelIndex;
}

/**
 * What a place of the report is read against: inside a project section, that project's part (so
 * that a hover on 项目二's 产出 shows 项目二's table); elsewhere, or in a report of one project, the
 * whole report.
 */
export function partAt<T extends { model: ReportModel; index: ModelIndex; parts?: IndexedPart[] }>(result: T, offset: number): T {
  const part = result.parts?.find((candidate) => candidate.extent && candidate.extent.start <= offset && offset < candidate.extent.end);
  return part ? { ...result, model: part.model, index: part.index } : result;
}

/** The parts to run the rules on: one per project section and one for the rest; undefined for a report of one project. */
export function modelParts(model: ReportModel, index: ModelIndex): ModelPart[] | undefined {
  const sections = projectSections(model, index);
  if (!sections) return undefined;
  const tableStart = (tableIndex: number) => model.tables[tableIndex]?.range.start ?? 0;
  const sharedFacts = model.facts.filter((fact) => fact.kind === 'docNumber');
  const empty = (): ReportModel => ({
    ...model,
    indicatorTables: [], summaryTables: [], selfEvalTables: [], surveys: [],
    claims: [], countClaims: [], formulas: [], partsClaims: [], facts: [...sharedFacts], annexReferences: [], indicatorRules: [],
  });
  const parts = new Map<number, ReportModel>();
  // an annex 评分表 after the projects joins the project its caption or headings name
  const annexOwner = (table: IndicatorTable) => {
    const grid = model.tables[table.tableIndex];
    return table.annex && grid ? sections.citedBy([grid.caption?.text ?? '', ...grid.headingPath].join('\n')) : undefined;
  };
  split(model.indicatorTables, (table) => tableStart(table.tableIndex), sections, parts, 'indicatorTables', empty, annexOwner);
  split(model.summaryTables, (table) => tableStart(table.tableIndex), sections, parts, 'summaryTables', empty);
  split(model.selfEvalTables, (table) => tableStart(table.tableIndex), sections, parts, 'selfEvalTables', empty);
  split(model.surveys, (survey) => tableStart(survey.tableIndex), sections, parts, 'surveys', empty);
  split(model.claims, (claim) => claim.sentence.range.start, sections, parts, 'claims', empty);
  split(model.countClaims, (claim) => claim.sentence.range.start, sections, parts, 'countClaims', empty);
  split(model.formulas, (formula) => formula.expression.range.start, sections, parts, 'formulas', empty);
  split(model.partsClaims, (claim) => claim.sentence.range.start, sections, parts, 'partsClaims', empty);
  split(model.facts.filter((fact) => fact.kind !== 'docNumber'), (fact) => fact.span.range.start, sections, parts, 'facts', empty);
  split(model.annexReferences, (reference) => reference.span.range.start, sections, parts, 'annexReferences', empty);
  split(model.indicatorRules, (rule) => rule.rule.text.range.start, sections, parts, 'indicatorRules', empty);
  // the rest (key -1) always runs: it holds what no project owns, and the shared places
  if (!parts.has(-1)) parts.set(-1, empty());
  return [...parts.entries()].sort(([a], [b]) => a - b).map(([key, part]) => ({ model: part, extent: key < 0 ? undefined : { start: key, end: sections.endOf(key) } }));
}
