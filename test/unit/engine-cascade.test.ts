import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { cascade, cascadeFix } from '../../server/src/core/engine/cascade';
import { correctLiteral } from '../../server/src/core/engine/fixes';
import { checkReport } from '../../server/src/core/engine/check';
import { Dec } from '../../server/src/core/text/numbers';
import { literalAt } from './engine-helpers';
import { sectionAndAnnex, sectionReport } from './rules-table-helpers';

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

  it('refuses to rewrite a 分值 copy whose own table\'s children confirm the old value', () => {
    const text = sectionAndAnnex(
      ['| 项目过程 | 10 | 资金管理 | 10 | 资金到位率 | 3 | 3 |'],
      [
        '| 项目过程 | 6 | 资金管理 | 6 | 资金到位率 | 3 | 0 | 3 |',
        '| | | | | 预算执行率 | 3 | 0 | 3 |',
      ],
    );
    const { model, index, config } = checkReport(text, { rules: [] });
    const context = { model, index, config };
    // the annex 资金管理 6 = 3 + 3: writing the section's 10 there breaks the annex sum
    const annexCopy = literalAt(text, '6', 1);
    expect(cascadeFix(context, [{ literal: annexCopy, value: new Dec('10') }]).blocked).toBe(true);
    expect(correctLiteral(context, annexCopy, new Dec('10'))).toEqual([]);
    // the section's 10 has one child (3): nothing confirms it, so its cascade may go ahead
    expect(cascadeFix(context, [{ literal: literalAt(text, '10', 1), value: new Dec('6') }]).blocked).toBe(false);
    const { findings } = checkReport(text);
    expect(findings.filter((f) => f.ruleId === 'summary-vs-detail').map((f) => [text.slice(f.range.start, f.range.end), f.fixes])).toEqual([['6', []], ['6', []]]);
  });
});
