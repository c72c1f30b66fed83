import { describe, expect, it } from 'vitest';
import { BlockCache, parseDocument } from '../../server/src/core/parse/blocks';
import { extractStructure } from '../../server/src/core/parse/structure';
import { buildModel } from '../../server/src/core/model/build';
import { modelToJson } from '../../server/src/core/model/serialize';
import { expectLiteralsExact } from './recognize-tables.helpers';

const PIPE = [
  '---',
  'tally:',
  '  tolerance: 0.01',
  '---',
  '',
  '# 三、评价指标分析',
  '',
  '## （一）决策情况',
  '',
  '表 3-1 项目决策指标及分值',
  '',
  '| 一级指标 | 分值 | 三级指标 | 得分 |',
  '|---|---|---|---|',
  '| **项目决策** | 20 | 立项依据充分性<br>（含说明） | [2.5](http://x/9.html) |',
  '|  | | 绩效目标 \\| 合理性 | ９５．１８ |',
  '| 只有一格 |',
  '',
  '- 列表项 一，得分 2 分',
  '',
  '  续行段落',
  '',
  '> 引用段落',
  '',
].join('\n');

describe('parseDocument', () => {
  it('cuts blocks at blank lines but keeps fences, comments and HTML tables whole', () => {
    const text = ['段落一', '', '```', 'a', '', 'b', '```', '', '<!-- x', '', 'y -->', '<table>', '<tr><td>1', '', '2</td></tr>', '</table>', '', '# 标题', '正文'].join('\n');
    const doc = parseDocument(text);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['markdown', 'code', 'htmlComment', 'htmlTable', 'heading', 'markdown']);
    for (const block of doc.blocks) expect(text.slice(block.start, block.end)).toBe(block.text);
    expect(doc.blocks[3].text).toBe('<table>\n<tr><td>1\n\n2</td></tr>\n</table>');
  });

  it('keeps front matter only at the top and list continuations with their list', () => {
    const doc = parseDocument(PIPE);
    expect(doc.blocks[0].kind).toBe('frontMatter');
    const list = doc.blocks.find((b) => b.text.startsWith('- 列表项'));
    expect(list?.text).toBe('- 列表项 一，得分 2 分\n\n  续行段落');
  });

  it('reuses cached blocks: an edit re-parses only the edited blocks, moved blocks are hits', () => {
    const cache = new BlockCache();
    const paragraphs = Array.from({ length: 20 }, (_, i) => `第${i}段，得分 ${i} 分。`);
    const text = paragraphs.join('\n\n');
    parseDocument(text, cache);
    expect(cache.misses).toBe(20);
    const edited = [...paragraphs];
    edited[3] = '第3段，得分 30 分。';
    edited[15] = '第15段改过。';
    edited.unshift('新的一段。'); // everything else moves
    cache.hits = 0;
    cache.misses = 0;
    parseDocument(edited.join('\n\n'), cache);
    expect(cache.misses).toBe(3);
    expect(cache.hits).toBe(18);
  });

  it('evicts least recently used entries beyond its bound, which grows to twice the blocks of a document', () => {
    const cache = new BlockCache(2);
    parseDocument('a\n\nb\n\nc', cache);
    expect(cache.size).toBe(3); // the bound grew to 6: a document never evicts its own blocks
    parseDocument('d\n\ne\n\nf\n\ng', cache); // 4 blocks: bound 8, nothing evicted yet
    expect(cache.size).toBe(7);
    parseDocument('h', cache);
    parseDocument('i', cache);
    expect(cache.size).toBeLessThanOrEqual(8);
    cache.hits = 0;
    cache.misses = 0;
    parseDocument('i\n\nh', cache); // the most recently used survive
    expect(cache.hits).toBe(2);
  });
});

describe('document structure', () => {
  const model = buildModel(PIPE);

  it('reads front matter, headings with ranges and paragraphs with their heading path', () => {
    expect(model.frontMatter?.data).toEqual({ tally: { tolerance: 0.01 } });
    expect(model.headings.map((h) => [h.depth, h.text, PIPE.slice(h.range.start, h.range.end)])).toEqual([
      [1, '三、评价指标分析', '# 三、评价指标分析'],
      [2, '（一）决策情况', '## （一）决策情况'],
    ]);
    const texts = model.paragraphs.map((p) => p.text);
    expect(texts).toEqual(['表 3-1 项目决策指标及分值', '列表项 一，得分 2 分', '续行段落', '引用段落']);
    for (const p of model.paragraphs) expect(PIPE.slice(p.range.start, p.range.end)).toBe(p.text);
    expect(model.paragraphs[2].headingPath).toEqual(['三、评价指标分析', '（一）决策情况']);
  });

  it('turns a pipe table into a grid with exact trimmed cell ranges, plain text and numbers', () => {
    const [table] = model.tables;
    expect(table.format).toBe('pipe');
    expect(table.caption?.text).toBe('表 3-1 项目决策指标及分值');
    expect(table.headingPath).toEqual(['三、评价指标分析', '（一）决策情况']);
    expect(table.headerRows).toBe(1);
    const row1 = table.grid[1];
    expect(row1.map((c) => c?.text)).toEqual(['项目决策', '20', '立项依据充分性\n（含说明）', '2.5']);
    expect(PIPE.slice(row1[0]!.range.start, row1[0]!.range.end)).toBe('**项目决策**');
    // the link URL's "9" is no number; the link text's 2.5 is
    expect(row1[3]!.numbers.map((n) => n.text)).toEqual(['2.5']);
    const row2 = table.grid[2];
    expect(row2[0]!.text).toBe('');
    expect(row2[0]!.range.start).toBe(row2[0]!.range.end);
    expect(row2[2]!.text).toBe('绩效目标 | 合理性');
    expect(row2[3]!.numbers[0]).toMatchObject({ text: '９５．１８', fullWidth: true, decimals: 2 });
    // a short row is padded with empty filled cells at the row's end, so every column can be indexed
    const row3 = table.grid[3];
    expect(row3.map((c) => [c?.text, c?.filled])).toEqual([['只有一格', undefined], ['', true], ['', true], ['', true]]);
    const rowEnd = PIPE.indexOf('| 只有一格 |') + '| 只有一格 |'.length;
    expect(row3.slice(1).map((c) => [c!.range.start, c!.range.end, c!.row, c!.col])).toEqual([[rowEnd, rowEnd, 3, 1], [rowEnd, rowEnd, 3, 2], [rowEnd, rowEnd, 3, 3]]);
    expect(table.cells.filter((c) => c.filled)).toEqual(row3.slice(1));
    expectLiteralsExact(model);
  });

  it('serialises decimals as strings and grids as cell indexes', () => {
    const json = modelToJson(model) as { tables: { grid: (number | null)[][]; cells: { numbers: { value: string }[] }[] }[] };
    expect(json.tables[0].grid[1]).toEqual([4, 5, 6, 7]);
    expect(json.tables[0].cells[7].numbers[0].value).toBe('2.5');
    expect(() => JSON.stringify(json)).not.toThrow();
  });
});

describe('HTML tables', () => {
  const html = [
    '表 3-4 项目效益类指标及分值',
    '',
    '<table>',
    '<colgroup><col style="width: 10%" /></colgroup>',
    '<thead>',
    '<tr class="header">',
    '<th rowspan="2">一级<br />',
    '指标</th>',
    '<th colspan="2">分值 &amp; 得分</th>',
    '</tr>',
    '<tr><th>分值</th><th>得分</th></tr>',
    '</thead>',
    '<tbody>',
    '<tr>',
    '<td><p>效益</p>',
    '',
    '<p>（20 分）</p></td>',
    '<td>&#53;0&nbsp;分</td>',
    '<td>&ge;3.45</td>',
    '</tr>',
    '</tbody>',
    '</table>',
  ].join('\n');
  const model = buildModel(html);
  const [table] = model.tables;

  it('maps cells to exact source ranges and expands spans to the same cell object', () => {
    expect(table.format).toBe('html');
    expect(table.caption?.text).toBe('表 3-4 项目效益类指标及分值');
    expect(table.headerRows).toBe(2);
    expect(table.grid[0][0]).toBe(table.grid[1][0]);
    expect(table.grid[0][1]).toBe(table.grid[0][2]);
    expect(table.grid[0][0]!.text).toBe('一级\n指标');
    expect(table.grid[0][1]!.text).toBe('分值 & 得分');
    const body = table.grid[2];
    expect(body[0]!.text).toBe('效益\n（20 分）');
    expect(html.slice(body[0]!.range.start, body[0]!.range.end)).toBe('<p>效益</p>\n\n<p>（20 分）</p>');
    expect(body[0]!.numbers.map((n) => n.text)).toEqual(['20']);
  });

  it('never reads numbers out of tags or entity references', () => {
    const body = table.grid[2];
    // "&#53;0" is "50" on screen but the source digits are only "0"
    expect(body[1]!.numbers.map((n) => [n.text, n.unit])).toEqual([['0', '分']]);
    expect(body[2]!.numbers[0]).toMatchObject({ text: '3.45', comparator: '≥' });
    expectLiteralsExact(model);
  });

  it('survives unbalanced HTML', () => {
    const broken = buildModel('<table><tr><td rowspan="99999">1<td colspan="x">2\n\n</tr></tbody>');
    expect(broken.tables).toHaveLength(1);
    expect(broken.tables[0].grid[0].map((c) => c?.text)).toEqual(['1', '2']);
    expectLiteralsExact(broken);
  });
});

describe('directives', () => {
  it('reads disable/enable comments with and without rule ids', () => {
    const text = '<!-- tally-disable-next-line rule-a rule-b -->\n该指标得分 2 分。\n\n<!-- tally-disable -->\n\n正文 <!-- tally-enable score-sum --> 尾。\n\n<!-- 普通注释 -->';
    const { directives } = extractStructure(parseDocument(text));
    expect(directives.map((d) => [d.kind, d.rules, text.slice(d.range.start, d.range.end)])).toEqual([
      ['disable-next-line', ['rule-a', 'rule-b'], '<!-- tally-disable-next-line rule-a rule-b -->'],
      ['disable', [], '<!-- tally-disable -->'],
      ['enable', ['score-sum'], '<!-- tally-enable score-sum -->'],
    ]);
  });

  it('reports invalid front matter as a notice', () => {
    const model = buildModel('---\na: [1, 2\n---\n\n正文');
    expect(model.notices.map((n) => n.code)).toContain('front-matter-invalid');
    expect(model.paragraphs.map((p) => p.text)).toEqual(['正文']);
  });
});

describe('robustness', () => {
  const inputs: [string, string][] = [
    ['NUL bytes', 'a\u0000b\n\n| 一级指标 | 分值 |\n|---|---|\n| x\u0000 | 1 |'],
    ['binary garbage', Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
    ['headerless table', '| 1 | 2 |\n|---|---|\n| 3 |\n| 4 | 5 | 6 |'],
    ['ragged indicator table', '| 一级指标 | 二级指标 | 分值 | 得分 |\n|---|---|---|---|\n| 决策 |\n| | 立项 | 5 | 4 | 9 | 9 |\n| 合计 |'],
    ['unbalanced HTML', '<table><tr><td>一级指标<td>二级指标<td>分值\n<tr><td>决策<td rowspan=3>x<td>5</table></td></tr>'],
    ['unclosed fence and comment', '```\ncode\n\n<!-- never closed\n\n| a |'],
    ['byte order mark', '\uFEFF段落 5 分\n\n| 一级指标 | 二级指标 | 分值 | 得分 |\n|---|---|---|---|\n| 决策 | 立项 | 5 | 4 |'],
    ['CRLF', '# 标题\r\n\r\n| 一级指标 | 二级指标 | 分值 | 得分 |\r\n|---|---|---|---|\r\n| 决策 | 立项 | 5 | 4 |\r\n'],
  ];
  it.each(inputs)('%s gives a model without throwing', (_name, text) => {
    const model = buildModel(text);
    expect(model.text).toBe(text);
    expectLiteralsExact(model);
    for (const p of model.paragraphs) expect(text.slice(p.range.start, p.range.end)).toBe(p.text);
    for (const p of model.paragraphs) expect(p.text.trim()).toBe(p.text);
  });

  it('handles a 3 MB document', () => {
    const unit = '表 3-1 指标\n\n| 一级指标 | 二级指标 | 分值 | 得分 |\n|---|---|---|---|\n| 决策 | 立项 | 5 | 4 |\n\n该指标满分 5 分，得分 4 分。\n\n';
    const text = unit.repeat(Math.ceil(3_000_000 / unit.length));
    const model = buildModel(text);
    expect(model.indicatorTables.length).toBeGreaterThan(1000);
  }, 180_000);
});
