/**
 * The structure of a 自评表's funds rows (or of a funds table in the body): per block, the total
 * row and the breakdowns that each add up to it. Read by the self-eval rule and the cascade.
 */
import type { FundsRow } from './types';

/** The level-1 indicator a 自评表's funds total stands for (its 分值 and 得分), as summary tables and prose name it. */
export const FUNDS_INDICATOR = '预算执行率';

export interface FundsBlock {
  total: FundsRow;
  /** Each breakdown's rows (two or more), in table order; each adds up to the total on its own. */
  breakdowns: FundsRow[][];
}

export function fundsBlocks(funds: readonly FundsRow[]): FundsBlock[] {
  const blocks = new Map<number, FundsBlock>();
  for (const row of funds) if (row.total && !blocks.has(row.block)) blocks.set(row.block, { total: row, breakdowns: [] });
  for (const row of funds) {
    const block = row.breakdown === undefined ? undefined : blocks.get(row.block);
    if (block) (block.breakdowns[row.breakdown!] ??= []).push(row);
  }
  // a breakdown lists two parts at least: a lone 其中 row is an example, not the whole
  return [...blocks.values()].map((block) => ({ ...block, breakdowns: block.breakdowns.filter((rows) => rows !== undefined && rows.length >= 2) }));
}

/** The funds total of the table (年度资金总额): the total of its first block that has one. */
export function fundsTotalOf(funds: readonly FundsRow[]): FundsRow | undefined {
  return funds.find((row) => row.total);
}
