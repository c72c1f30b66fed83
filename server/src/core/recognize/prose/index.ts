/**
 * The prose recognizers: everything Tally reads from paragraphs (claims, structure counts,
 * formulas, totals with parts, repeated facts, annexes) plus the scoring rules written in the
 * indicator tables' 评分标准 cells. Pure and total: bad input yields fewer results, never a throw.
 *
 * Incremental builds (a `BlockCache` given): what a paragraph yields depends only on its text and
 * its small context (paragraphContext), so it is memoised under exactly that — the paragraph's
 * text, the section titles it sees (the one above by content, those inside by their place in the
 * paragraph) — within a memo per indicator name table. A hit standing elsewhere is moved in
 * place (parse/placed.ts): ranges inside the paragraph move with the paragraph, a range before it
 * (the title above) with that title. The facts cited in table cells are memoised per table source the same way. What is
 * still computed on every build is linear and cheap: the name table's key, the section titles,
 * the annex titles of headings and the scoring rules.
 */
import type {
  Annex, AnnexReference, Claim, CountClaim, Fact, Formula, Heading, IndicatorTable, Notice, NumberLiteral,
  Paragraph, PartsClaim, Range, ReportModel, Table, TextSpan,
} from '../../model/types';
import type { BlockCache } from '../../parse/blocks';
import { Lru } from '../../parse/lru';
import { clone, PlacedMemo } from '../../parse/placed';
import { scanNumbers } from '../../text/numbers';
import { splitSentences } from '../../text/sentences';
import { recognizeAnnexReferences, recognizeAnnexes, withTopicsFromBelow } from './annexes';
import { recognizeClaims } from './claims';
import { recognizeCounts } from './counts';
import { mayHoldFacts, recognizeFacts } from './facts';
import { recognizeFormulas } from './formulas';
import { recognizeRatesInWords } from './ratesInWords';
import { buildIndicatorIndex, type IndicatorIndex } from './indicatorNames';
import { recognizeScoringRules } from './scoringRules';
import { recognizeAmongAfter, recognizeParts } from './parts';
import { quotedPassages, isQuoted } from './quotations';
import { buildSections, sectionsFor, type SectionTitle } from './sections';
import type { SubjectContext } from './subjects';

export interface ProseInput {
  text: string;
  paragraphs: Paragraph[];
  headings: Heading[];
  tables: Table[];
  indicatorTables: IndicatorTable[];
}

/** What the prose stage adds to the model (plus what it could not read). */
export type ProseResult = Pick<
  ReportModel,
  'claims' | 'countClaims' | 'formulas' | 'partsClaims' | 'facts' | 'annexes' | 'annexReferences' | 'indicatorRules'
> & { notices: Notice[] };

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
export function documentContext(
  input: Pick<ProseInput, 'text' | 'paragraphs' | 'headings' | 'indicatorTables'>,
  index: IndicatorIndex = buildIndicatorIndex(input.indicatorTables),
): ParagraphContext {
  return { index, sections: buildSections(index, input.text, input.headings, input.paragraphs) };
}

/**
 * Everything buildIndicatorIndex reads of the indicator tables (the first indicator of each key:
 * its key, level, parent and name): equal keys give equal name tables.
 */
function nameTableKey(tables: readonly IndicatorTable[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const table of tables) {
    for (const indicator of table.indicators) {
      if (seen.has(indicator.key)) continue;
      seen.add(indicator.key);
      parts.push(indicator.key, String(indicator.level), indicator.parent, indicator.name);
    }
  }
  return parts.join('\u0001');
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
  return text.includes('元') && (text.includes('其中') || text.includes('用于') || text.includes('包括') || text.includes('为：') || text.includes('为:'));
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
    const formulas = recognizeFormulas(context, sentence, literals);
    out.formulas.push(...formulas, ...recognizeRatesInWords(context, sentence, literals, formulas));
    if (sentence.text.includes('附件')) out.annexReferences.push(...recognizeAnnexReferences(sentence));
  }
  if (mayHoldParts(paragraph.text)) {
    from = 0;
    let previous: { sentence: TextSpan; numbers: NumberLiteral[] } | undefined;
    for (const sentence of splitSentences(paragraph.text, { base, clauses: false })) {
      const { literals, next } = literalsIn(all, sentence.range, from);
      from = next;
      const parts = recognizeParts(sentence, literals) ?? (previous && recognizeAmongAfter(previous, sentence, literals));
      if (parts) out.partsClaims.push(parts);
      previous = { sentence, numbers: literals };
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

/** What one paragraph contributes: its recognitions and the annex titles among its lines. */
interface ParagraphYield extends ParagraphResult {
  annexes: Annex[];
}

/** `local` is the paragraph's own context (paragraphContext), in the cached and the uncached build alike. */
function paragraphYield(local: ParagraphContext, text: string, paragraph: Paragraph): ParagraphYield {
  return { ...recognizeParagraph(local, paragraph), annexes: recognizeAnnexes(text, [], [paragraph]) };
}

/** Paragraph memos of one name table (the memo keys do not hold the name table). */
interface ProseGeneration {
  index: IndicatorIndex;
  paragraphs: PlacedMemo<ParagraphYield>;
}

/** Name tables kept: renaming an indicator and undoing it are both hits. */
const GENERATIONS = 2;
/** Paragraphs kept per name table, at least twice the document's (see BlockCache.reserve). */
const PARAGRAPHS = 4000;

/**
 * The memo key of a paragraph: its text and every field of the titles it sees (paragraphContext).
 * The title above counts by content only (its place is mapped on reuse); titles inside the
 * paragraph count with their place relative to it.
 */
function paragraphKey(memo: PlacedMemo<ParagraphYield>, context: ParagraphContext, paragraph: Paragraph): { key: string; above?: SectionTitle } {
  const origin = paragraph.range.start;
  const parts: string[] = [];
  let above: SectionTitle | undefined;
  for (const title of context.sections.titles) {
    const inside = title.start >= origin;
    if (!inside) above = title;
    const place = inside ? `${title.start - origin}:${title.titleRange.start - origin}:${title.titleRange.end - origin}` : '^';
    parts.push(place, title.title, String(title.heading), String(title.inline), title.indicator?.key ?? '');
  }
  // the paragraph's object is the structure memo's: it lives as long as the paragraph's text is unchanged
  return { key: memo.keyOf(paragraph, parts.join('\u0000'), () => paragraph.text), above };
}

function cachedParagraph(memo: PlacedMemo<ParagraphYield>, context: ParagraphContext, text: string, paragraph: Paragraph): ParagraphYield {
  const local = paragraphContext(context, paragraph);
  const { key, above } = paragraphKey(memo, local, paragraph);
  // ranges inside the paragraph move with it, a range before it (the title above) with that title
  const place = { at: paragraph.range.start, before: above?.titleRange.start };
  return memo.take(key, place, () => clone(paragraphYield(local, text, paragraph)), paragraph);
}

/** Facts cited in a table's cells (评分说明): read from each cell's source, not its plain text. */
function tableFacts(text: string, table: Table): Fact[] {
  const out: Fact[] = [];
  for (const cell of table.cells) {
    if (cell.header || cell.range.end <= cell.range.start || !mayHoldFacts(text, cell.range.start, cell.range.end)) continue;
    const source = text.slice(cell.range.start, cell.range.end);
    const quoted = quotedPassages(source, cell.range.start);
    for (const fact of recognizeFacts({ text: source, range: cell.range })) if (!isQuoted(quoted, fact.span.range)) out.push(fact);
  }
  return out;
}

/** tableFacts memoised by the table's source (its cells are read from it alone). */
function cachedTableFacts(memo: PlacedMemo<Fact[]>, text: string, table: Table): Fact[] {
  const key = memo.keyOf(table, table.format, () => text.slice(table.range.start, table.range.end));
  return memo.take(key, { at: table.range.start }, () => clone(tableFacts(text, table)), table);
}

/** The paragraph memo for the document's name table (created, with its name table, on first use). */
function generationFor(cache: BlockCache, tables: readonly IndicatorTable[]): ProseGeneration {
  const generations = cache.memo<ProseGeneration>('prose', GENERATIONS);
  const key = nameTableKey(tables);
  let generation = generations.get(key);
  if (!generation) {
    generation = { index: buildIndicatorIndex(tables), paragraphs: new PlacedMemo(new Lru(PARAGRAPHS)) };
    generations.set(key, generation);
  }
  return generation;
}

/**
 * @param cache the document's cache: paragraphs and tables seen in an earlier build (see the
 *   header) are not recognized again.
 */
export function recognizeProse(input: ProseInput, cache?: BlockCache): ProseResult {
  const generation = cache ? generationFor(cache, input.indicatorTables) : undefined;
  generation?.paragraphs.reserve(2 * input.paragraphs.length);
  const context = documentContext(input, generation?.index);
  generation?.paragraphs.beginPass();
  const cellFacts = cache?.placed<Fact[]>('cellFacts');
  cellFacts?.beginPass();
  const result: ProseResult = {
    claims: [], countClaims: [], formulas: [], partsClaims: [], facts: [], annexes: recognizeAnnexes(input.text, input.headings, []), annexReferences: [], notices: [],
    indicatorRules: recognizeScoringRules(input.indicatorTables),
  };
  for (const paragraph of input.paragraphs) {
    const found = generation ? cachedParagraph(generation.paragraphs, context, input.text, paragraph) : paragraphYield(paragraphContext(context, paragraph), input.text, paragraph);
    result.claims.push(...found.claims);
    result.countClaims.push(...found.countClaims);
    result.formulas.push(...found.formulas);
    result.partsClaims.push(...found.partsClaims);
    result.facts.push(...found.facts);
    result.annexReferences.push(...found.annexReferences);
    result.annexes.push(...found.annexes);
  }
  for (const table of input.tables) result.facts.push(...(cellFacts ? cachedTableFacts(cellFacts, input.text, table) : tableFacts(input.text, table)));
  result.facts.sort((a, b) => a.span.range.start - b.span.range.start);
  result.annexes.sort((a, b) => a.range.start - b.range.start);
  if (result.annexes.some((annex) => annex.title.text === '')) result.annexes = withTopicsFromBelow(result.annexes, input.paragraphs);
  return result;
}
