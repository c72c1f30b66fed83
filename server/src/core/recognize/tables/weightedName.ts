/**
 * A level name that carries its weight: "决策(20 分）", "投入（15分）", "过程\n(20 分）".
 * The weight literal is the number inside the trailing brackets; the name is what precedes them.
 */
import type { Cell, NumberLiteral, Range } from '../../model/types';
import { joinLines } from './headers';

export interface WeightedName {
  name: string;
  nameRange: Range;
  weight?: NumberLiteral;
}

const OPEN = ['(', '（'];

export function splitWeightedName(cell: Cell, text: string): WeightedName {
  const plain = joinLines(cell.text);
  const whole: WeightedName = { name: plain, nameRange: cell.range };
  const source = text.slice(cell.range.start, cell.range.end);
  const trimmed = source.trimEnd();
  if (!trimmed.endsWith(')') && !trimmed.endsWith('）')) return whole;
  let open = -1;
  for (const ch of OPEN) open = Math.max(open, trimmed.lastIndexOf(ch));
  if (open <= 0) return whole;
  const inner = trimmed.slice(open + 1, -1).replace(/\s+/gu, '');
  if (!/^[0-9０-９.．]+分?$/u.test(inner)) return whole;
  const openAbs = cell.range.start + open;
  const weight = cell.numbers.find((n) => n.range.start > openAbs);
  let end = openAbs;
  while (end > cell.range.start && /\s/u.test(text[end - 1])) end--;
  const nameSource = text.slice(cell.range.start, end);
  const parenInPlain = Math.max(plain.lastIndexOf('('), plain.lastIndexOf('（'));
  const name = parenInPlain > 0 ? plain.slice(0, parenInPlain).trim() : nameSource.replace(/\s+/gu, '');
  return { name, nameRange: { start: cell.range.start, end }, weight };
}
