/**
 * The fast path of the block parser. Most blocks of a report are paragraphs of plain text, short
 * ATX headings and GFM pipe tables whose cells hold plain text; questionnaires and interview
 * outlines add one-line list items and `___` answer blanks (thematic breaks). For those the mdast
 * is built by a scan, node for node and position for position what `unified().use(remarkParse)
 * .use(remarkGfm).parse(text).children` gives, at a small fraction of micromark's cost. Anything
 * else — any character that may start inline syntax, a line that may start another block, a
 * table micromark would read differently — is left to remark: `fastParse` answers only when it
 * is sure. test/property/fast-parse.test.ts holds it to remark on every sample block and on
 * mutations.
 */
import type { AlignType, Heading, List, ListItem, Paragraph, RootContent, Table, TableCell, TableRow, ThematicBreak } from 'mdast';
import { breakAt, phrasing, point, span, type Line } from './fastInline';

/** The mdast of `text` (one block, "\n" line endings) when it is provably simple; undefined: ask remark. */
export function fastParse(text: string): RootContent[] | undefined {
  const lines = splitLines(text);
  if (!lines) return undefined;
  const first = text.charCodeAt(0);
  let node: RootContent | undefined;
  if (first === HASH) node = heading(text, lines);
  else if (first === PIPE) node = table(text, lines);
  else if (first === DASH || first === UNDERSCORE || first === STAR) node = thematicBreak(text, lines) ?? list(text, lines) ?? paragraph(text, lines);
  else if (first === PLUS || isDigit(first)) node = list(text, lines) ?? paragraph(text, lines);
  else node = paragraph(text, lines);
  return node ? [node] : undefined;
}

const SPACE = 32;
const HASH = 35;
const PIPE = 124;
const COLON = 58;
const DASH = 45;
const PLUS = 43;
const STAR = 42;
const UNDERSCORE = 95;
const OPEN_BRACKET = 91;

/** The lines of `text`; undefined when one is empty or ends in a space (a blank line, a hard break). */
function splitLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end === start || text.charCodeAt(end - 1) === SPACE) return undefined;
    lines.push({ number: lines.length + 1, start, end });
    if (end === text.length) return lines;
    start = end + 1;
  }
}

/*
 * Inline syntax: a character that may start a construct of CommonMark or GFM (escape, code span,
 * strikethrough, link, image and footnote, HTML and autolink, character reference, email autolink
 * literal), a URL autolink literal, or a character micromark rewrites (NUL, tab,
 * "\r" and the other controls, a byte order mark). Regular expressions rather than a loop over
 * the characters: they run natively from the first call, while such a loop runs in V8's
 * interpreter for most of a cold CLI run (a cold fastParse of the seed report's blocks took
 * 28 ms with the loop, 12 ms with these).
 */
// eslint-disable-next-line no-control-regex -- control characters are among what it looks for
const INLINE_SYNTAX = /[\0-\t\v-\x1f\\`[\]!&~@<>|\ufeff]|www\.|https?:/i;
/** INLINE_SYNTAX without `[` and `]`, which paragraphs and list items may hold as text (see `plainText`), and `>`, which is text but at the start of a line (a block quote). */
// eslint-disable-next-line no-control-regex -- as above
const STRICT_SYNTAX = /[\0-\t\v-\x1f\\`!&~@<|\ufeff]|www\.|https?:/i;
/** The same in a table, where `|` separates cells, `>` is text and `<` may only start a `<br>` (checked apart). */
// eslint-disable-next-line no-control-regex -- as above
const CELL_SYNTAX = /[\0-\t\v-\x1f\\`[\]!&~@\ufeff]|www\.|https?:/i;

/** Is every `<` of `text` the start of a `<br>` form? (A `>` without one is text.) */
function onlyBreaks(text: string): boolean {
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) if (!breakAt(text, i)) return false;
  return true;
}

/**
 * Is `content` (a paragraph, or the text of a list item) text and emphasis only for micromark
 * (see fastInline.ts for `*` and `_`)? Beyond the characters of STRICT_SYNTAX, which never are,
 * `[` and `]` are text unless they make a link or a footnote call. A block parsed alone holds no
 * definitions but those at the start of its content (a definition cannot interrupt a paragraph),
 * so without a leading `[` only an inline link (`](`) or a footnote call (`[^`) could use them.
 * (`[填空题]` in questionnaires.)
 */
function plainText(content: string): boolean {
  if (STRICT_SYNTAX.test(content) || content.charCodeAt(0) === OPEN_BRACKET) return false;
  return !content.includes('](') && !content.includes('[^');
}

// ---------------------------------------------------------------------------------------------
// Headings: `#`–`######`, one space, plain text (no closing sequence).

function heading(text: string, lines: Line[]): Heading | undefined {
  if (lines.length !== 1 || INLINE_SYNTAX.test(text)) return undefined;
  let depth = 0;
  while (text.charCodeAt(depth) === HASH) depth++;
  const start = depth + 1;
  if (depth > 6 || text.charCodeAt(depth) !== SPACE || start >= text.length) return undefined;
  // a leading space is skipped by micromark, a trailing `#` may close the heading
  if (text.charCodeAt(start) === SPACE || text.charCodeAt(text.length - 1) === HASH) return undefined;
  const line = lines[0];
  const children = phrasing(text, lines, start, text.length);
  return { type: 'heading', depth: depth as Heading['depth'], children, position: span(line, 0, text.length) };
}

// ---------------------------------------------------------------------------------------------
// Paragraphs: lines of plain text that cannot start or interrupt another block.

function paragraph(text: string, lines: Line[]): Paragraph | undefined {
  if (!plainText(text)) return undefined;
  for (const line of lines) if (opensBlock(text, line.start, line.end)) return undefined;
  return { type: 'paragraph', children: phrasing(text, lines, 0, text.length), position: { start: point(lines[0], 0), end: point(lines[lines.length - 1], text.length) } };
}

/** May `text[start, end)`, at the start of a line, open a block (and so interrupt a paragraph)? */
function opensBlock(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (LINE_STARTS.has(first) || startsOrderedItem(text, start, end)) return true;
  // `*` and a space (or nothing) is a bullet item; three `*` or `_`, spaces between, a thematic break
  if (first === STAR && (start + 1 === end || text.charCodeAt(start + 1) === SPACE)) return true;
  return (first === STAR || first === UNDERSCORE) && isThematicBreak(text, start, end);
}

/**
 * Characters that may open a block at the start of a line: indentation, ATX heading, block quote,
 * bullet list and thematic break, setext underline, and `:` (a line like `:-` under a line of text
 * is a GFM table delimiter row even without pipes). The others (fences, HTML, definitions) are
 * inline syntax characters anyway.
 */
const LINE_STARTS = new Set([SPACE, HASH, 0x3e, DASH, 0x2b, 0x3d, COLON]);

/** Digits, then `.` or `)`, then a space or the end of the line: an ordered list item ("1.昌吉…" is not). */
function startsOrderedItem(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i === start || i >= end) return false;
  const marker = text.charCodeAt(i);
  if (marker !== 0x2e && marker !== 0x29) return false;
  return i + 1 === end || text.charCodeAt(i + 1) === SPACE;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// ---------------------------------------------------------------------------------------------
// Thematic breaks: one line of three or more of the same `-`, `_` or `*`, spaces between allowed
// (the `___` answer blanks of questionnaires). It takes precedence over a list item (`- - -`).

function thematicBreak(text: string, lines: Line[]): ThematicBreak | undefined {
  if (lines.length !== 1 || !isThematicBreak(text, 0, text.length)) return undefined;
  return { type: 'thematicBreak', position: span(lines[0], 0, text.length) };
}

function isThematicBreak(text: string, start: number, end: number): boolean {
  const marker = text.charCodeAt(start);
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === marker) count++;
    else if (code !== SPACE) return false;
  }
  return count >= 3;
}

// ---------------------------------------------------------------------------------------------
// Lists: every line is an item of one list (the same bullet, or the same delimiter after 1–9
// digits), the marker followed by one space and plain text that cannot open a block of its own
// (a nested list, a heading, a quote…). No line continues an item, so nothing is nested or lazy,
// and with no blank line the list and its items are tight.

function list(text: string, lines: Line[]): List | undefined {
  const items: ListItem[] = [];
  let kind: number | undefined;
  let start: number | null = null;
  for (const line of lines) {
    // `* **` is a thematic break, not an item
    const marker = isThematicBreak(text, line.start, line.end) ? undefined : itemMarker(text, line);
    if (!marker) return undefined;
    if (kind === undefined) {
      kind = marker.kind;
      start = marker.number;
    } else if (marker.kind !== kind) return undefined;
    const content = marker.end + 1;
    if (text.charCodeAt(marker.end) !== SPACE || content >= line.end) return undefined;
    if (opensBlock(text, content, line.end) || !plainText(text.slice(content, line.end))) return undefined;
    const paragraph: Paragraph = { type: 'paragraph', children: phrasing(text, [line], content, line.end), position: span(line, content, line.end) };
    items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: span(line, line.start, line.end) });
  }
  const last = lines[lines.length - 1];
  return { type: 'list', ordered: start !== null, start, spread: false, children: items, position: { start: point(lines[0], 0), end: point(last, last.end) } };
}

/**
 * The list marker at the start of `line`: its kind (the bullet, or the `.` or `)` after the
 * digits), the number of an ordered item, and where the marker ends.
 */
function itemMarker(text: string, line: Line): { kind: number; number: number | null; end: number } | undefined {
  const first = text.charCodeAt(line.start);
  if (first === DASH || first === PLUS || first === STAR) return { kind: first, number: null, end: line.start + 1 };
  let i = line.start;
  while (i < line.end && i - line.start < 10 && isDigit(text.charCodeAt(i))) i++;
  const digits = i - line.start;
  const delimiter = text.charCodeAt(i);
  if (digits === 0 || digits > 9 || (delimiter !== 0x2e && delimiter !== 0x29)) return undefined;
  return { kind: delimiter, number: Number.parseInt(text.slice(line.start, i), 10), end: i + 1 };
}

// ---------------------------------------------------------------------------------------------
// Pipe tables: every line starts with `|`, line 2 is the delimiter row, every row has as many
// cells as the header. Cell positions follow micromark-extension-gfm-table: a cell runs from its
// leading pipe to the next pipe; the last cell of a row runs to the end of the line (so it holds
// the closing pipe, if any). A pipe that ends the line opens no cell.

function table(text: string, lines: Line[]): Table | undefined {
  if (lines.length < 2 || lines[0].end - lines[0].start < 2) return undefined; // "|" alone is no header
  if (CELL_SYNTAX.test(text) || !onlyBreaks(text)) return undefined;
  const align = delimiterRow(text, lines[1]);
  if (!align) return undefined;
  const rows: TableRow[] = [];
  for (const line of lines) {
    if (line.number === 2) continue;
    const row = tableRow(text, line);
    if (!row || row.children.length !== align.length) return undefined;
    rows.push(row);
  }
  const last = lines[lines.length - 1];
  return { type: 'table', align, children: rows, position: { start: point(lines[0], 0), end: point(last, last.end) } };
}

function tableRow(text: string, line: Line): TableRow | undefined {
  if (text.charCodeAt(line.start) !== PIPE) return undefined;
  const pipes: number[] = [];
  for (let i = line.start; i >= 0 && i < line.end; i = text.indexOf('|', i + 1)) pipes.push(i);
  const closed = pipes.length > 1 && pipes[pipes.length - 1] === line.end - 1;
  const count = closed ? pipes.length - 1 : pipes.length;
  const children: TableCell[] = [];
  for (let c = 0; c < count; c++) {
    const to = c + 1 < pipes.length ? pipes[c + 1] : line.end;
    children.push(tableCell(text, line, pipes[c], to, c === count - 1 ? line.end : to));
  }
  return { type: 'tableRow', children, position: span(line, line.start, line.end) };
}

/** The cell whose leading pipe is at `pipe`, content up to `to`, node up to `end`. */
function tableCell(text: string, line: Line, pipe: number, to: number, end: number): TableCell {
  let start = pipe + 1;
  while (start < to && text.charCodeAt(start) === SPACE) start++;
  let stop = to;
  while (stop > start && text.charCodeAt(stop - 1) === SPACE) stop--;
  return { type: 'tableCell', children: phrasing(text, [line], start, stop), position: span(line, pipe, end) };
}

/** The alignments of a delimiter row (`| :-- | --: | :-: | --- |`), or undefined when it is none. */
function delimiterRow(text: string, line: Line): AlignType[] | undefined {
  const align: AlignType[] = [];
  let i = line.start;
  if (text.charCodeAt(i) !== PIPE) return undefined;
  i++;
  for (;;) {
    while (i < line.end && text.charCodeAt(i) === SPACE) i++;
    if (i === line.end) return align;
    const left = text.charCodeAt(i) === COLON;
    if (left) i++;
    const dashes = i;
    while (i < line.end && text.charCodeAt(i) === DASH) i++;
    if (i === dashes) return undefined;
    const right = text.charCodeAt(i) === COLON;
    if (right) i++;
    align.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
    while (i < line.end && text.charCodeAt(i) === SPACE) i++;
    if (i === line.end) return align;
    if (text.charCodeAt(i) !== PIPE) return undefined;
    i++;
  }
}
