import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { findingsOf, textOf } from './rules-table-helpers';

const doc = (sentence: string) => ['# 报告', '', '## 四、预算执行情况', '', sentence, ''].join('\n');

describe('parts-sum', () => {
  it('flags a total that its parts do not add up to', () => {
    const text = doc('项目全年共支出 146.86 万元，其中：92.40 万元用于维修养护；31.80 万元用于更换管网；14.36 万元用于购置设备；7.80 万元用于水质检测。');
    const findings = findingsOf(text, 'parts-sum');
    expect(findings.map((f) => textOf(text, f))).toEqual(['146.86']);
    const [finding] = findings;
    expect(finding.message.zh).toBe('分项之和与合计不符：92.40万元 + 31.80万元 + 14.36万元 + 7.80万元 = 146.36万元，但合计写作 146.86万元。');
    expect(finding.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['92.40', '31.80', '14.36', '7.80']);
    expect(applyFixes(text, finding.fixes[0].edits)).toContain('共支出 146.36 万元');
  });

  it('accepts parts that add up', () => {
    expect(findingsOf(doc('项目全年共支出 146.36 万元，其中：92.40 万元用于维修养护；31.80 万元用于更换管网；14.36 万元用于购置设备；7.80 万元用于水质检测。'), 'parts-sum')).toEqual([]);
  });
});
