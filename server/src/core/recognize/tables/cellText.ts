/** Small helpers about what a cell holds. */
import type { Cell, NumberLiteral, TextSpan } from '../../model/types';
import { compact } from './headers';

/** A cell that is only a number (with an optional unit): "2.5", "20 分", "85.4%". */
export function isNumericCell(cell: Cell | undefined): boolean {
  if (!cell || cell.numbers.length !== 1) return false;
  return /^[≥≤><＞＜]?[0-9０-９.．,]+(分|%|％|万元|元|人|个)?$/u.test(compact(cell.text));
}

/** The first number of a cell, if any. */
export function firstNumber(cell: Cell | undefined): NumberLiteral | undefined {
  return cell?.numbers[0];
}

export function spanOfCell(cell: Cell): TextSpan {
  return { text: cell.text, range: cell.range };
}
