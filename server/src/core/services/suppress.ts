/**
 * "Disable this rule here" edits. In prose: `<!-- tally-disable-next-line rule -->` on its own
 * line above the flagged line (indented like it, so a list item stays one). Inside a table a
 * comment line between rows would break the table, and a next-line comment above it would only
 * cover its caption, so the whole table is wrapped in `tally-disable rule` … `tally-enable rule`.
 */
import type { Range, ReportModel } from '../model/types';
import type { Localized, TextEdit } from '../engine/types';

export interface Suppression {
  title: Localized;
  edits: TextEdit[];
}

export function suppressionFor(model: ReportModel, ruleId: string, range: Range): Suppression {
  const table = model.tables.find((item) => item.range.start <= range.start && range.start < item.range.end);
  if (table) {
    const caption = table.caption && table.caption.range.end <= table.range.start ? table.caption.range.start : table.range.start;
    const top = lineStart(model.text, caption);
    const indent = indentAt(model.text, top);
    const eol = eolOf(model.text);
    return {
      title: { zh: `在此表格中停用规则 ${ruleId}`, en: `Disable ${ruleId} for this table` },
      edits: [
        { range: { start: top, end: top }, newText: `${indent}<!-- tally-disable ${ruleId} -->${eol}${eol}` },
        { range: { start: table.range.end, end: table.range.end }, newText: `${eol}${eol}${indent}<!-- tally-enable ${ruleId} -->` },
      ],
    };
  }
  const start = lineStart(model.text, range.start);
  const indent = indentAt(model.text, start);
  return {
    title: { zh: `在此行停用规则 ${ruleId}`, en: `Disable ${ruleId} for this line` },
    edits: [{ range: { start, end: start }, newText: `${indent}<!-- tally-disable-next-line ${ruleId} -->${eolOf(model.text)}` }],
  };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Leading spaces/tabs of the line at `start` (list items and block quotes keep their nesting). */
function indentAt(text: string, start: number): string {
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
