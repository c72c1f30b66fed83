/**
 * parse/fastBlocks.ts builds the mdast of simple blocks without remark. Whenever it answers, its
 * tree must be the one remark gives for the block alone, to the position; and it must keep
 * answering for the blocks reports are made of, or the fast path would silently stop working.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it, vi } from 'vitest';
import { generateReport } from '../../bench/generate';
import { BlockCache, parseDocument } from '../../server/src/core/parse/blocks';
import { fastParse } from '../../server/src/core/parse/fastBlocks';
import { parseMarkdown } from '../../server/src/core/parse/remark';
import { render, treeArb } from './report-generator';

// the remark parses parseDocument makes are counted (and still made)
vi.mock('../../server/src/core/parse/remark', async (importOriginal) => {
  const remark = await importOriginal<typeof import('../../server/src/core/parse/remark')>();
  return { parseMarkdown: vi.fn(remark.parseMarkdown) };
});

const processor = unified().use(remarkParse).use(remarkGfm);
const ROOT = join(__dirname, '../..');

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return name.endsWith('.md') ? [full] : [];
  });
}

/** The texts of the blocks remark parses (html tables and front matter never reach it). */
function blockTexts(text: string): string[] {
  return parseDocument(text)
    .blocks.filter((block) => block.kind !== 'htmlTable' && block.kind !== 'frontMatter')
    .map((block) => block.text);
}

const files = [...markdownFiles(join(ROOT, 'samples')), ...markdownFiles(join(ROOT, 'test/fixtures'))].map((file) => readFileSync(file, 'utf8'));
const generated = [generateReport(7, 100_000), ...fc.sample(treeArb, { numRuns: 20, seed: 42 }).map((tree) => render(tree).text)];
const corpus = [...new Set([...files, ...generated].flatMap(blockTexts))];

/** fastParse's tree equals remark's whenever there is one; returns whether there was. */
function agreesWithRemark(text: string): boolean {
  const fast = fastParse(text);
  if (fast) expect(fast, JSON.stringify(text)).toStrictEqual(processor.parse(text).children);
  return fast !== undefined;
}

describe('fastParse', () => {
  it('gives the tree remark gives for every block of the samples, fixtures and generated reports', () => {
    expect(corpus.length).toBeGreaterThan(1000);
    const fast = corpus.filter(agreesWithRemark).length;
    // paragraphs, headings, tables, simple lists and breaks are most blocks (about 90%); the rest (code, links, nested lists, HTML) goes to remark
    expect(fast / corpus.length).toBeGreaterThan(0.85);
  });

  it('takes every Markdown block of the report samples', () => {
    // formulas with `*` as a multiplication sign, questionnaires with `*___` blanks, `>` in scoring rules: all on the fast path
    for (const name of ['seed-report.md', 'seed-report-html.md', 'dept-overall-report.md', 'self-eval-report.md']) {
      const left = blockTexts(readFileSync(join(ROOT, 'samples', name), 'utf8')).filter((text) => !fastParse(text));
      expect(left, name).toEqual([]);
    }
  });

  it.each([
    ['a plain CJK paragraph', '近几年，中央多次会议强调“三大攻坚战”的战略部署（2020 年 6 月）。\n第二行：95.18 分，评级为“优”。'],
    ['a paragraph numbered without a space', '1.昌吉州金融办处置非法集资监测预警平台建设维护经费项目2020 年主要已完成：'],
    ['a paragraph indented with ideographic spaces', '\u3000\u3000本项目预算 10 万元。\u3000'],
    ['a heading', '### （一）项目决策情况'],
    ['a table with merged cells written empty', '| 一级指标 | 二级指标 | 分值 |\n| --- | :-: | ---: |\n| 决策 | 项目立项 | 5 |\n| | | 4 |\n| 合计 | | 100 分 |'],
    ['a table without outer pipes at the end', '| 指标 | 分值\n|---|---\n| 产出 | 40'],
    ['a table with pandoc line breaks', '| 一级指标 | 分值 |\n| --- | --- |\n| 决策<br />(20 分） | 20<br>分<br/> |'],
    ['a questionnaire item: brackets and a lone star', '3.您是否了解或者听说过“非法集资监测预警”平台？ [单选题] *'],
    ['an ordered list item', '1. 您的姓名 [填空题] *'],
    ['an ordered list item numbered from 7', '7. 您认为本项目资金是否达到了预期效果？'],
    ['a list of items with `)`', '1) 访谈对象\n2) 访谈内容\n10) 其他'],
    ['a bullet list', '- 项目立项\n- 绩效目标 _ 待定\n- 资金投入'],
    ['a star bullet list', '* 项目立项\n* 绩效目标'],
    ['an answer blank', '_________________________________'],
    ['a thematic break with spaces', '- - -'],
    ['a star thematic break', '***'],
    ['a formula whose `*` make emphasis', '满意度（%）=［“非常满意”人数*100%+“满意”人数*80%/总人数*100%］*100%=86.36%'],
    ['a star at the start of a line', '得分\n*注：单位为分'],
    ['stars and underscores together', '*___'],
    ['strong emphasis', '得分 **95** 分'],
    ['emphasis across lines', '得分 *95\n分* 整'],
    ['nested emphasis', '***强调*与加粗**'],
    ['the rule of 3', '*foo**bar**baz*'],
    ['underscores inside a word', 'snake_case_name 与 _强调_'],
    ['emphasis in a list item', '1. 人数*100%+人数*80%'],
    ['emphasis in table cells', '| 公式 | 分值 |\n| --- | --- |\n| 人数*100%+人数*80% | **2.5**<br>分 |'],
    ['emphasis in a heading', '## 评分*说明*'],
  ])('takes %s', (_name, text) => {
    expect(agreesWithRemark(text)).toBe(true);
  });

  it.each([
    ['a nested list', '1. 项目立项\n   - 立项依据'],
    ['a list item continued on a line of its own', '1. 项目立项\n立项依据充分'],
    ['a list item holding a list', '- 1. 项目立项'],
    ['a list item holding a heading', '- # 项目立项'],
    ['a task list item', '- [ ] 项目立项'],
    ['lists of two bullets', '- 项目立项\n+ 绩效目标'],
    ['lists of two delimiters', '1. 项目立项\n2) 绩效目标'],
    ['a list item with two spaces after the marker', '1.  项目立项'],
    ['an empty list item', '1.\n2. 项目立项'],
    ['ten digits before the dot', '1234567890. 项目立项'],
    ['an inline link', '详见[附件](a.md)'],
    ['a footnote call', '详见[^1]'],
    ['a block starting with a bracket (it may be a definition)', '[1]: a.md'],
    ['a hard break', '第一行  \n第二行'],
    ['an autolink literal', '详见 www.example.com'],
    ['a setext heading', '标题\n==='],
    ['a table whose rows differ in width', '| a | b |\n| - | - |\n| 1 |'],
    ['a table without a delimiter row', '| a | b |\n| 1 | 2 |'],
    ['a table under a line of text without pipes', '指标\n:-'],
    ['a thematic break of mixed characters', '-*-'],
    ['a star item (a list interrupting the paragraph)', '得分\n* 注'],
    ['a line of stars (a thematic break interrupting the paragraph)', '得分\n* * *'],
    ['an item that is a thematic break', '* **\n* 注'],
    ['two lines of underscores (a setext heading?)', '___\n___'],
  ])('leaves %s to remark', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it('gives the tree remark gives for mutated blocks', () => {
    const tableBlocks = corpus.filter((text) => text.startsWith('|'));
    const blockArb = fc.oneof(fc.constantFrom(...corpus), fc.constantFrom(...tableBlocks));
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(blockArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), (block, edits) => {
        runs++;
        if (agreesWithRemark(edits.reduce(applyEdit, block))) fast++;
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 3000) },
    );
    // the mutations stay close enough to simple blocks that the fast path is exercised (about a
    // fifth of the runs; the bound is far below that so that a random seed never fails it)
    expect(fast / runs).toBeGreaterThan(0.1);
  });

  it.each([
    ['paragraphs, headings and tables', fc.oneof(paragraphArb, headingArb, tableArb)],
    ['emphasis', emphasisArb],
    ['lists', listArb],
    ['thematic breaks', thematicBreakArb],
  ])('gives the tree remark gives for %s made of the pieces', (_name, arbitrary) => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(arbitrary, (text) => {
        runs++;
        if (agreesWithRemark(text)) fast++;
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 3000) },
    );
    // the generators reach the fast path in about a fifth to a quarter of the runs (see above)
    expect(fast / runs).toBeGreaterThan(0.1);
  });
});

describe('parseDocument with the fast path', () => {
  it('does not call remark for a report of simple blocks', () => {
    vi.mocked(parseMarkdown).mockClear();
    const doc = parseDocument(generateReport(3, 20_000), new BlockCache());
    expect(doc.blocks.length).toBeGreaterThan(50);
    expect(parseMarkdown).not.toHaveBeenCalled();
  });

  it('sends the other blocks to remark and gives every block the tree remark gives it', () => {
    vi.mocked(parseMarkdown).mockClear();
    const text = '# 标题\n\n段落 1\n\n1. 列表\n\n1. 列表\n   - 子项\n\n得分 **95** 分\n\n详见[附件](a.md)\n\n| a | b |\n| - | - |\n| 1 | 2 |';
    const doc = parseDocument(text, new BlockCache());
    expect(parseMarkdown).toHaveBeenCalledTimes(1); // one batch: the nested list and the link
    for (const block of doc.blocks) expect(block.root.children).toStrictEqual(processor.parse(block.text).children);
  });
});

/**
 * Pieces that make, break or sit next to the syntax the fast path must recognise: mostly ones a
 * simple block may hold (so that mutated blocks often stay on the fast path, at its edges), and
 * the characters that must send a block to remark.
 */
const EDGE_PIECES = [
  '|', ' | ', '||', ':', '#', '# ', '=', '+', '-', '.', ')', ' ', '  ', '\u3000', '\u00a0', '\n', '0', '1', '9', '1.', '1. ', '2)',
  '- ', '---', ':-:', '字', '分', '𠀀', '<br>', '<br />', '<br/>', 'ww', 'h', 'http', 'w.',
  ' *', ' **', ' _', ' __', '[填空题]', ' [单选题] *',
];
/** Pieces that make or break lists and thematic breaks. */
const LIST_PIECES = ['___', '***', '* ', '+ ', '10. ', '1) ', '\n- ', '\n* ', '\n1. ', '\n2) ', '\n   ', '\n___'];
const SYNTAX_PIECES = [
  '*', '_', '\\', '<', '>', '`', '~', '[', ']', '!', '&', '@', '\t', '\r', '\n\n', '\0', '\ufeff', '<BR>', '<b>', 'www.', 'http://', 'HTTPS://', 'a@b.cn',
  '](', '](a)', '[^', '[^1]', '[ ] ', '[x] ', '*a*', '_a_', '**',
];
const pieceArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_PIECES) },
  { weight: 1, arbitrary: fc.constantFrom(...LIST_PIECES) },
  { weight: 1, arbitrary: fc.constantFrom(...SYNTAX_PIECES) },
);

/** Short texts of the three shapes the fast path takes, made of plain words and the pieces. */
const wordArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('字', '分值', '95.5', '（一）', '“优”', '1.', 'a') }, { weight: 1, arbitrary: pieceArb });
const inlineArb = fc.array(wordArb, { minLength: 0, maxLength: 5 }).map((words) => words.join(''));
const paragraphArb = fc.array(inlineArb, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
/**
 * Texts made mostly of `*` and `_` runs between characters of each class micromark tells apart
 * (letters, CJK, digits, ASCII and CJK punctuation, spaces, line ends), in paragraphs, list items,
 * headings and table cells.
 */
const emphasisWordArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('*', '**', '***', '_', '__', '___', '****') },
  { weight: 4, arbitrary: fc.constantFrom('字', 'a', '1', '%', '“', '”', '（', '）', '。', '+', '/', ' ', '\u3000', '𠀀', '人数', '100%') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '<br>', '|', '[x]', '- ', '1. ') },
);
const emphasisTextArb = fc.array(emphasisWordArb, { minLength: 1, maxLength: 8 }).map((words) => words.join(''));
const emphasisArb = fc.oneof(
  emphasisTextArb,
  emphasisTextArb.map((text) => `- ${text}`),
  emphasisTextArb.map((text) => `## ${text}`),
  fc.tuple(emphasisTextArb, emphasisTextArb).map(([a, b]) => `| 指标 | 分值 |\n| --- | --- |\n| ${a} | ${b} |`),
);
/** Lists of one to three items, mostly alike (one list), sometimes not, the marker's space sometimes wrong. */
const markerArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('-', '+', '*', '1.', '2.', '7.', '1)', '10.', '012.', '123456789.') },
  { weight: 1, arbitrary: fc.constantFrom('1234567890.', '-1.', '*-', '1', 'a.') },
);
const spaceArb = fc.oneof({ weight: 6, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.constantFrom('  ', '', '\u3000', '    ') });
const itemTextArb = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom('字', '分值', '95.5', '（一）', '“优”', '1.', 'a', ' [填空题]', ' *') }, { weight: 1, arbitrary: pieceArb }), { minLength: 1, maxLength: 4 }).map((words) => words.join(''));
const listArb = fc
  .tuple(markerArb, fc.array(fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: markerArb }), spaceArb, itemTextArb), { minLength: 1, maxLength: 3 }))
  .map(([marker, items]) => items.map(([own, space, text]) => `${own ?? marker}${space}${text}`).join('\n'));
/** Lines of `-`, `_` or `*` with spaces: thematic breaks, or near misses. */
const thematicBreakArb = fc
  .tuple(fc.constantFrom('-', '_', '*'), fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom('', ' ') }, { weight: 1, arbitrary: fc.constantFrom('-', '_', '*', '\n', '字', '\t') }), { minLength: 1, maxLength: 6 }))
  .map(([marker, parts]) => parts.map((part) => marker + part).join(''));
const headingArb = fc.tuple(fc.constantFrom('#', '##', '###', '#######', '#\u3000'), fc.constantFrom(' ', '  ', ''), inlineArb).map((parts) => parts.join(''));
const rowArb = (cells: number) =>
  fc.tuple(fc.array(inlineArb, { minLength: cells, maxLength: cells }), fc.constantFrom('|', '', '||', ' |')).map(([texts, end]) => `|${texts.map((t) => ` ${t} `).join('|')}${end}`);
const delimiterArb = (cells: number) =>
  fc.array(fc.constantFrom('---', ':--', '--:', ':-:', '-', ':', ' - ', '', '-- -'), { minLength: cells, maxLength: cells }).map((cs) => `|${cs.join('|')}|`);
const tableArb = fc.integer({ min: 1, max: 4 }).chain((cells) =>
  fc.tuple(rowArb(cells), delimiterArb(cells), fc.array(fc.oneof({ weight: 5, arbitrary: rowArb(cells) }, { weight: 1, arbitrary: rowArb(cells + 1) }), { maxLength: 3 })).map(([head, delimiter, body]) => [head, delimiter, ...body].join('\n')),
);

type Edit =
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'dropCell'; at: number }
  | { kind: 'clearCell'; at: number; fill: string }
  | { kind: 'dropColumn'; at: number }
  | { kind: 'dropLine'; at: number }
  | { kind: 'repeatLine'; at: number };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, piece: pieceArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropCell' as const), at }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('clearCell' as const), at, fill: fc.constantFrom('', ' ', '  ', '\u3000') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropColumn' as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropLine' as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeatLine' as const), at }) },
);

function applyEdit(text: string, edit: Edit): string {
  const offset = Math.floor(edit.at * (text.length + 1));
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, offset) + edit.piece + text.slice(offset);
    case 'delete':
      return text.slice(0, offset) + text.slice(offset + edit.length);
    case 'dropCell': {
      // from the pipe at or before `offset` to the next pipe
      const from = text.lastIndexOf('|', offset);
      const to = text.indexOf('|', from + 1);
      return from < 0 || to < 0 ? text : text.slice(0, from) + text.slice(to);
    }
    case 'clearCell': {
      // a merged cell, written empty
      const from = text.lastIndexOf('|', offset);
      const to = text.indexOf('|', from + 1);
      return from < 0 || to < 0 || text.slice(from, to).includes('\n') ? text : `${text.slice(0, from + 1)}${edit.fill}${text.slice(to)}`;
    }
    case 'dropColumn': {
      // the same cell of every row: the table stays a table
      const column = Math.floor(edit.at * 8);
      return text
        .split('\n')
        .map((line) => line.split('|').filter((_cell, i) => i !== column + 1).join('|'))
        .join('\n');
    }
    case 'dropLine':
    case 'repeatLine': {
      const lines = text.split('\n');
      const index = Math.floor(edit.at * lines.length);
      lines.splice(index, edit.kind === 'dropLine' ? 1 : 0, ...(edit.kind === 'repeatLine' ? [lines[index]] : []));
      return lines.join('\n');
    }
  }
}
