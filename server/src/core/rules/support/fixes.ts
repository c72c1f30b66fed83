/**
 * Building fixes that rewrite one written number: the shared shape of every "replace the wrong
 * literal with the recomputed value" quick fix of the prose rules. The new text is written with
 * `formatLike`, so the fix keeps the literal's decimals, digit width and thousands separators.
 */
import type Decimal from 'decimal.js';
import type { NumberLiteral, Range } from '../../model/types';
import type { Fix, Localized } from '../../engine/types';
import { formatLike } from '../../text/numbers';

/** The preferred direct fix: `literal` rewritten as `value` (at the literal's own precision unless `decimals` is given). */
export function replaceLiteral(literal: NumberLiteral, value: Decimal, title: Localized, decimals = literal.decimals): Fix {
  return { kind: 'direct', title, preferred: true, edits: [{ range: literal.range, newText: formatLike(value, literal, decimals) }] };
}

/** A direct fix replacing any source range with a fixed text. */
export function replaceText(range: Range, newText: string, title: Localized, preferred = true): Fix {
  return { kind: 'direct', title, preferred, edits: [{ range, newText }] };
}
