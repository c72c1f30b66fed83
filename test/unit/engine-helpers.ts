/**
 * Hand-built report models for engine tests that must not depend on the parser.
 */
import type { NumberLiteral, ReportModel } from '../../server/src/core/model/types';
import { scanNumbers } from '../../server/src/core/text/numbers';

export function emptyModel(text: string, extra: Partial<ReportModel> = {}): ReportModel {
  return {
    text,
    headings: [],
    paragraphs: [],
    tables: [],
    indicatorTables: [],
    summaryTables: [],
    gradeScales: [],
    surveys: [],
    selfEvalTables: [],
    claims: [],
    countClaims: [],
    formulas: [],
    partsClaims: [],
    facts: [],
    annexes: [],
    annexReferences: [],
    indicatorRules: [],
    directives: [],
    notices: [],
    ...extra,
  };
}

/** The `occurrence`-th number literal whose text is `literal` (0-based). */
export function literalAt(text: string, literal: string, occurrence = 0): NumberLiteral {
  const found = scanNumbers(text).filter((candidate) => candidate.text === literal);
  const hit = found[occurrence];
  if (!hit) throw new Error(`literal ${literal} #${occurrence} not found`);
  return hit;
}

/** Range of the `occurrence`-th occurrence of `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} #${occurrence} not found`);
  }
  return { start: at, end: at + needle.length };
}
