import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { cascade } from '../../server/src/core/engine/cascade';
import { checkReport } from '../../server/src/core/engine/check';
import { Dec } from '../../server/src/core/text/numbers';
import { literalAt } from './engine-helpers';
import { sectionReport } from './rules-table-helpers';

describe('cascade', () => {
  it('a corrected row score moves the table total, the summary, its rate and the prose copies', () => {
    const text = `${sectionReport('18.72')}\n总分 18.72 分，绩效评级为“差”。\n`;
    const { model, index, config } = checkReport(text, { rules: [] });
    const row = literalAt(text, '3.27');
    const edits = cascade({ model, index, config }, [{ literal: row, value: new Dec('4') }]);
    const fixed = applyFixes(text, edits);
    expect(fixed).toContain('| 满意度 | 4 | 4.00 |'); // written like 3.27
    expect(fixed).toContain('| 合计 | 20 | | 20 | | 20 | 19.45 |');
    expect(fixed).toContain('实际得分 19.45 分');
    expect(fixed).toContain('| 分值 | 19.45 | 19.45 |');
    expect(fixed).toContain('| 得分率 | 97.3% | 97.3% |');
    expect(fixed).toContain('总分 19.45 分');
    expect(fixed).toContain('绩效评级为“差”'); // 19.45 stays in the same band
  });

  it('a corrected copy (a total row) only updates the places that repeated the wrong value', () => {
    const text = sectionReport('18.73', { claim: '18.73' });
    const { model, index, config } = checkReport(text, { rules: [] });
    const total = literalAt(text, '18.73', 1);
    const fixed = applyFixes(text, cascade({ model, index, config }, [{ literal: total, value: new Dec('18.72') }]));
    expect(fixed).toBe(text.replaceAll('18.73', '18.72'));
  });
});
