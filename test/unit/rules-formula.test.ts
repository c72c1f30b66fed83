import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

const doc = (...sentences: string[]) => ['# 报告', '', ...sentences.flatMap((s) => [s, ''])].join('\n');

describe('formula', () => {
  it('accepts results that are the 四舍五入 of their arithmetic', () => {
    const text = doc(
      '资金到位率=（10/10）×100%=100%。',
      '满意度（%）=［（12*100%+5*80%+5*60%）/22*1］*100%=86.36%，故扣 0.73 分。',
      '满意度（%）=［（12*100%+6*80%+4*60%）/22*1］*100%=87.27%，故扣 0.55 分。',
    );
    expect(findingsOf(text, 'formula')).toEqual([]);
  });

  it('flags a wrong result and fixes it at the written precision', () => {
    const text = doc('满意度（%）=［（12*100%+5*80%+5*60%）/22*1］*100%=87.36%，故扣 0.73 分。');
    const findings = findingsOf(text, 'formula');
    expect(findings.map((f) => textOf(text, f))).toEqual(['87.36']);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(finding.rounding).toBeUndefined();
    expect(finding.message.zh).toContain('= 86.363636%，四舍五入应为 86.36%，报告写作 87.36%');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['［（12*100%+5*80%+5*60%）/22*1］*100%']);
    expect(applyFixes(text, finding.fixes.find((f) => f.preferred)!.edits)).toContain('*100%=86.36%，');
  });

  it('keeps full-width digits in the fix', () => {
    const text = doc('资金到位率=（９/１０）×１００%=９５%。');
    const [finding] = findingsOf(text, 'formula');
    expect(textOf(text, finding)).toBe('９５');
    expect(finding.fixes[0].edits[0].newText).toBe('９０');
  });

  it('reports a truncated result as a rounding difference', () => {
    const text = doc('扣分=2.5×25%=0.62 分。');
    const [finding] = findingsOf(text, 'formula');
    expect(textOf(text, finding)).toBe('0.62');
    expect(finding.rounding).toBe(true);
    expect(finding.severity).toBe('info');
    expect(finding.fixes[0].edits[0].newText).toBe('0.63');
  });
});
