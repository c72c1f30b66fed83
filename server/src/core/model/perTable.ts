/**
 * Memoising by table object. An indicator table keeps its object between incremental builds
 * exactly while its source and context are unchanged (parse/placed.ts moves it in place, which
 * changes only ranges and its table index), and a fresh build makes new objects. So a value that
 * depends on the table's content alone — not on its offsets, its index or the rest of the report —
 * may be kept per table object: a keystroke elsewhere then does not recompute it.
 */
import type { IndicatorTable } from './types';

/**
 * `compute`, memoised per table object (see the header for what it may read). Further arguments
 * are lookups whose answers about this table depend on the table alone (the model index's children
 * of an indicator, the text of its cells); they are passed on, not part of the memo key.
 */
export function perTable<A extends unknown[], T>(compute: (table: IndicatorTable, ...lookups: A) => T): (table: IndicatorTable, ...lookups: A) => T {
  const known = new WeakMap<IndicatorTable, T>();
  return (table, ...lookups) => {
    if (known.has(table)) return known.get(table) as T;
    const value = compute(table, ...lookups);
    known.set(table, value);
    return value;
  };
}
