/**
 * Rule findings of a project part (parts.ts), kept while the project is unchanged. A keystroke in
 * one project of a report of two hundred then re-runs the rules on that project only.
 *
 * A part's findings depend on what it holds — its tables, claims, facts… — and on what it shares
 * with the report (grade bands, annexes, 文号 citations), all of them objects that an incremental
 * build keeps exactly while their source is unchanged (parse/placed.ts), moving them in place when
 * text before them changes. So a part is unchanged when it holds the same objects, its section has
 * the same length and the configuration is the same; its findings are then the ones computed last
 * time, moved by as much as the section moved. Findings that reach outside the section are not
 * kept (they could not be moved with it), nor are those of rules that read the report's prose
 * (`Rule.readsProse`).
 */
import type { NumberLiteral, Range, ReportModel } from '../model/types';
import type { IndexedPart, ModelPart } from './parts';
import type { Rule, RuleContext, RuleFinding } from './types';

/**
 * What a part's findings are computed from, in a fixed order: the objects it owns, and the content
 * of what it shares with the report — by content, as typing in the sentence that states the grade
 * bands makes new band objects that say the same.
 */
function inputsOf(part: ReportModel, sharedKey: string): unknown[] {
  // the grids named in messages ("表 3-4") by their captions
  const tables = [...part.indicatorTables, ...part.summaryTables, ...part.selfEvalTables, ...part.surveys].map((table) => part.tables[table.tableIndex]);
  return [
    ...part.indicatorTables, ...part.summaryTables, ...part.selfEvalTables, ...part.surveys,
    ...tables, ...tables.map((table) => table?.caption?.text),
    ...part.claims, ...part.countClaims, ...part.formulas, ...part.partsClaims, ...part.facts.filter((fact) => fact.kind !== 'docNumber'), ...part.annexReferences, ...part.indicatorRules,
    sharedKey,
  ];
}

/** The content of what every part shares: grade bands, annexes, 文号 citations. */
function sharedKeyOf(model: ReportModel): string {
  const literal = (value: NumberLiteral | undefined) => value?.text ?? '';
  return JSON.stringify([
    model.gradeScales.map((scale) => [scale.source, scale.bands.map((band) => [band.label.text, literal(band.low), band.lowInclusive, literal(band.high), band.highInclusive])]),
    model.annexes.map((annex) => [annex.number, annex.title.text, annex.topic]),
    model.facts.filter((fact) => fact.kind === 'docNumber').map((fact) => [fact.topic, fact.normalized, fact.span.text, fact.title]),
  ]);
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Kept {
  inputs: unknown[];
  configKey: string;
  start: number;
  length: number;
  /** By rule id; a rule missing here is run again. */
  findings: Map<string, RuleFinding[]>;
}

/** By the part's first indicator table, an object that lives as long as that table's content. */
const kept = new WeakMap<object, Kept>();

function within(range: Range, extent: Range): boolean {
  return range.start >= extent.start && range.end <= extent.end;
}

/** Does every place the finding names lie in the section (so that it moves with it)? */
function inside(finding: RuleFinding, extent: Range): boolean {
  return within(finding.range, extent) && finding.related.every((place) => within(place.range, extent)) && finding.fixes.every((fix) => fix.edits.every((edit) => within(edit.range, extent)));
}

function moved(range: Range, delta: number): Range {
  return { start: range.start + delta, end: range.end + delta };
}

function moveFinding(finding: RuleFinding, delta: number): RuleFinding {
  return {
    ...finding,
    range: moved(finding.range, delta),
    related: finding.related.map((place) => ({ ...place, range: moved(place.range, delta) })),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: moved(edit.range, delta) })) })),
  };
}

/** Runs rules over the parts of a report, reusing the findings of unchanged projects. */
export class PartFindings {
  private readonly configKey: string;
  /** Computed on first use: the parts share it. */
  private sharedKey: string | undefined;

  constructor(private readonly context: Omit<RuleContext, 'model' | 'index'>) {
    this.configKey = JSON.stringify(context.config);
  }

  /** The rule's findings on the part: kept ones, moved, when the part is unchanged. Throws what the rule throws. */
  check(rule: Rule, part: IndexedPart): RuleFinding[] {
    const entry = this.entryFor(part);
    if (!entry || rule.readsProse) return rule.check({ ...this.context, model: part.model, index: part.index });
    const known = entry.findings.get(rule.id);
    const delta = part.extent!.start - entry.start;
    if (known) return delta === 0 ? known : known.map((finding) => moveFinding(finding, delta));
    const findings = rule.check({ ...this.context, model: part.model, index: part.index });
    // Kept as copies, in the coordinates of the entry's start where the other rules' are kept: a
    // finding may hold the very range object of a literal, which the next build moves in place.
    if (findings.every((finding) => inside(finding, part.extent!))) entry.findings.set(rule.id, findings.map((finding) => moveFinding(finding, -delta)));
    return findings;
  }

  private readonly entries = new Map<ModelPart, Kept | undefined>();

  /** The part's entry, made afresh when anything it depends on changed; undefined for the rest of the report. */
  private entryFor(part: ModelPart): Kept | undefined {
    if (this.entries.has(part)) return this.entries.get(part);
    const first = part.model.indicatorTables[0];
    let entry: Kept | undefined;
    if (part.extent && first) {
      this.sharedKey ??= sharedKeyOf(part.model);
      const inputs = inputsOf(part.model, this.sharedKey);
      const length = part.extent.end - part.extent.start;
      entry = kept.get(first);
      if (!entry || entry.configKey !== this.configKey || entry.length !== length || !sameInputs(entry.inputs, inputs)) {
        entry = { inputs, configKey: this.configKey, start: part.extent.start, length, findings: new Map() };
        kept.set(first, entry);
      }
    }
    this.entries.set(part, entry);
    return entry;
  }
}
