/**
 * All table recognizers over a document's tables. Each table is claimed by the first recognizer
 * that accepts it (self-evaluation, indicator, summary, grade bands, survey); grade band
 * sentences are read from the paragraphs. A recognizer that throws costs a Notice, not the model.
 */
import type {
  GradeScale, Heading, IndicatorTable, Notice, Paragraph, SelfEvalTable, SummaryTable, SurveyQuestion, Table, TextSpan,
} from '../../model/types';
import { looseName } from '../../text/normalize';
import { guarded } from '../../parse/guard';
import { recognizeGradeSentences, recognizeGradeTable } from './gradeBands';
import { recognizeIndicatorTable } from './indicatorTable';
import { recognizeSelfEvalTable } from './selfEvalTable';
import { recognizeSummaryTable } from './summaryTable';
import { recognizeSurveyTable } from './surveyTable';

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

/** The paragraph or heading ending right before `offset` (a survey question above its table). */
function textAbove(input: TableInput, offset: number): TextSpan | undefined {
  let best: TextSpan | undefined;
  for (const p of input.paragraphs) {
    if (p.range.end > offset) break;
    best = { text: p.text.trim(), range: p.range };
  }
  for (const h of input.headings) {
    if (h.range.end > offset) break;
    if (!best || h.range.start > best.range.start) best = { text: h.text, range: h.range };
  }
  return best;
}

/** Link summary entries to level-1 indicators by loose name ("项目决策" ~ "决策"). */
function linkSummaries(summaries: SummaryTable[], indicatorTables: IndicatorTable[]): void {
  const level1 = new Map<string, string>();
  for (const t of indicatorTables) for (const i of t.indicators) if (i.level === 1 && !level1.has(looseName(i.name))) level1.set(looseName(i.name), i.key);
  for (const s of summaries) for (const e of s.entries) e.key = level1.get(looseName(e.name.text));
}

export function recognizeTables(text: string, input: TableInput, notices: Notice[]): TableRecognition {
  const out: TableRecognition = { indicatorTables: [], summaryTables: [], gradeScales: [], surveys: [], selfEvalTables: [] };
  for (const table of input.tables) {
    guarded(`table ${table.index + 1}`, notices, () => {
      const selfEval = recognizeSelfEvalTable(table);
      if (selfEval) return void out.selfEvalTables.push(selfEval);
      const indicators = recognizeIndicatorTable(table, text);
      if (indicators) return void out.indicatorTables.push(indicators);
      const summary = recognizeSummaryTable(table);
      if (summary) return void out.summaryTables.push(summary);
      const grades = recognizeGradeTable(table, text);
      if (grades) return void out.gradeScales.push(grades);
      const survey = recognizeSurveyTable(table, textAbove(input, table.range.start));
      if (survey) out.surveys.push(survey);
    }, undefined, table.range);
  }
  guarded('summary links', notices, () => linkSummaries(out.summaryTables, out.indicatorTables), undefined);
  out.gradeScales.push(...guarded('grade sentences', notices, () => recognizeGradeSentences(input.paragraphs), []));
  out.gradeScales.sort((a, b) => a.range.start - b.range.start);
  return out;
}
