/**
 * What must hold for every input, however broken:
 * 1. nothing throws out of the core;
 * 2. every range lies inside the document and every number literal's range slices to its text;
 * 3. every offered fix applies, the result re-checks with no new error, and fix-all is idempotent;
 * 4. the incremental model and findings (block cache warmed on the previous text) equal a fresh build's.
 */
import Decimal from 'decimal.js';
import { checkReport } from '../../server/src/core/engine/check';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { fixAll } from '../../server/src/core/engine/fixAll';
import { buildModel } from '../../server/src/core/model/build';
import { BlockCache } from '../../server/src/core/parse/blocks';
import type { Finding } from '../../server/src/core/engine/types';

export interface Violation {
  invariant: string;
  detail: string;
}

function isRange(value: unknown): value is { start: number; end: number } {
  return typeof value === 'object' && value !== null && typeof (value as { start?: unknown }).start === 'number' && typeof (value as { end?: unknown }).end === 'number';
}

/** Walk the model: every Range inside the text; every NumberLiteral slices to its own text. */
function checkRanges(text: string, node: unknown, where: string, violations: Violation[], seen = new Set<unknown>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node) || Decimal.isDecimal(node)) return;
  seen.add(node);
  if (isRange(node) && !Array.isArray(node)) {
    if (node.start < 0 || node.end > text.length || node.start > node.end) violations.push({ invariant: 'range-inside-document', detail: `${where}: ${node.start}-${node.end} of ${text.length}` });
  }
  const record = node as Record<string, unknown>;
  if (typeof record.text === 'string' && Decimal.isDecimal(record.value) && isRange(record.range) && typeof record.decimals === 'number') {
    const slice = text.slice(record.range.start, record.range.end);
    if (slice !== record.text) violations.push({ invariant: 'literal-range-text', detail: `${where}: range slices to ${JSON.stringify(slice)} but literal is ${JSON.stringify(record.text)}` });
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === 'text' && typeof value === 'string') continue;
    checkRanges(text, value, `${where}.${key}`, violations, seen);
  }
}

function errorCounts(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (finding.severity === 'error') counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (Decimal.isDecimal(v) ? (v as Decimal).toString() : v));
}

export interface CheckOptions {
  /** The text this one was derived from, to test the incremental model. */
  previous?: string;
  /** At most this many fixes are tried per input (each costs a re-check). */
  maxFixes: number;
}

export function checkInvariants(text: string, options: CheckOptions): Violation[] {
  const violations: Violation[] = [];
  let result;
  try {
    result = checkReport(text);
  } catch (error) {
    return [{ invariant: 'no-exception', detail: `checkReport threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}` }];
  }
  checkRanges(text, result.model, 'model', violations);
  for (const finding of result.findings) {
    checkRanges(text, finding.range, `finding ${finding.ruleId}`, violations);
    for (const related of finding.related) checkRanges(text, related.range, `related of ${finding.ruleId}`, violations);
  }
  if (result.findings.some((f) => f.ruleId === 'internal-error')) {
    violations.push({ invariant: 'no-internal-error', detail: result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message.en).join('; ') });
  }

  const before = errorCounts(result.findings);
  let tried = 0;
  for (const finding of result.findings) {
    for (const fix of finding.fixes) {
      if (tried++ >= options.maxFixes) break;
      try {
        const fixed = applyFixes(text, fix.edits);
        const after = errorCounts(checkReport(fixed).findings);
        for (const [ruleId, count] of after) {
          if (count > (before.get(ruleId) ?? 0)) violations.push({ invariant: 'fix-adds-no-error', detail: `${fix.kind} fix "${fix.title.en}" of ${finding.ruleId} raised ${ruleId} errors from ${before.get(ruleId) ?? 0} to ${count}` });
        }
      } catch (error) {
        violations.push({ invariant: 'fix-applies', detail: `${finding.ruleId} ${fix.kind}: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
  try {
    const once = fixAll(text).text;
    const twice = fixAll(once).text;
    if (once !== twice) violations.push({ invariant: 'fix-all-idempotent', detail: 'a second fix-all changed the text again' });
  } catch (error) {
    violations.push({ invariant: 'no-exception', detail: `fixAll threw: ${error instanceof Error ? error.message : String(error)}` });
  }

  if (options.previous !== undefined) {
    try {
      const cache = new BlockCache();
      checkReport(options.previous, { cache });
      const warm = checkReport(text, { cache });
      const incremental = stableJson(warm.model);
      const full = stableJson(buildModel(text));
      if (incremental !== full) violations.push({ invariant: 'incremental-equals-full', detail: 'the model built with a warm block cache differs from a fresh build' });
      // rules memoise what depends on one table by the table's object (kept by a warm build)
      else if (stableJson(warm.findings) !== stableJson(checkReport(text).findings)) {
        violations.push({ invariant: 'incremental-equals-full', detail: 'the findings of a check with a warm block cache differ from a fresh check' });
      }
    } catch (error) {
      violations.push({ invariant: 'no-exception', detail: `buildModel threw: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return violations;
}
