/**
 * Moving a memoised result to where its source stands now. Results are memoised with the
 * document offsets they were computed at; a hit at another offset is a deep copy with every
 * `range` / `nameRange` shifted and every `tableIndex` replaced. Decimals, strings and arrays of
 * primitives are shared (immutable); an object reached twice is copied once, so the copy has the
 * shape of the original.
 * The original is never mutated: it may belong to a model a host still holds.
 */
import type { Range } from '../model/types';

export interface Move {
  /** Added to every range starting at or after `split`. */
  delta: number;
  /**
   * Ranges starting before `split` are shifted by `deltaBefore` instead (a paragraph's result
   * can point at the section title above the paragraph, which moves on its own).
   */
  split?: number;
  deltaBefore?: number;
  /** The value every `tableIndex` gets. */
  tableIndex?: number;
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && typeof (value as Range).start === 'number' && typeof (value as Range).end === 'number';
}

/** Does `move` leave `value` where it is? Then the memoised objects themselves are the result. */
export function isIdentity(move: Move, tableIndex?: number): boolean {
  return move.delta === 0 && (move.split === undefined || move.deltaBefore === 0) && move.tableIndex === tableIndex;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

export function relocate<T>(value: T, move: Move): T {
  const split = move.split ?? -Infinity;
  const before = move.deltaBefore ?? move.delta;
  const { delta, tableIndex } = move;
  const copies = new Map<object, unknown>();
  const shift = (range: Range): Range => {
    const by = range.start < split ? before : delta;
    return { start: range.start + by, end: range.end + by };
  };
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      if (!v.some(isObject)) return v; // names, keys, paths: nothing in them moves

      const out: unknown[] = new Array<unknown>(v.length);
      copies.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
      return out;
    }
    // the model is plain data: an object that is not plain is a Decimal (immutable)
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    const source = v as Record<string, unknown>;
    for (const key in source) {
      const child = source[key];
      if ((key === 'range' || key === 'nameRange') && isRange(child)) out[key] = shift(child);
      else if (key === 'tableIndex' && tableIndex !== undefined && typeof child === 'number') out[key] = tableIndex;
      else out[key] = copy(child);
    }
    return out;
  };
  return copy(value) as T;
}
