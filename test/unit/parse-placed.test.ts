import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/core/model/build';
import { modelToJson } from '../../server/src/core/model/serialize';
import { BlockCache } from '../../server/src/core/parse/blocks';
import { Lru } from '../../server/src/core/parse/lru';
import { clone, PlacedMemo } from '../../server/src/core/parse/placed';
import type { Range } from '../../server/src/core/model/types';

interface Result {
  range: Range;
  title?: { range: Range };
  cells: { range: Range; tableIndex: number }[];
}

const made = (at: number, title?: number): Result => ({
  range: { start: at, end: at + 4 },
  ...(title === undefined ? {} : { title: { range: { start: title, end: title + 2 } } }),
  cells: [{ range: { start: at + 1, end: at + 2 }, tableIndex: 0 }],
});

describe('PlacedMemo', () => {
  it('moves a memoised result in place: same objects, every range shifted, every tableIndex replaced', () => {
    const memo = new PlacedMemo<Result>(new Lru(10));
    memo.beginPass();
    const first = memo.take('k', { at: 10, tableIndex: 0 }, () => made(10));
    memo.beginPass();
    const second = memo.take('k', { at: 25, tableIndex: 3 }, () => made(99));
    expect(second).toBe(first);
    expect(second.range).toEqual({ start: 25, end: 29 });
    expect(second.cells[0]).toEqual({ range: { start: 26, end: 27 }, tableIndex: 3 });
  });

  it('moves ranges before the result with the title above, the others with the result', () => {
    const memo = new PlacedMemo<Result>(new Lru(10));
    memo.beginPass();
    memo.take('k', { at: 10, before: 2 }, () => made(10, 2));
    memo.beginPass();
    const moved = memo.take('k', { at: 40, before: 5 }, () => made(99));
    expect(moved.range).toEqual({ start: 40, end: 44 });
    expect(moved.title!.range).toEqual({ start: 5, end: 7 });
  });

  it('gives one instance per occurrence of a key within a pass, and reuses both in the next pass', () => {
    const memo = new PlacedMemo<Result>(new Lru(10));
    let computed = 0;
    const compute = (at: number) => () => {
      computed++;
      return made(at);
    };
    memo.beginPass();
    const a = memo.take('same', { at: 0 }, compute(0));
    const b = memo.take('same', { at: 50 }, compute(50));
    expect(b).not.toBe(a);
    expect([a.range.start, b.range.start]).toEqual([0, 50]);
    memo.beginPass();
    const a2 = memo.take('same', { at: 3 }, compute(3));
    const b2 = memo.take('same', { at: 53 }, compute(53));
    expect(computed).toBe(2);
    expect([a2.range.start, b2.range.start].sort((x, y) => x - y)).toEqual([3, 53]);
  });

  it('prefers the instance already standing at the asked place (no move at all)', () => {
    const memo = new PlacedMemo<Result>(new Lru(10));
    memo.beginPass();
    const a = memo.take('same', { at: 0 }, () => made(0));
    const b = memo.take('same', { at: 50 }, () => made(50));
    memo.beginPass();
    expect(memo.take('same', { at: 50 }, () => made(50))).toBe(b);
    expect(memo.take('same', { at: 0 }, () => made(0))).toBe(a);
    expect(a.range.start).toBe(0);
  });
});

describe('PlacedMemo owners', () => {
  it("hands an owner its own instance again, and another instance when an earlier occurrence took it", () => {
    const memo = new PlacedMemo<Result>(new Lru(10));
    const [first, second] = [{}, {}];
    memo.beginPass();
    const a = memo.take('same', { at: 0 }, () => made(0), first);
    memo.take('same', { at: 50 }, () => made(50), second);
    memo.beginPass();
    // a new owner at the front takes the instance standing there (the first owner's); the owners after it still get one each
    const c = memo.take('same', { at: 0 }, () => made(0), {});
    const a2 = memo.take('same', { at: 10 }, () => made(10), first);
    const b2 = memo.take('same', { at: 60 }, () => made(60), second);
    expect(c).toBe(a);
    expect(new Set([a2, b2, c]).size).toBe(3);
    expect([c.range.start, a2.range.start, b2.range.start]).toEqual([0, 10, 60]);
  });
});

describe('clone', () => {
  it('copies plain data deeply, keeps shared objects shared, and leaves the original untouched by a move', () => {
    const shared = { start: 1, end: 2 };
    const original = { a: { range: shared }, b: { range: shared }, list: [1, 2] };
    const copy = clone(original);
    expect(copy).toEqual(original);
    expect(copy.a.range).not.toBe(shared);
    expect(copy.a.range).toBe(copy.b.range);
    copy.a.range.start = 9;
    expect(shared.start).toBe(1);
  });
});

describe('in-place builds', () => {
  it('equal a fresh build when identical paragraphs and tables repeat and the text above them grows', () => {
    const section = '## 项目\n\n资金到位率为 100%，得分 2 分。\n\n| 一级指标 | 二级指标 | 分值 | 得分 |\n| --- | --- | --- | --- |\n| 决策 | 立项 | 2 | 2 |\n| 合计 | | 2 | 2 |\n\n资金到位率为 100%，得分 2 分。\n';
    let text = `${section}\n${section}`;
    const cache = new BlockCache();
    buildModel(text, cache);
    for (const insert of ['前言。\n\n', '补充一段说明。\n\n', '']) {
      text = insert + text;
      expect(modelToJson(buildModel(text, cache))).toEqual(modelToJson(buildModel(text)));
    }
  });
});
