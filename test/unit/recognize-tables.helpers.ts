/**
 * Shared assertions for the parser/recognizer tests: every number literal and every span in a
 * model must be exactly the document text at its range.
 */
import { expect } from 'vitest';
import type { ReportModel } from '../../server/src/core/model/types';

/** Walk the model and return every object that is a NumberLiteral (has text, value and range). */
export function literalsOf(value: unknown, out: { text: string; range: { start: number; end: number } }[] = [], seen = new Set<unknown>()): typeof out {
  if (!value || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  const v = value as Record<string, unknown>;
  if (typeof v.text === 'string' && v.range && v.value !== undefined && typeof v.decimals === 'number') out.push(v as (typeof out)[number]);
  for (const [key, child] of Object.entries(v)) if (key !== 'value') literalsOf(child, out, seen);
  return out;
}

export function expectLiteralsExact(model: ReportModel): void {
  const literals = literalsOf({ ...model, text: undefined });
  const wrong = literals.filter((l) => model.text.slice(l.range.start, l.range.end) !== l.text).map((l) => l.text);
  expect(wrong).toEqual([]);
}

/** The document text at a range. */
export function at(model: ReportModel, range: { start: number; end: number }): string {
  return model.text.slice(range.start, range.end);
}
