/**
 * Blocks missing from the cache are parsed in one remark call and cut apart again
 * (parse/blocks.ts). Whatever the text, every block's tree must be the tree remark gives for
 * the block alone, with block-relative positions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { BlockCache, parseDocument } from '../../server/src/core/parse/blocks';

const processor = unified().use(remarkParse).use(remarkGfm);
const SAMPLES = join(__dirname, '../../samples');
const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(SAMPLES, f), 'utf8')) : [];

/** Every block parsed by remark has the children remark gives for its text alone. */
function expectSameAsAlone(text: string, cache = new BlockCache()): void {
  for (const block of parseDocument(text, cache).blocks) {
    if (block.kind === 'htmlTable' || block.kind === 'frontMatter') continue;
    expect(block.root.children, block.text).toEqual(processor.parse(block.text).children);
  }
}

/** Lines that open, continue or end lists, quotes, fences, HTML blocks, tables, definitions. */
const LINES = [
  '段落 5 分', '- 项', '* 项', '+ 项', '1. 项', '2) 项', '  续行', '    缩进代码', '> 引用', '# 标题', '标题', '===', '---', '***',
  '```', '~~~', '<!-- 注释', '注释 -->', '<div>', '</div>', '<pre>', '</pre>', '<table><tr><td>1</td></tr></table>',
  '| 一级指标 | 分值 |', '|---|---|', '| 决策 | 20 |', '[a]: http://x', '[a] 引用', '[^1]: 脚注', '脚注[^1]', '**粗** _斜_ `码`',
  '\t制表', 'www.example.com', '行尾两空格  ', '行尾\\', '',
];

describe('batched block parsing', () => {
  it.each(samples.map((text, i) => [i, text] as const))('gives each block of sample %i its own tree', (_i, text) => {
    const cache = new BlockCache();
    expectSameAsAlone(text, cache);
    expect(cache.fallbacks).toBe(0);
  });

  it('gives each block of random Markdown its own tree', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        expectSameAsAlone(lines.join(eol));
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('keeps consecutive list blocks apart (each block is its own list)', () => {
    // code spans keep them off the fast path (fastBlocks.ts), so they are batched for remark
    const doc = parseDocument('1. `一`\n\n2. `二`\n\n- `三`');
    expect(doc.blocks.map((b) => [b.root.children.map((c) => c.type), b.root.children[0].position?.start.offset])).toEqual([
      [['list'], 0], [['list'], 0], [['list'], 0],
    ]);
  });

  it('falls back to separate parses when a batch is not equivalent (an HTML block swallowing the next block)', () => {
    const cache = new BlockCache();
    const text = '<pre>\n\n段落 `1`\n\n段落 2';
    expectSameAsAlone(text, cache);
    expect(cache.fallbacks).toBe(1);
  });
});
