/**
 * buildModel: text → ReportModel. Parses the document block by block (reusing `cache` across
 * calls, which is what makes the language server incremental), reads its structure, runs every
 * table recognizer and the prose recognizers. Never throws: a failing stage becomes a Notice and
 * the model keeps whatever the other stages found.
 */
import { BlockCache, parseDocument } from '../parse/blocks';
import { guarded } from '../parse/guard';
import { extractStructure, type DocumentStructure } from '../parse/structure';
import { recognizeProse, type ProseResult } from '../recognize/prose/index';
import { recognizeTables } from '../recognize/tables/index';
import type { Notice, ReportModel } from './types';

const EMPTY_STRUCTURE: DocumentStructure = { headings: [], paragraphs: [], tables: [], directives: [], notices: [] };
const EMPTY_PROSE: ProseResult = {
  claims: [], countClaims: [], formulas: [], partsClaims: [], facts: [], annexes: [], annexReferences: [], indicatorRules: [], notices: [],
};

export function buildModel(text: string, cache?: BlockCache): ReportModel {
  const source = typeof text === 'string' ? text : '';
  const notices: Notice[] = [];
  const structure = guarded('parse', notices, () => extractStructure(parseDocument(source, cache ?? new BlockCache())), EMPTY_STRUCTURE);
  notices.push(...structure.notices);
  const tables = recognizeTables(source, structure, notices);
  const prose = guarded(
    'prose',
    notices,
    () => recognizeProse({ text: source, paragraphs: structure.paragraphs, headings: structure.headings, tables: structure.tables, indicatorTables: tables.indicatorTables }),
    EMPTY_PROSE,
  );
  notices.push(...prose.notices);
  return {
    text: source,
    frontMatter: structure.frontMatter,
    headings: structure.headings,
    paragraphs: structure.paragraphs,
    tables: structure.tables,
    indicatorTables: tables.indicatorTables,
    summaryTables: tables.summaryTables,
    gradeScales: tables.gradeScales,
    surveys: tables.surveys,
    selfEvalTables: tables.selfEvalTables,
    claims: prose.claims,
    countClaims: prose.countClaims,
    formulas: prose.formulas,
    partsClaims: prose.partsClaims,
    facts: prose.facts,
    annexes: prose.annexes,
    annexReferences: prose.annexReferences,
    indicatorRules: prose.indicatorRules,
    directives: structure.directives,
    notices,
  };
}

export { BlockCache };
