/**
 * After an edit the block splitter scans only around the edit and takes the other blocks over from
 * the previous text (parse/split.ts). Whatever the text and the edit, the blocks must be those a
 * split of the whole new text gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockCache, parseDocument } from '../../server/src/core/parse/blocks';
import { resplit, splitText, type Span } from '../../server/src/core/parse/split';

/** Lines that start, end, continue or hold open every kind of block the splitter knows. */
const LINES = [
  '正文一段。', '得分 2 分。', '', '', '# 标题', '## 小节', '    缩进的续行', '- 列表项', '1. 编号项', '```', '~~~', '<table>', '<tr><td>1</td></tr>', '</table>',
  '<!-- 注释', '-->', '<!-- tally-disable -->', '<div>', '</div>', '---', '...', '| a | b |', '| --- | --- |', '| 1 | 2 |', '> 引用', '\t制表符缩进', ' ', '\r',
];

const textArb = fc.array(fc.constantFrom(...LINES), { minLength: 0, maxLength: 40 }).map((lines) => lines.join('\n'));

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  /** Edit at the start of the line `at` falls in (where a character changes the kind of block). */
  lineStart: fc.boolean(),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 })),
  // whole lines, and single characters that turn a line into another kind of block in place
  insert: fc.oneof(fc.constantFrom(...LINES.map((line) => `${line}\n`), '\n', '\n\n', '-->', '</table>', '<!--', '```\n', '# ', '    '), fc.constantFrom('字', '#', ' ', '\n', '`', '<', '-', '|', '>', '~'), fc.constant('')),
});

/** Retype the start of a line with a block opener of the same length: only the kind of the block changes. */
const retypeArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  lineStart: fc.constant(true),
  insert: fc.constantFrom('# ', '#', '    ', '\t', '```', '~~~', '<!--', '<div>', '<table>', '- ', '1. ', '> ', '---', '|'),
}).map((edit) => ({ ...edit, remove: edit.insert.length }));

function apply(text: string, edit: { at: number; lineStart: boolean; remove: number; insert: string }): string {
  let start = Math.min(text.length, Math.floor(edit.at * text.length));
  if (edit.lineStart) start = text.lastIndexOf('\n', start - 1) + 1;
  return text.slice(0, start) + edit.insert + text.slice(Math.min(text.length, start + edit.remove));
}

const spansOf = (spans: readonly Span[]) => spans.map(({ kind, start, end }) => ({ kind, start, end }));

describe('resplit', () => {
  it('cuts an edited text exactly as a whole split does, whatever the edit', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.oneof(editArb, retypeArb), { minLength: 1, maxLength: 5 }), (initial, edits) => {
        let text = initial;
        let spans = splitText(text);
        for (const edit of edits) {
          const next = apply(text, edit);
          const whole = splitText(next);
          const incremental = resplit(text, spans, next);
          if (incremental) {
            const moved = spans.slice(incremental.tail).map((span) => ({ ...span, start: span.start + incremental.delta, end: span.end + incremental.delta }));
            expect(spansOf([...spans.slice(0, incremental.kept), ...incremental.fresh, ...moved])).toEqual(spansOf(whole));
          }
          text = next;
          spans = whole;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('scans only around the edit of a long text and takes the rest over', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `第 ${i} 段正文，得分 ${i % 10} 分。`);
    const text = paragraphs.join('\n\n');
    const spans = splitText(text);
    const at = text.indexOf('第 1000 段') + 3;
    const edited = `${text.slice(0, at)}字${text.slice(at)}`;
    const result = resplit(text, spans, edited)!;
    expect(result.fresh.length).toBeLessThanOrEqual(3);
    expect(result.kept).toBeGreaterThan(990);
    expect(spans.length - result.tail).toBeGreaterThan(990);
    expect(result.delta).toBe(1);
  });

  it('gives parseDocument the blocks of a fresh parse, reusing the blocks away from the edit', () => {
    const text = Array.from({ length: 50 }, (_, i) => `## 节 ${i}\n\n正文 ${i}。\n\n| 指标 | 得分 |\n| --- | --- |\n| 甲 | ${i} |`).join('\n\n');
    const cache = new BlockCache();
    const before = parseDocument(text, cache);
    const at = text.indexOf('正文 25') + 2;
    const edited = `${text.slice(0, at)}\n\n\`\`\`\n代码${text.slice(at)}`; // an unclosed fence swallows the rest
    const after = parseDocument(edited, cache);
    const fresh = parseDocument(edited);
    expect(after.blocks.map(({ kind, start, end, text: t }) => [kind, start, end, t])).toEqual(fresh.blocks.map(({ kind, start, end, text: t }) => [kind, start, end, t]));
    expect(after.blocks[10]).toBe(before.blocks[10]);
  });
});
