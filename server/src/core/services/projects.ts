/**
 * Project sections: a report that evaluates several projects gives each a section of its own with
 * its own indicator tree ("## 项目2：…" holding tables for 项目决策, 项目过程…), its own total and
 * grade, and sentences such as "本项目共计 12 万元". Figures stated for "the project" then belong to
 * their section, and a rule that pairs a grade with a total or compares repeated amounts must not
 * reach across sections.
 *
 * The sections are found from the scored tables: the index marks a level-1 indicator scored in
 * several section tables as ambiguous (modelIndex.ts). The project level is the shallowest heading
 * depth whose sections each hold a whole tree — one scored table of every ambiguous indicator —
 * or none; a section holding one is a project section. A report of one project has none.
 */
import type { ReportModel } from '../model/types';
import type { ModelIndex } from '../engine/modelIndex';
import { looseName } from '../text/normalize';

export interface ProjectSections {
  /** The project section holding `offset` (its heading's offset), or undefined outside them all. */
  sectionOf(offset: number): number | undefined;
  /** Where a section (as `sectionOf` names it) ends: the next heading of its depth or above, else the end of the text. */
  endOf(section: number): number;
  /** The project section `text` names ("附件 2：子项目二评分表" → 子项目二's), when it names exactly one. */
  citedBy(text: string): number | undefined;
}

interface ScoredTable {
  start: number;
  roots: Set<string>;
}

function scoredTables(model: ReportModel): ScoredTable[] {
  return model.indicatorTables
    .filter((table) => !table.annex)
    .map((table) => ({
      start: model.tables[table.tableIndex].range.start,
      roots: new Set(table.indicators.filter((indicator) => indicator.score).map((indicator) => looseName(indicator.path[0] ?? ''))),
    }))
    .filter((table) => table.roots.size > 0);
}

/** Offsets of the headings of depth ≤ `depth`: each starts a section at that depth. */
function boundaries(model: ReportModel, depth: number): number[] {
  return model.headings.filter((heading) => heading.depth <= depth).map((heading) => heading.range.start);
}

/** How many of `starts` (sorted) are at or before `offset`. */
function countUpTo(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The start of the section holding `offset` (the last boundary at or before it), -1 before the first. */
function sectionStart(starts: readonly number[], offset: number): number {
  const count = countUpTo(starts, offset);
  return count === 0 ? -1 : starts[count - 1];
}

/**
 * The project sections when the sections starting at `starts` are projects: each section holding a
 * scored table holds exactly one scored table of every ambiguous indicator — a whole tree of its
 * own. (A report of one project whose 产出 table is split in two under 1.产出数量 and 2.产出质量 has
 * sections holding 产出 alone and others without it: no projects.)
 */
function projectsAt(starts: readonly number[], tables: readonly ScoredTable[], ambiguous: ReadonlySet<string>): Set<number> | undefined {
  const rootsBySection = new Map<number, Set<string>>();
  for (const table of tables) {
    const section = sectionStart(starts, table.start);
    if (section < 0) return undefined;
    let roots = rootsBySection.get(section);
    if (!roots) rootsBySection.set(section, (roots = new Set()));
    for (const root of table.roots) {
      if (!ambiguous.has(root)) continue;
      if (roots.has(root)) return undefined;
      roots.add(root);
    }
  }
  for (const roots of rootsBySection.values()) if (roots.size !== ambiguous.size) return undefined;
  return new Set(rootsBySection.keys());
}

const NUMERALS = /[0-9０-９一二三四五六七八九十]/u;

/** The names a project's heading gives it ("三、子项目一：高标准农田灌溉设施改造" → 子项目一, 高标准农田灌溉设施改造). */
function headingNames(heading: string): string[] {
  const title = heading.replace(/^\s*(?:[（(]?[0-9一二三四五六七八九十]+[）)、.．]\s*)+/u, '');
  return title.split(/[：:—\-－\s（）()]+/u).filter((name) => name.length >= 3);
}

/** Each project's heading names that no other project's heading has ("专项资金绩效评价" in every one names none). */
function ownNames(model: ReportModel, projects: ReadonlySet<number>): { start: number; names: string[] }[] {
  const all = [...projects].map((start) => ({ start, names: headingNames(model.headings.find((heading) => heading.range.start === start)?.text ?? '') }));
  const count = new Map<string, number>();
  for (const project of all) for (const name of new Set(project.names)) count.set(name, (count.get(name) ?? 0) + 1);
  return all.map((project) => ({ start: project.start, names: project.names.filter((name) => count.get(name) === 1) }));
}

/** Does `text` cite `name`, not a longer numbered name ("项目1" is not cited by "项目11")? */
function cites(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!NUMERALS.test(name[name.length - 1]) || !NUMERALS.test(text[at + name.length] ?? '')) return true;
  }
  return false;
}

function findProjectSections(model: ReportModel, index: ModelIndex): ProjectSections | undefined {
  const ambiguous = new Set([...index.ambiguous].filter((key) => key !== ''));
  if (ambiguous.size === 0) return undefined;
  const tables = scoredTables(model);
  for (let depth = 1; depth <= 6; depth++) {
    const starts = boundaries(model, depth);
    const projects = projectsAt(starts, tables, ambiguous);
    if (!projects) continue;
    const names = ownNames(model, projects);
    return {
      citedBy(text) {
        const cited = names.filter((project) => project.names.some((name) => cites(text, name)));
        return cited.length === 1 ? cited[0].start : undefined;
      },
      sectionOf(offset) {
        const section = sectionStart(starts, offset);
        return projects.has(section) ? section : undefined;
      },
      endOf(section) {
        return starts[countUpTo(starts, section)] ?? model.text.length;
      },
    };
  }
  return undefined;
}

/** Per model (a new one each build): two rules ask. */
const known = new WeakMap<ReportModel, ProjectSections | null>();

/** The project sections of a report that scores several projects; undefined for one project (or when no heading level separates them). */
export function projectSections(model: ReportModel, index: ModelIndex): ProjectSections | undefined {
  let sections = known.get(model);
  if (sections === undefined) {
    sections = findProjectSections(model, index) ?? null;
    known.set(model, sections);
  }
  return sections ?? undefined;
}
