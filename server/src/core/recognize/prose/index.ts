/**
 * The prose recognizers: everything Tally reads from paragraphs (claims, structure counts,
 * formulas, totals with parts, repeated facts, annexes) plus the scoring rules written in the
 * indicator tables' 评分标准 cells. Pure and total: bad input yields fewer results, never a throw.
 */
import type {
  Annex, AnnexReference, Claim, CountClaim, Fact, Formula, Heading, IndicatorRule, IndicatorTable, Notice, NumberLiteral,
  Paragraph, PartsClaim, Range, Table,
} from '../../model/types';
import { scanNumbers } from '../../text/numbers';
import { splitSentences } from '../../text/sentences';
import { recognizeAnnexReferences, recognizeAnnexes } from './annexes';
import { recognizeClaims } from './claims';
import { recognizeCounts } from './counts';
import { mayHoldFacts, recognizeFacts } from './facts';
import { recognizeFormulas } from './formulas';
import { buildIndicatorIndex } from './indicatorNames';
import { recognizeScoringRules } from './scoringRules';
import { recognizeParts } from './parts';
import { quotedPassages, isQuoted } from './quotations';
import { buildSections, sectionsFor } from './sections';
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

/** What one paragraph yields; every range is a document offset. */
export interface ParagraphResult {
  claims: Claim[];
  countClaims: CountClaim[];
  formulas: Formula[];
  partsClaims: PartsClaim[];
  facts: Fact[];
  annexReferences: AnnexReference[];
}

/**
 * The context a paragraph's recognition depends on, besides its own text: the document's indicator
 * name table and the section titles in force (see `paragraphContext`).
 */
export type ParagraphContext = SubjectContext;

/** The document-wide context: the indicator name table and every section title, built once. */
export function documentContext(input: Pick<ProseInput, 'text' | 'paragraphs' | 'headings' | 'indicatorTables'>): ParagraphContext {
  const index = buildIndicatorIndex(input.indicatorTables);
  return { index, sections: buildSections(index, input.text, input.headings, input.paragraphs) };
}

/**
 * The small context of one paragraph: the same name table, and only the title in force where the
 * paragraph starts plus the titles inside it. recognizeParagraph gives the same result with this
 * as with the document context, so a caller may cache a paragraph's result under (its text, its
 * start offset, these titles, the name table).
 */
export function paragraphContext(doc: ParagraphContext, paragraph: Pick<Paragraph, 'range'>): ParagraphContext {
  return { index: doc.index, sections: sectionsFor(doc.sections, paragraph.range) };
}

/** Literals of `all` (sorted) inside `range`, found from `from` on; returns them and where to continue. */
function literalsIn(all: readonly NumberLiteral[], range: Range, from: number): { literals: NumberLiteral[]; next: number } {
  let i = from;
  while (i < all.length && all[i].range.start < range.start) i++;
  const first = i;
  while (i < all.length && all[i].range.end <= range.end) i++;
  return { literals: all.slice(first, i), next: first };
}

function mayHoldParts(text: string): boolean {
  return text.includes('其中') && text.includes('元');
}

/**
 * Everything one paragraph states: claims, counts, formulas, annex references (per sentence),
 * totals with parts (per full sentence) and facts. The paragraph's numbers are scanned once and
 * shared by every recognizer. What stands inside a quotation (quotations.ts) is left out.
 */
export function recognizeParagraph(context: ParagraphContext, paragraph: Pick<Paragraph, 'text' | 'range'>): ParagraphResult {
  const base = paragraph.range.start;
  const all = scanNumbers(paragraph.text, { base });
  const out: ParagraphResult = { claims: [], countClaims: [], formulas: [], partsClaims: [], facts: [], annexReferences: [] };
  let from = 0;
  for (const sentence of splitSentences(paragraph.text, { base })) {
    const { literals, next } = literalsIn(all, sentence.range, from);
    from = next;
    out.claims.push(...recognizeClaims(context, sentence, literals));
    out.countClaims.push(...recognizeCounts(context, sentence, literals));
    out.formulas.push(...recognizeFormulas(context, sentence, literals));
    if (sentence.text.includes('附件')) out.annexReferences.push(...recognizeAnnexReferences(sentence));
  }
  if (mayHoldParts(paragraph.text)) {
    from = 0;
    for (const sentence of splitSentences(paragraph.text, { base, clauses: false })) {
      const { literals, next } = literalsIn(all, sentence.range, from);
      from = next;
      const parts = recognizeParts(sentence, literals);
      if (parts) out.partsClaims.push(parts);
    }
  }
  out.facts = recognizeFacts(paragraph, all);
  const quoted = quotedPassages(paragraph.text, base);
  return quoted.length === 0 ? out : withoutQuoted(out, quoted);
}

/** Drop what a quotation states: each result is judged by the place it reports. */
function withoutQuoted(result: ParagraphResult, quoted: readonly Range[]): ParagraphResult {
  const outside = (range: Range | undefined): boolean => range === undefined || !isQuoted(quoted, range);
  return {
    claims: result.claims.filter((c) => outside(c.literal?.range ?? c.label?.range)),
    countClaims: result.countClaims.filter((c) => c.counts.every((n) => outside(n.literal.range))),
    formulas: result.formulas.filter((f) => outside(f.result.range)),
    partsClaims: result.partsClaims.filter((p) => outside(p.total.range)),
    facts: result.facts.filter((f) => outside(f.span.range)),
    annexReferences: result.annexReferences.filter((r) => outside(r.span.range)),
  };
}

export function recognizeProse(input: ProseInput): ProseResult {
  const context = documentContext(input);
  const result: ProseResult = {
    claims: [], countClaims: [], formulas: [], partsClaims: [], facts: [], annexes: [], annexReferences: [], notices: [],
    indicatorRules: recognizeScoringRules(input.indicatorTables),
  };
  for (const paragraph of input.paragraphs) {
    const found = recognizeParagraph(context, paragraph);
    result.claims.push(...found.claims);
    result.countClaims.push(...found.countClaims);
    result.formulas.push(...found.formulas);
    result.partsClaims.push(...found.partsClaims);
    result.facts.push(...found.facts);
    result.annexReferences.push(...found.annexReferences);
  }
  // facts are cited in tables too (评分说明 cells): read the cell's source, not its plain text
  for (const table of input.tables) {
    for (const cell of table.cells) {
      if (cell.header || cell.range.end <= cell.range.start || !mayHoldFacts(input.text, cell.range.start, cell.range.end)) continue;
      const source = input.text.slice(cell.range.start, cell.range.end);
      const quoted = quotedPassages(source, cell.range.start);
      for (const fact of recognizeFacts({ text: source, range: cell.range })) if (!isQuoted(quoted, fact.span.range)) result.facts.push(fact);
    }
  }
  result.facts.sort((a, b) => a.span.range.start - b.span.range.start);
  result.annexes = recognizeAnnexes(input.text, input.headings, input.paragraphs);
  return result;
}
