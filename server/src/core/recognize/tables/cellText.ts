/** Small helpers about what a cell holds. */
import type { Cell, NumberLiteral, TextSpan } from '../../model/types';
import { compact } from './headers';

/** A cell that is only a number (with an optional unit): "2.5", "20 分", "85.4%". */
export function isNumericCell(cell: Cell | undefined): boolean {
  if (!cell || cell.numbers.length !== 1) return false;
  return /^[≥≤><＞＜]?[0-9０-９.．,]+(分|%|％|万元|元|人|个)?$/u.test(compact(cell.text));
}

/**
 * The value of a 分值/扣分/得分/得分率 cell (of an indicator or a 合计 row): its first number when the cell starts with it ("2.5",
 * "3.33 分", "19.38（96.9%）"). A cell that starts with words is an explanation that slid into the
 * column (a row with a cell missing), not a value: "根据项目实际情况……扣除权重 1/3" holds no score.
 */
export function leadingNumber(cell: Cell | undefined): NumberLiteral | undefined {
  const first = cell?.numbers[0];
  if (!cell || !first) return undefined;
  // read in the plain text: markup before the number ("**95.18**") is not words
  const at = cell.text.indexOf(first.text);
  return at >= 0 && /^[\s≥≤><＞＜+\-−]*$/u.test(cell.text.slice(0, at)) ? first : undefined;
}

/** The first number of a cell, if any. */
export function firstNumber(cell: Cell | undefined): NumberLiteral | undefined {
  return cell?.numbers[0];
}

export function spanOfCell(cell: Cell): TextSpan {
  return { text: cell.text, range: cell.range };
}
