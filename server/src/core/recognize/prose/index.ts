/**
 * The prose recognizers: everything Tally reads from paragraphs (claims, structure counts,
 * formulas, totals with parts, repeated facts, annexes) plus the scoring rules written in the
 * indicator tables' 评分标准 cells. Pure and total: bad input yields fewer results, never a throw.
 */
import type {
  Annex, AnnexReference, Claim, CountClaim, Fact, Formula, Heading, IndicatorRule, IndicatorTable, Notice, Paragraph,
  PartsClaim, Table,
} from '../../model/types';
import { splitSentences } from '../../text/sentences';
import { recognizeAnnexReferences, recognizeAnnexes } from './annexes';
import { recognizeClaims } from './claims';
import { recognizeCounts } from './counts';
import { recognizeFacts } from './facts';
import { recognizeFormulas } from './formulas';
import { buildIndicatorIndex } from './indicatorNames';
import { recognizeScoringRules } from './scoringRules';
import { recognizeParts } from './parts';
import { buildSections } from './sections';
import type { SubjectContext } from './subjects';

export interface ProseInput {
  text: string;
  paragraphs: Paragraph[];
  headings: Heading[];
  tables: Table[];
  indicatorTables: IndicatorTable[];
}

export interface ProseResult {
  claims: Claim[];
  countClaims: CountClaim[];
  formulas: Formula[];
  partsClaims: PartsClaim[];
  facts: Fact[];
  annexes: Annex[];
  annexReferences: AnnexReference[];
  indicatorRules: IndicatorRule[];
  notices: Notice[];
}

export function recognizeProse(input: ProseInput): ProseResult {
  const index = buildIndicatorIndex(input.indicatorTables);
  const ctx: SubjectContext = { index, sections: buildSections(index, input.text, input.headings, input.paragraphs) };
  const result: ProseResult = {
    claims: [], countClaims: [], formulas: [], partsClaims: [], facts: [], annexes: [], annexReferences: [], notices: [],
    indicatorRules: recognizeScoringRules(input.indicatorTables),
  };
  for (const paragraph of input.paragraphs) {
    const base = paragraph.range.start;
    for (const sentence of splitSentences(paragraph.text, { base })) {
      result.claims.push(...recognizeClaims(ctx, sentence));
      result.countClaims.push(...recognizeCounts(ctx, sentence));
      result.formulas.push(...recognizeFormulas(ctx, sentence));
      result.annexReferences.push(...recognizeAnnexReferences(sentence));
    }
    for (const sentence of splitSentences(paragraph.text, { base, clauses: false })) {
      const parts = recognizeParts(sentence);
      if (parts) result.partsClaims.push(parts);
    }
    result.facts.push(...recognizeFacts(paragraph));
  }
  // facts are cited in tables too (评分说明 cells): read the cell's source, not its plain text
  for (const table of input.tables) {
    for (const cell of table.cells) {
      if (cell.header || cell.range.end <= cell.range.start) continue;
      result.facts.push(...recognizeFacts({ text: input.text.slice(cell.range.start, cell.range.end), range: cell.range }));
    }
  }
  result.facts.sort((a, b) => a.span.range.start - b.span.range.start);
  result.annexes = recognizeAnnexes(input.text, input.headings, input.paragraphs);
  return result;
}
