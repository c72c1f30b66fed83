import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../server/src/core/text/sentences';

describe('splitSentences', () => {
  it('splits at 。；！？ keeping document offsets', () => {
    const text = '满分 5 分；得分 3 分。好！真的？';
    const sentences = splitSentences(text, { base: 10 });
    expect(sentences.map((s) => s.text)).toEqual(['满分 5 分；', '得分 3 分。', '好！', '真的？']);
    for (const s of sentences) expect(text.slice(s.range.start - 10, s.range.end - 10)).toBe(s.text);
  });

  it('keeps a closing quote with its sentence and ； lists together on request', () => {
    expect(splitSentences('评级为“优。”然后').map((s) => s.text)).toEqual(['评级为“优。”', '然后']);
    expect(splitSentences('其中：60 万元用于甲；60.50 万元用于乙。', { clauses: false }).map((s) => s.text)).toEqual(['其中：60 万元用于甲；60.50 万元用于乙。']);
  });

  it('joins soft-wrapped lines and splits at hard line ends and new items', () => {
    const text = '资金到位\n率=（10/10）×100%=100%\n（2）预算执行率\n项目于\n2020 年支付：\n完毕';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['资金到位\n率=（10/10）×100%=100%', '（2）预算执行率\n项目于\n2020 年支付：', '完毕']);
  });
});
