import { describe, expect, it } from 'vitest';
import { Dec, formatLike, parseDecimal, roundHalfUp, scanNumbers, toHalfWidth, withSign } from '../../server/src/core/text/numbers';
import { keyOf, looseName, normalizeName } from '../../server/src/core/text/normalize';

describe('scanNumbers', () => {
  it('keeps literal text, value, decimals, unit and exact range', () => {
    const text = '该指标满分 2.5 分，扣分 0.63 分，得分 1.88 分。';
    const found = scanNumbers(text, { base: 100 });
    expect(found.map((n) => n.text)).toEqual(['2.5', '0.63', '1.88']);
    expect(found.map((n) => n.decimals)).toEqual([1, 2, 2]);
    expect(found.every((n) => n.unit === '分')).toBe(true);
    for (const n of found) expect(text.slice(n.range.start - 100, n.range.end - 100)).toBe(n.text);
  });

  it('reads full-width digits and keeps their width', () => {
    const [n] = scanNumbers('总分９５．１８分');
    expect(n.text).toBe('９５．１８');
    expect(n.value.toString()).toBe('95.18');
    expect(n.fullWidth).toBe(true);
    expect(n.decimals).toBe(2);
  });

  it('reads percentages, comparators and thousands separators', () => {
    const [rate, people, count] = scanNumbers('≥90% ＜1次 累计 1,687 家');
    expect(rate).toMatchObject({ text: '90', unit: '%', comparator: '≥' });
    expect(people).toMatchObject({ text: '1', unit: '次', comparator: '<' });
    expect(count.text).toBe('1,687');
    expect(count.value.toString()).toBe('1687');
  });

  it('does not mistake an HTML tag for a comparison', () => {
    const [n] = scanNumbers('<br />90');
    expect(n.comparator).toBeUndefined();
  });

  it('ignores digits glued to Latin letters', () => {
    expect(scanNumbers('5G 网络 A1 区').map((n) => n.text)).toEqual([]);
  });
});

describe('decimal helpers', () => {
  it('rounds half up exactly where binary floats fail', () => {
    // 2.01 × 50% = 1.005 exactly; a float gives 1.00499…
    expect(roundHalfUp(new Dec('2.01').mul('0.5'), 2).toFixed(2)).toBe('1.01');
    expect(roundHalfUp(new Dec('0.625'), 2).toFixed(2)).toBe('0.63');
  });

  it('writes a value like the literal it replaces', () => {
    const [like] = scanNumbers('１８．７３');
    expect(formatLike(new Dec('18.72'), like)).toBe('１８．７２');
    expect(formatLike(new Dec('1687.5'), { text: '1,000', decimals: 0, fullWidth: false })).toBe('1,688');
    // Word drafts mix widths within one number: the point keeps its own width
    const [mixed] = scanNumbers('０.００');
    expect(formatLike(new Dec('1'), mixed)).toBe('１.００');
    const [whole] = scanNumbers('５');
    expect(formatLike(new Dec('4.5'), whole, 1)).toBe('４．５');
  });

  it('parses only numbers', () => {
    expect(parseDecimal('12a')).toBeUndefined();
    expect(parseDecimal('１２')?.toString()).toBe('12');
  });

  it('maps full width to half width one to one', () => {
    expect(toHalfWidth('（１０／１０）×１００％')).toBe('(10/10)×100%');
  });
});

describe('normalizeName', () => {
  it('drops whitespace and a weight suffix', () => {
    expect(normalizeName('决策(20 分）')).toBe('决策');
    expect(normalizeName('绩效目标 合理性')).toBe('绩效目标合理性');
    expect(keyOf(['项目决策', '项目立项'])).toBe('项目决策/项目立项');
  });

  it('matches prose names loosely', () => {
    expect(looseName('项目决策')).toBe(looseName('决策'));
    expect(looseName('过程类指标')).toBe(looseName('过程'));
  });
});

describe('signed literals', () => {
  it('withSign covers the sign in text and range and negates the value', () => {
    const doc = '变动率=−8.28%';
    const [literal] = scanNumbers(doc);
    const signed = withSign(literal, '−');
    expect(signed.text).toBe('−8.28');
    expect(doc.slice(signed.range.start, signed.range.end)).toBe(signed.text);
    expect(signed.value.toString()).toBe('-8.28');
    expect(signed.unit).toBe('%');
  });

  it('formatLike keeps the written minus sign, adds or drops one', () => {
    const like = (text: string, fullWidth = false): { text: string; decimals: number; fullWidth: boolean } => ({ text, decimals: 2, fullWidth });
    expect(formatLike(new Dec('-8.8235'), like('−8.28'))).toBe('−8.82');
    expect(formatLike(new Dec('-8.8235'), like('-8.28'))).toBe('-8.82');
    expect(formatLike(new Dec('-8.8235'), like('8.28'))).toBe('-8.82');
    expect(formatLike(new Dec('-8.8235'), like('８．２８', true))).toBe('－８．８２');
    expect(formatLike(new Dec('8.8235'), like('−8.28'))).toBe('8.82');
    expect(formatLike(new Dec('-0.001'), like('-0.01'))).toBe('0.00');
  });

  it('toHalfWidth returns the same string when nothing is full width', () => {
    const text = '满分 5 分';
    expect(toHalfWidth(text)).toBe(text);
    expect(toHalfWidth('１２．５　分')).toBe('12.5 分');
  });
});
