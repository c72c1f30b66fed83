/**
 * 问卷星 (wjx.cn) result tables: "选项 | 小计 | 比例" rows and a last row
 * "本题有效填写人次 | N" (or a 合计 row, in tables typed by hand). The question is the paragraph or
 * heading right above the table.
 */
import type { Cell, NumberLiteral, SurveyOption, SurveyQuestion, Table, TextSpan } from '../../model/types';
import { spanOfCell } from './cellText';
import { compact, joinLines, rowCells } from './headers';

const RESPONDENT_WORDS = ['本题有效填写人次', '有效填写人次', '本题有效填写人数', '有效填写人数', '有效样本'];
/** A 合计 row closing the options: the number of respondents of a single-choice question, never an option. */
const TOTAL_WORDS = ['合计', '总计'];

/** A count is a whole number written as such: a percentage that slid into the 小计 column (a row missing a cell) is none. */
function countIn(cell: Cell | undefined): NumberLiteral | undefined {
  const first = cell?.numbers[0];
  return first && first.unit !== '%' ? first : undefined;
}

function findColumn(headers: string[], words: string[]): number {
  return headers.findIndex((h) => words.some((w) => compact(h).startsWith(w)));
}

/**
 * @param title the paragraph or heading right above the table (the question), if any
 */
export function recognizeSurveyTable(table: Table, title: TextSpan | undefined): SurveyQuestion | undefined {
  const headerRow = (table.grid[0] ?? []).map((c) => c?.text ?? '');
  const optionCol = findColumn(headerRow, ['选项', '答案选项']);
  const countCol = findColumn(headerRow, ['小计', '人数', '频数']);
  const ratioCol = findColumn(headerRow, ['比例', '百分比', '占比']);
  if (optionCol < 0 || (countCol < 0 && ratioCol < 0)) return undefined;
  const options: SurveyOption[] = [];
  let respondents: SurveyQuestion['respondents'];
  let total: SurveyQuestion['respondents'];
  const multiple = /多选题|多选|可多选/u.test(title?.text ?? '');
  for (let r = 1; r < table.grid.length; r++) {
    const label = table.grid[r][optionCol];
    if (!label || label.text === '') continue;
    const name = compact(label.text);
    // the number a 人次/合计 row gives: in the 小计 column, else the first one after its label
    const rowNumber = () => (countCol >= 0 ? table.grid[r][countCol]?.numbers[0] : undefined) ?? rowCells(table, r).find((c) => c !== label && c.numbers.length > 0)?.numbers[0];
    if (RESPONDENT_WORDS.some((w) => name.startsWith(w))) {
      respondents = rowNumber() ?? label.numbers[0];
      continue;
    }
    if (TOTAL_WORDS.some((w) => name.startsWith(w))) {
      total = rowNumber();
      continue;
    }
    const text = joinLines(label.text);
    options.push({
      label: { text, range: spanOfCell(label).range },
      count: countCol >= 0 ? countIn(table.grid[r][countCol]) : undefined,
      ratio: ratioCol >= 0 ? table.grid[r][ratioCol]?.numbers[0] : undefined,
    });
  }
  if (options.length === 0) return undefined;
  const questionTitle: TextSpan = title ?? { text: '', range: { start: table.range.start, end: table.range.start } };
  return {
    title: questionTitle,
    multiple,
    tableIndex: table.index,
    options,
    // a multiple-choice 合计 counts choices, not people
    respondents: respondents ?? (multiple ? undefined : total),
  };
}
