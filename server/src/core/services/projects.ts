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
  /** The project sections, in document order. */
  readonly projects: readonly number[];
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

function findProjectSections(model: ReportModel, index: ModelIndex): ProjectSections | undefined {
  const ambiguous = new Set([...index.ambiguous].filter((key) => key !== ''));
  if (ambiguous.size === 0) return undefined;
  const tables = scoredTables(model);
  for (let depth = 1; depth <= 6; depth++) {
    const starts = boundaries(model, depth);
    const projects = projectsAt(starts, tables, ambiguous);
    if (!projects) continue;
    return {
      projects: [...projects].sort((a, b) => a - b),
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
