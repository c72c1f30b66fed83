/**
 * What sits at an offset of the document, as far as the model recognised it: a number of an
 * indicator table, a total row, a summary table, a prose claim, a grade word, a formula result
 * or an indicator name. Hover (and anything else that explains a place) starts here.
 */
import type {
  Claim, Formula, GradeBand, GradeScale, Indicator, IndicatorLevel, IndicatorTable, NumberLiteral, Range, ReportModel,
  SummaryEntry, SummaryTable, TotalRow,
} from '../model/types';
import { contains, weightLiterals } from './derive';

export type IndicatorField = 'weight' | 'deduction' | 'score' | 'rate';

export type Located =
  | { kind: 'indicatorNumber'; table: IndicatorTable; indicator: Indicator; field: IndicatorField; literal: NumberLiteral }
  | { kind: 'totalNumber'; table: IndicatorTable; row: TotalRow; field: IndicatorField; level?: IndicatorLevel; literal: NumberLiteral }
  | { kind: 'indicatorName'; key: string; range: Range }
  | { kind: 'summaryNumber'; table: SummaryTable; entry: SummaryEntry; isTotal: boolean; field: 'weight' | 'score' | 'rate'; literal: NumberLiteral }
  | { kind: 'claim'; claim: Claim; range: Range }
  | { kind: 'gradeBand'; scale: GradeScale; band: GradeBand }
  | { kind: 'formula'; formula: Formula };

const FIELDS: readonly ('deduction' | 'score' | 'rate')[] = ['deduction', 'score', 'rate'];

/** The most specific recognised thing at `offset`, or undefined. */
export function locate(model: ReportModel, offset: number): Located | undefined {
  return inIndicatorTables(model, offset) ?? inSummaryTables(model, offset) ?? inProse(model, offset);
}

function inIndicatorTables(model: ReportModel, offset: number): Located | undefined {
  for (const table of model.indicatorTables) {
    for (const indicator of table.indicators) {
      if (contains(indicator.nameRange, offset)) return { kind: 'indicatorName', key: indicator.key, range: indicator.nameRange };
      const weight = weightLiterals(indicator).find((literal) => contains(literal.range, offset));
      if (weight) return { kind: 'indicatorNumber', table, indicator, field: 'weight', literal: weight };
      for (const field of FIELDS) {
        const literal = indicator[field];
        if (literal && contains(literal.range, offset)) return { kind: 'indicatorNumber', table, indicator, field, literal };
      }
    }
    for (const row of table.totals) {
      const levelIndex = row.weights.findIndex((literal) => literal !== undefined && contains(literal.range, offset));
      const weight = row.weights[levelIndex];
      if (weight) return { kind: 'totalNumber', table, row, field: 'weight', level: (levelIndex + 1) as IndicatorLevel, literal: weight };
      for (const field of FIELDS) {
        const literal = row[field];
        if (literal && contains(literal.range, offset)) return { kind: 'totalNumber', table, row, field, literal };
      }
    }
  }
  return undefined;
}

function inSummaryTables(model: ReportModel, offset: number): Located | undefined {
  for (const table of model.summaryTables) {
    const entries = table.total ? [...table.entries, table.total] : table.entries;
    for (const entry of entries) {
      if (entry.key && contains(entry.name.range, offset)) return { kind: 'indicatorName', key: entry.key, range: entry.name.range };
      for (const field of ['weight', 'score', 'rate'] as const) {
        const literal = entry[field];
        if (literal && contains(literal.range, offset)) return { kind: 'summaryNumber', table, entry, isTotal: entry === table.total, field, literal };
      }
    }
  }
  return undefined;
}

function inProse(model: ReportModel, offset: number): Located | undefined {
  for (const claim of model.claims) {
    if (claim.literal && contains(claim.literal.range, offset)) return { kind: 'claim', claim, range: claim.literal.range };
    if (claim.label && contains(claim.label.range, offset)) return { kind: 'claim', claim, range: claim.label.range };
  }
  for (const claim of model.claims) {
    const subject = claim.subject;
    if (subject.kind === 'indicator' && subject.key && subject.range && contains(subject.range, offset)) {
      return { kind: 'indicatorName', key: subject.key, range: subject.range };
    }
  }
  for (const scale of model.gradeScales) {
    const band = scale.bands.find((item) => contains(item.label.range, offset));
    if (band) return { kind: 'gradeBand', scale, band };
  }
  const formula = model.formulas.find((item) => contains(item.result.range, offset));
  return formula ? { kind: 'formula', formula } : undefined;
}

/** The range a located thing covers (what the hover highlights). */
export function rangeOfLocated(located: Located): Range {
  switch (located.kind) {
    case 'indicatorNumber':
    case 'totalNumber':
    case 'summaryNumber':
      return located.literal.range;
    case 'indicatorName':
    case 'claim':
      return located.range;
    case 'gradeBand':
      return located.band.label.range;
    case 'formula':
      return located.formula.result.range;
  }
}
