/**
 * Inline documents for the prose recognizer tests: paragraphs split at blank lines, "#" lines as
 * headings, and a minimal indicator table built from name paths.
 */
import type { Heading, Indicator, IndicatorTable, Paragraph, TextSpan } from '../../server/src/core/model/types';
import { keyOf, normalizeName } from '../../server/src/core/text/normalize';
import type { ProseInput } from '../../server/src/core/recognize/prose/index';

export function indicatorTable(paths: string[][], criteria: Record<string, string> = {}, text = ''): IndicatorTable {
  const indicators: Indicator[] = paths.map((path, i) => {
    const criterion = criteria[path[path.length - 1]];
    const at = criterion === undefined ? -1 : text.indexOf(criterion);
    const span: TextSpan | undefined = criterion === undefined ? undefined : { text: criterion, range: { start: at, end: at + criterion.length } };
    return {
      key: keyOf(path),
      path: path.map(normalizeName),
      level: path.length as 1 | 2 | 3 | 4,
      name: path[path.length - 1],
      nameRange: { start: 0, end: 0 },
      weightParts: [],
      criterion: span,
      children: paths.filter((p) => p.length === path.length + 1 && keyOf(p.slice(0, -1)) === keyOf(path)).map(keyOf),
      parent: path.length === 1 ? '' : keyOf(path.slice(0, -1)),
      tableIndex: 0,
      rows: { start: i, end: i + 1 },
    };
  });
  return { tableIndex: 0, depth: 3, columns: [], indicators, totals: [], annex: false };
}

/** Paragraphs are blocks separated by blank lines; a block starting with "#" is a heading. */
export function proseInput(text: string, tables: IndicatorTable[] = []): ProseInput {
  const paragraphs: Paragraph[] = [];
  const headings: Heading[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n\n', start);
    if (end < 0) end = text.length;
    const block = text.slice(start, end);
    const lead = block.length - block.trimStart().length;
    const body = block.trim();
    const range = { start: start + lead, end: start + lead + body.length };
    if (body.startsWith('#')) headings.push({ depth: body.length - body.replace(/^#+/u, '').length, text: body.replace(/^#+\s*/u, ''), range });
    else if (body.length > 0) paragraphs.push({ text: body, range, headingPath: headings.map((h) => h.text) });
    start = end + 2;
  }
  return { text, paragraphs, headings, tables: [], indicatorTables: tables };
}

/** Seed-like indicator tree. */
export const TREE: string[][] = [
  ['决策'], ['决策', '项目立项'], ['决策', '项目立项', '立项依据充分性'], ['决策', '项目立项', '立项程序规范性'],
  ['决策', '绩效目标'], ['决策', '绩效目标', '绩效目标合理性'], ['决策', '绩效目标', '绩效指标明确性'],
  ['决策', '资金投入'], ['决策', '资金投入', '预算编制科学性'], ['决策', '资金投入', '资金分配合理性'],
  ['过程'], ['过程', '资金管理'], ['过程', '资金管理', '资金到位率'], ['过程', '资金管理', '预算执行率'],
  ['过程', '组织实施'], ['过程', '组织实施', '制度执行有效性'],
  ['效益'], ['效益', '满意度'], ['效益', '满意度', '使用效果满意度'],
];
