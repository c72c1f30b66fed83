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
import { recognizeClaims } from './claims';
import { recognizeCounts } from './counts';
import { recognizeFormulas } from './formulas';
import { buildIndicatorIndex } from './indicatorNames';
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
    claims: [], countClaims: [], formulas: [], partsClaims: [], facts: [], annexes: [], annexReferences: [], indicatorRules: [], notices: [],
  };
  for (const paragraph of input.paragraphs) {
    for (const sentence of splitSentences(paragraph.text, { base: paragraph.range.start })) {
      result.claims.push(...recognizeClaims(ctx, sentence));
      const counts = recognizeCounts(index, sentence);
      if (counts) result.countClaims.push(counts);
      result.formulas.push(...recognizeFormulas(ctx, sentence));
    }
  }
  return result;
}
