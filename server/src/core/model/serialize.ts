/**
 * The model as JSON (for `tally model --json`): Decimals become strings (exact, never floats);
 * table grids refer to cells by their index in `cells` instead of repeating them; the document
 * text is left out (it is the input). Shape documented in docs/model.md.
 */
import Decimal from 'decimal.js';
import type { ReportModel, Table } from './types';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (Decimal.isDecimal(value)) return (value as Decimal).toFixed();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) out[key] = toJson(v);
    }
    return out;
  }
  return null;
}

function tableToJson(table: Table): Json {
  const indexOf = new Map(table.cells.map((cell, i) => [cell, i]));
  const { grid, ...rest } = table;
  return { ...(toJson(rest) as { [key: string]: Json }), grid: grid.map((row) => row.map((cell) => (cell ? (indexOf.get(cell) ?? null) : null))) };
}

export function modelToJson(model: ReportModel): Json {
  const { text, tables, ...rest } = model;
  return { length: text.length, ...(toJson(rest) as { [key: string]: Json }), tables: tables.map(tableToJson) };
}
