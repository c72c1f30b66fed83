import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_TOKENS, tokenizeFormula } from '../../server/src/core/text/formula';

const value = (text: string): string | undefined => evaluateFormula(text)?.toString();

describe('evaluateFormula', () => {
  it('handles every notation reports use', () => {
    expect(value('（10/10）×100%')).toBe('1');
    expect(value('(452.36/480.00)*100%')?.slice(0, 8)).toBe('0.942416');
    expect(value('［（12*100%+5*80%+5*60%）/22*1］*100%')?.slice(0, 8)).toBe('0.863636');
    expect(value('【(12x100%＋6Ｘ80%＋4*60%)÷22】*100％')?.slice(0, 8)).toBe('0.872727');
    expect(value('〔２０－５〕／５')).toBe('3');
    expect(value('12*100%')).toBe('12');
    expect(value('-3+5')).toBe('2');
    expect(value('2.01 * 50%')).toBe('1.005');
    expect(value('1 − 0.5 – 0.25')).toBe('0.25');
  });

  it('is exact decimal arithmetic', () => {
    expect(value('0.1+0.2')).toBe('0.3');
  });

  it('returns undefined for malformed input', () => {
    for (const bad of ['', '1+', '(1+2', '1+2)', '(1+2]', '1/0', '1 2', '“满意”人数*100%', '*100%', '］*100%', '1..2', '%5', '()']) {
      expect(evaluateFormula(bad), bad).toBeUndefined();
    }
  });

  it('returns undefined beyond the size and depth limits', () => {
    expect(evaluateFormula(Array.from({ length: MAX_FORMULA_TOKENS }, () => '1').join('+'))).toBeUndefined();
    expect(evaluateFormula(`${'('.repeat(MAX_FORMULA_DEPTH + 1)}1${')'.repeat(MAX_FORMULA_DEPTH + 1)}`)).toBeUndefined();
    expect(evaluateFormula(`${'('.repeat(MAX_FORMULA_DEPTH - 1)}1${')'.repeat(MAX_FORMULA_DEPTH - 1)}`)?.toString()).toBe('1');
    expect(evaluateFormula(`${'-'.repeat(MAX_FORMULA_DEPTH + 2)}1`)).toBeUndefined();
  });

  it('gives token offsets into the text', () => {
    const tokens = tokenizeFormula('（10/10）×100%') ?? [];
    expect(tokens.map((t) => [t.kind, t.start, t.end])[1]).toEqual(['number', 1, 3]);
  });

  it('never throws on random token strings', () => {
    const pieces = ['1', '22', '0', '3.5', '１２', '+', '-', '−', '×', 'x', '*', '÷', '/', '%', '％', '(', ')', '（', '）', '[', ']', '［', '］', '【', '】', ' ', '人数', '“', '=', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 300 }), (parts) => {
        const result = evaluateFormula(parts.join(''));
        expect(result === undefined || result.isFinite()).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
