/**
 * Lookups over a report model, built once per check so that rules never rescan the text.
 */
import type { Indicator, NumberLiteral, ReportModel } from '../model/types';

export interface ModelIndex {
  /** Every occurrence of an indicator key, in document order (section tables, annex, …). */
  indicatorsByKey: Map<string, Indicator[]>;
  /** Level-1 keys in table order. */
  levelOneKeys: string[];
}

export function buildModelIndex(model: ReportModel): ModelIndex {
  const indicatorsByKey = new Map<string, Indicator[]>();
  const levelOneKeys: string[] = [];
  for (const table of model.indicatorTables) {
    for (const indicator of table.indicators) {
      const list = indicatorsByKey.get(indicator.key);
      if (list) list.push(indicator);
      else indicatorsByKey.set(indicator.key, [indicator]);
      if (indicator.level === 1 && !levelOneKeys.includes(indicator.key)) levelOneKeys.push(indicator.key);
    }
  }
  return { indicatorsByKey, levelOneKeys };
}

/** The 分值 of an indicator: written once, or the sum of its per-row parts. */
export function weightOf(indicator: Indicator): NumberLiteral | undefined {
  return indicator.weight ?? indicator.weightParts[0];
}
