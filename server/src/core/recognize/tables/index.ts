/**
 * All table recognizers over a document's tables. Each table (a table continued across pages with
 * its parts joined, continued.ts) is claimed by the first recognizer that accepts it
 * (self-evaluation, indicator, summary, grade bands, survey); grade band sentences are read from
 * the paragraphs. A recognizer that throws costs a Notice, not the model.
 */
import type {
  GradeScale, Heading, IndicatorTable, Notice, Paragraph, SelfEvalTable, SummaryTable, SurveyQuestion, Table, TextSpan,
} from '../../model/types';
import { looseName } from '../../text/normalize';
import type { BlockCache } from '../../parse/blocks';
import { guarded } from '../../parse/guard';
import { groupContinued, joinParts } from './continued';
import { recognizeGradeSentences, recognizeGradeTable } from './gradeBands';
import { recognizeIndicatorTable } from './indicatorTable';
import { selfEvalScoreTable } from './selfEvalScores';
import { recognizeSelfEvalTable } from './selfEvalTable';
import { recognizeSummaryTable } from './summaryTable';
import { recognizeSurveyTable } from './surveyTable';
import { clone, type PlacedMemo } from '../../parse/placed';

export interface TableRecognition {
  indicatorTables: IndicatorTable[];
  summaryTables: SummaryTable[];
  gradeScales: GradeScale[];
  surveys: SurveyQuestion[];
  selfEvalTables: SelfEvalTable[];
}

export interface TableInput {
  tables: Table[];
  paragraphs: Paragraph[];
  headings: Heading[];
}

/**
 * The paragraph or heading ending right before a table (a survey question above its table).
 * Tables come in document order, so one forward cursor serves them all (linear, not
 * tables × paragraphs).
 */
class TextAbove {
  private p = 0;
  private h = 0;

  constructor(private readonly input: TableInput) {}

  before(offset: number): TextSpan | undefined {
    const { paragraphs, headings } = this.input;
    while (this.p < paragraphs.length && paragraphs[this.p].range.end <= offset) this.p++;
    while (this.h < headings.length && headings[this.h].range.end <= offset) this.h++;
    const paragraph = paragraphs[this.p - 1];
    const heading = headings[this.h - 1];
    if (heading && (!paragraph || heading.range.start > paragraph.range.start)) return { text: heading.text, range: heading.range };
    return paragraph ? { text: paragraph.text.trim(), range: paragraph.range } : undefined;
  }
}

/**
 * A linked summary per recognized one, kept while the level-1 names and the table's index are the
 * same: an unchanged summary table then keeps its object between incremental builds, as the
 * indicator tables do (the model index is reused on that condition, see modelIndex.ts).
 */
const linkedSummaries = new WeakMap<SummaryTable, { names: string; tableIndex: number; linked: SummaryTable }>();

/** Summary entries linked to level-1 indicators by loose name ("项目决策" ~ "决策"); new objects (the recognized ones may be memoised). */
function linkSummaries(summaries: SummaryTable[], indicatorTables: IndicatorTable[]): SummaryTable[] {
  const level1 = new Map<string, string>();
  for (const t of indicatorTables) for (const i of t.indicators) if (i.level === 1 && !level1.has(looseName(i.name))) level1.set(looseName(i.name), i.key);
  const names = [...level1].join('\u0000');
  return summaries.map((s) => {
    const known = linkedSummaries.get(s);
    if (known && known.names === names && known.tableIndex === s.tableIndex) return known.linked;
    const linked = { ...s, entries: s.entries.map((e) => ({ ...e, key: level1.get(looseName(e.name.text)) })) };
    linkedSummaries.set(s, { names, tableIndex: s.tableIndex, linked });
    return linked;
  });
}

/** What the first recognizer that accepts a table made of it. */
type Recognized =
  | { kind: 'selfEval'; value: SelfEvalTable; scores?: IndicatorTable }
  | { kind: 'indicator'; value: IndicatorTable }
  | { kind: 'summary'; value: SummaryTable }
  | { kind: 'grades'; value: GradeScale }
  | { kind: 'survey'; value: SurveyQuestion }
  | { kind: 'none' };

function recognizeTable(table: Table, text: string, above: TextSpan | undefined): Recognized {
  const selfEval = recognizeSelfEvalTable(table);
  if (selfEval) return { kind: 'selfEval', value: selfEval, scores: selfEvalScoreTable(table, selfEval, text) };
  const indicators = recognizeIndicatorTable(table, text);
  if (indicators) return { kind: 'indicator', value: indicators };
  const summary = recognizeSummaryTable(table);
  if (summary) return { kind: 'summary', value: summary };
  const grades = recognizeGradeTable(table, text);
  if (grades) return { kind: 'grades', value: grades };
  const survey = recognizeSurveyTable(table, above);
  return survey ? { kind: 'survey', value: survey } : { kind: 'none' };
}

function relative(span: TextSpan | undefined, origin: number): string {
  return span ? `${span.range.start - origin}:${span.range.end - origin}:${span.text}` : '';
}

/**
 * Everything a recognizer reads about a table, with offsets relative to the table's start: its
 * source, its caption, its heading path and the text above it. Equal keys give results that differ
 * only by the table's offset and index.
 */
function tableKey(memo: PlacedMemo<Recognized>, table: Table, text: string, above: TextSpan | undefined): string {
  const origin = table.range.start;
  const context = [table.format, relative(table.caption, origin), relative(above, origin), table.headingPath.join('\u0001')].join('\u0000');
  // the table's object lives as long as its source is unchanged (structure memo)
  return memo.keyOf(table, context, () => text.slice(origin, table.range.end));
}

function collect(out: TableRecognition, recognized: Recognized): void {
  switch (recognized.kind) {
    case 'selfEval':
      out.selfEvalTables.push(recognized.value);
      if (recognized.scores) out.indicatorTables.push(recognized.scores);
      break;
    case 'indicator': out.indicatorTables.push(recognized.value); break;
    case 'summary': out.summaryTables.push(recognized.value); break;
    case 'grades': out.gradeScales.push(recognized.value); break;
    case 'survey': out.surveys.push(recognized.value); break;
    case 'none': break;
  }
}

/**
 * @param cache the document's cache: a table whose key (see `tableKey`) was recognized in an
 *   earlier build is not recognized again, its memoised result is moved to where the table stands.
 */
export function recognizeTables(text: string, input: TableInput, notices: Notice[], cache?: BlockCache): TableRecognition {
  const out: TableRecognition = { indicatorTables: [], summaryTables: [], gradeScales: [], surveys: [], selfEvalTables: [] };
  const memo = cache?.placed<Recognized>('tables');
  memo?.beginPass();
  const above = new TextAbove(input);
  for (const parts of groupContinued(input.tables)) {
    const table = parts.length === 1 ? parts[0] : joinParts(parts);
    guarded(`table ${table.index + 1}`, notices, () => {
      const textAbove = above.before(table.range.start);
      if (!memo) return collect(out, recognizeTable(table, text, textAbove));
      // cloned: a recognition holds the grid's literals, which the structure memo moves on its own
      const place = { at: table.range.start, tableIndex: table.index };
      collect(out, memo.take(tableKey(memo, table, text, textAbove), place, () => clone(recognizeTable(table, text, textAbove)), table));
    }, undefined, table.range);
  }
  out.summaryTables = guarded('summary links', notices, () => linkSummaries(out.summaryTables, out.indicatorTables), out.summaryTables);
  out.gradeScales.push(...guarded('grade sentences', notices, () => recognizeGradeSentences(input.paragraphs, cache?.placed('gradeSentences')), []));
  out.gradeScales.sort((a, b) => a.range.start - b.range.start);
  return out;
}
