/**
 * Grade scales: band tables (评价计分结果/分数区间/得分区间 → 评价结果级别/等级) and band
 * sentences ("90分以上为“优”，80分至 89 分为“良”…", "90（含）-100分为优、80（含）-90分为良…").
 */
import type { GradeBand, GradeScale, Paragraph, Table, TextSpan } from '../../model/types';
import type { PlacedMemo } from '../../parse/placed';
import { scanNumbers } from '../../text/numbers';
import { closeTopBand, readBand } from './bands';
import { compact, headerLayout } from './headers';

const RANGE_HEADERS = ['评价计分结果', '分数区间', '得分区间', '分值区间', '分数段', '计分结果', '评分区间', '综合得分', '得分'];
const LEVEL_HEADERS = ['评价结果级别', '评价等级', '等级', '级别', '评价结果', '绩效等级', '评级'];

function columnOf(headers: string[], words: string[]): number {
  for (const word of words) {
    const index = headers.findIndex((h) => compact(h) === word || compact(h).includes(word));
    if (index >= 0) return index;
  }
  return -1;
}

export function recognizeGradeTable(table: Table, text: string): GradeScale | undefined {
  const header = headerLayout(table);
  let bodyStart = header?.bodyStart ?? 0;
  let headers = header?.headers;
  if (!headers) {
    // the band vocabulary is not in the indicator header list: read the first row directly
    headers = (table.grid[0] ?? []).map((c) => c?.text ?? '');
    bodyStart = 1;
  }
  const rangeCol = columnOf(headers, RANGE_HEADERS);
  const levelCol = columnOf(headers, LEVEL_HEADERS);
  if (rangeCol < 0 || levelCol < 0 || rangeCol === levelCol) return undefined;
  const bands: GradeBand[] = [];
  for (let r = bodyStart; r < table.grid.length; r++) {
    const rangeCell = table.grid[r][rangeCol];
    const levelCell = table.grid[r][levelCol];
    if (!rangeCell || !levelCell || levelCell.text === '') continue;
    const source = text.slice(rangeCell.range.start, rangeCell.range.end);
    const range = { start: Math.min(rangeCell.range.start, levelCell.range.start), end: Math.max(rangeCell.range.end, levelCell.range.end) };
    const band = readBand(source, rangeCell.numbers, rangeCell.range.start, { text: levelCell.text, range: levelCell.range }, range);
    if (band) bands.push(band);
  }
  if (bands.length < 2) return undefined;
  closeTopBand(bands);
  return { source: 'table', range: table.range, bands };
}

/** Labels longest first so 优秀 wins over 优 and 不合格 over 合格. */
const GRADE_LABELS = ['不合格', '优秀', '良好', '合格', '中等', '较差', '一般', '优', '良', '中', '差'];
const QUOTES = '“”"「」‘’\'';
const CLAUSE_BREAKS = '，,、；;。\n';

interface Clause {
  start: number;
  end: number;
}

function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || CLAUSE_BREAKS.includes(text[i])) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** "…90分以上为“优”": the label after the last 为 and the bound text before it. */
function bandOfClause(text: string, clause: Clause, base: number): GradeBand | undefined {
  const slice = text.slice(clause.start, clause.end);
  const wei = slice.lastIndexOf('为');
  if (wei <= 0) return undefined;
  let i = wei + 1;
  while (i < slice.length && (QUOTES.includes(slice[i]) || slice[i] === ' ')) i++;
  const label = GRADE_LABELS.find((l) => slice.startsWith(l, i));
  if (!label) return undefined;
  const rest = slice.slice(i + label.length).replace(/[\s”"」’'）)级等]/gu, '');
  if (rest !== '') return undefined;
  // bounds: the numbers after the last colon before 为 ("等级分为四档：90（含）-100分为优")
  const colon = Math.max(slice.lastIndexOf('：', wei), slice.lastIndexOf(':', wei));
  const boundStart = colon + 1;
  const boundText = slice.slice(boundStart, wei);
  const numbers = scanNumbers(boundText, { base: base + clause.start + boundStart });
  if (numbers.length === 0 || numbers.length > 2) return undefined;
  const labelSpan: TextSpan = { text: label, range: { start: base + clause.start + i, end: base + clause.start + i + label.length } };
  const range = { start: base + clause.start + boundStart, end: labelSpan.range.end };
  return readBand(boundText, numbers, base + clause.start + boundStart, labelSpan, range);
}

/** Grade bands written as sentences; `memo` (the document cache's) keeps each paragraph's bands between builds. */
export function recognizeGradeSentences(paragraphs: Paragraph[], memo?: PlacedMemo<GradeScale[]>): GradeScale[] {
  const scales: GradeScale[] = [];
  memo?.beginPass();
  for (const paragraph of paragraphs) {
    // every band sentence says "…为优": most paragraphs are skipped without cutting clauses
    if (!paragraph.text.includes('为')) continue;
    scales.push(...(memo ? memo.take(paragraph.text, { at: paragraph.range.start }, () => scalesOfParagraph(paragraph), paragraph) : scalesOfParagraph(paragraph)));
  }
  return scales;
}

function scalesOfParagraph(paragraph: Paragraph): GradeScale[] {
  const scales: GradeScale[] = [];
  let run: GradeBand[] = [];
  const flush = () => {
    if (run.length >= 2) {
      closeTopBand(run);
      scales.push({ source: 'sentence', range: { start: run[0].range.start, end: run[run.length - 1].range.end }, bands: run });
    }
    run = [];
  };
  for (const clause of clauses(paragraph.text)) {
    const band = bandOfClause(paragraph.text, clause, paragraph.range.start);
    if (band) run.push(band);
    else if (run.length > 0 && /[0-9０-９]|为/u.test(paragraph.text.slice(clause.start, clause.end))) flush();
  }
  flush();
  return scales;
}
