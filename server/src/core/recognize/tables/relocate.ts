/**
 * A memoised recognition result moved to where its table stands now: a deep copy with every
 * `range` / `nameRange` shifted by `delta` and every `tableIndex` replaced. Decimals are shared
 * (immutable); objects reached twice (an indicator in `indicators` and in its parent's
 * `children`) are copied once, so the copy has the same shape as the original.
 */
import Decimal from 'decimal.js';
import type { Range } from '../../model/types';

const RANGE_KEYS = new Set(['range', 'nameRange']);

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && typeof (value as Range).start === 'number' && typeof (value as Range).end === 'number';
}

export function relocate<T>(value: T, delta: number, tableIndex: number): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || Decimal.isDecimal(v)) return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = new Array<unknown>(v.length);
      copies.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    const source = v as Record<string, unknown>;
    for (const key in source) {
      const child = source[key];
      if (RANGE_KEYS.has(key) && isRange(child)) out[key] = { start: child.start + delta, end: child.end + delta };
      else if (key === 'tableIndex' && typeof child === 'number') out[key] = tableIndex;
      else out[key] = copy(child);
    }
    return out;
  };
  return copy(value) as T;
}
