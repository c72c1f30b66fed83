/**
 * buildModel: text → ReportModel. Parses the document block by block, reads its structure, runs
 * every table recognizer and the prose recognizers. Never throws: a failing stage becomes a
 * Notice and the model keeps whatever the other stages found.
 *
 * Incremental builds. The language server passes one `BlockCache` per open document to every
 * build; after an edit only what the edit touched is computed again, the rest is memoised:
 *
 * - parse (parse/blocks.ts): the document is cut into top-level blocks by a line scanner; a
 *   block's mdast is keyed by its kind and text with block-relative positions, so a block that
 *   only moved is a hit. Simple blocks (plain paragraphs, headings, pipe tables, one-line lists, thematic breaks) get their mdast
 *   from a scan (parse/fastBlocks.ts); the others missing from the cache are parsed in batches by one remark call
 *   (per-call set-up would otherwise dominate a cold build) and cut apart again; the batch is
 *   checked to be equivalent to separate parses.
 * - structure (parse/structure.ts): what a block yields (headings, paragraphs, table grids with
 *   their scanned numbers, directives) is memoised under the same key and moved in place to the
 *   block's offset (parse/placed.ts); the document pass adds heading paths, captions and table
 *   indexes around the memoised objects.
 * - tables (recognize/tables/index.ts): a recognition result is memoised under a key holding
 *   the table's source, caption, heading path and the text above it, all relative to the table's
 *   start; a hit is moved in place (ranges shifted, table index replaced). Grade band sentences
 *   are a cheap scan of the paragraphs.
 * - prose (recognize/prose/index.ts): the name table and the section titles are computed once per
 *   build; a paragraph's recognitions are memoised under its text and the titles it sees, within
 *   a memo per name table, and moved like tables (ranges inside the paragraph with the
 *   paragraph, the title above with that title); facts in table cells per table source.
 *
 * Moving in place means a model shares objects with the cache: it is valid until the next build
 * with the same cache (placed.ts says what that asks of hosts).
 * A memoised value depends only on its key, so an incremental build equals a fresh build
 * (test/property/incremental-model.test.ts checks it over random edit sequences). Every memo
 * table is bounded like the parse cache (least recently used entries go first).
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
  const structure = guarded('parse', notices, () => extractStructure(parseDocument(source, cache ?? new BlockCache()), cache), EMPTY_STRUCTURE);
  notices.push(...structure.notices);
  const tables = recognizeTables(source, structure, notices, cache);
  const prose = guarded(
    'prose',
    notices,
    () => recognizeProse({ text: source, paragraphs: structure.paragraphs, headings: structure.headings, tables: structure.tables, indicatorTables: tables.indicatorTables }, cache),
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
