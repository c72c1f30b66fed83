/**
 * The pure editor services over the seed report (samples/seed-report.md) and small inline
 * documents: hover texts, code lens titles, the outline, inlay hints, the report summary and the
 * suppression edits. Places are found by their text, never by offsets written into the test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport, type CheckResult } from '../../server/src/core/engine/check';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { scoreLenses } from '../../server/src/core/services/codeLens';
import { editorPreferred } from '../../server/src/core/services/editorPreferred';
import { pick } from '../../server/src/core/services/locale';
import { hoverAt } from '../../server/src/core/services/hover';
import { valueHints } from '../../server/src/core/services/inlayHints';
import { scoreStructure } from '../../server/src/core/services/scoreStructure';
import { reportSummary } from '../../server/src/core/services/summary';
import { suppressionFor } from '../../server/src/core/services/suppress';
import { outline, type OutlineSymbol } from '../../server/src/core/services/symbols';

const SEED = readFileSync(path.resolve(__dirname, '../../samples/seed-report.md'), 'utf8');

/** Offset of `needle` after `after` (each searched from the previous hit). */
function find(text: string, ...needles: string[]): number {
  let at = 0;
  for (const needle of needles) {
    at = text.indexOf(needle, at);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return at;
}

/** The 合计 18.73 of 表 3-4 (the caption line, then its 合计 row). */
const total34 = () => find(SEED, '表 3-4 项目效益类指标及分值\n', '| 合计', '18.73');
/** The 1.88 of 制度执行有效性 in 表 3-2. */
const cell188 = () => find(SEED, '表 3-2 项目过程类指标及分值\n', '制度执行有效性', '1.88');
const slice = (range: { start: number; end: number }) => SEED.slice(range.start, range.end);

function flatten(symbols: OutlineSymbol[], out: OutlineSymbol[] = []): OutlineSymbol[] {
  for (const symbol of symbols) {
    out.push(symbol);
    flatten(symbol.children, out);
  }
  return out;
}

describe('editor services on the seed report', () => {
  let result: CheckResult;
  beforeAll(() => {
    result = checkReport(SEED);
  });

  describe('hover', () => {
    it('on the 合计 18.73 of 表 3-4 shows the sum of the rows, 18.72, and the finding', () => {
      const hover = hoverAt(result, total34() + 2, 'zh')!;
      expect(slice(hover.range)).toBe('18.73');
      expect(hover.markdown).toContain('18.73 ≠ Σ 6 + 6 + 3.27 + 3.45 = 18.72');
      expect(hover.markdown).toContain('`score-sum`');
      expect(hover.markdown).toContain('应为 18.72');
    });

    it('on the 1.88 of 制度执行有效性 explains it from the 分值 2.5 and the 要素 rule of the annex', () => {
      const hover = hoverAt(result, cell188() + 1, 'zh')!;
      expect(slice(hover.range)).toBe('1.88');
      expect(hover.markdown).toContain('**制度执行有效性**');
      expect(hover.markdown).toContain('得分 1.88 / 分值 2.5（得分率 75.2%）');
      expect(hover.markdown).toContain('扣分 = 1 条要素不符 × 25% × 2.5 = 0.625 → 0.63；得分 = 2.5 − 0.625 = 1.875 → 1.88');
      expect(hover.markdown).toMatch(/评分标准（附件评分表）：①是否遵守相关法律法规/u);
    });

    it('on the annex 1.88 relates it to 分值 − 扣分 and names the rounding', () => {
      const hover = hoverAt(result, find(SEED, '附件 1', '制度执行有效性', '1.88') + 1, 'zh')!;
      expect(hover.markdown).toContain('得分 1.88 ≈ 分值 2.5 − 扣分 0.63 = 1.87（各自四舍五入所致）');
    });

    it('in English', () => {
      const hover = hoverAt(result, total34() + 2, 'en')!;
      expect(hover.markdown).toContain('≠ Σ 6 + 6 + 3.27 + 3.45 = 18.72');
      expect(hover.markdown).toContain('should be 18.72');
      expect(hoverAt(result, cell188() + 1, 'en')!.markdown).toContain('deduction = 1 failed element(s) × 25% × 2.5 = 0.625 → 0.63');
    });

    it('on the grade word 优秀 shows the band table with the total and the grade-label finding', () => {
      const at = find(SEED, '绩效评级为“优秀”') + '绩效评级为“'.length;
      const hover = hoverAt(result, at, 'zh')!;
      expect(slice(hover.range)).toBe('优秀');
      expect(hover.markdown).toContain('| 等级 | 分数区间 |');
      expect(hover.markdown).toMatch(/\| \*\*优\*\* \| [^|]*90[^|]* \| ← 95\.18/u);
      expect(hover.markdown).toContain('`grade-label`');
    });

    it('on an indicator name shows its 指标解释 and its values in every table', () => {
      const at = cell188();
      const name = SEED.lastIndexOf('制度执行有效性', at);
      const hover = hoverAt(result, name + 1, 'zh')!;
      expect(slice(hover.range)).toBe('制度执行有效性');
      expect(hover.markdown).toContain('指标解释：');
      expect(hover.markdown).toContain('| 表 3-2 项目过程类指标及分值 | 2.5 |  | 1.88 |');
      expect(hover.markdown).toMatch(/\| [^|]+ \| 2\.5 \| 0\.63 \| 1\.88 \|/u);
    });

    it('on a prose claim compares it with every table and on the 总分 recomputes it from each table that allows it', () => {
      const claim = hoverAt(result, find(SEED, '该指标满分 0.63') + '该指标满分 '.length + 1, 'zh')!;
      expect(slice(claim.range)).toBe('0.63');
      expect(claim.markdown).toContain('正文：分值 0.63');
      expect(claim.markdown).toContain('表 3-2 项目过程类指标及分值：分值 2.5 ≠ 0.63');
      const total = hoverAt(result, find(SEED, '总分 95.18') + '总分 '.length + 1, 'zh')!;
      expect(total.markdown).toContain('总分 95.18 = Σ 17.08 + 19.38 + 40 + 18.72 = 95.18 ✓');
      expect(total.markdown).toMatch(/总分 95\.18 ≠ Σ 17\.08 \+ 19\.38 \+ 30 \+ 15\.27 = 81\.73（财政支出项目绩效指标体系设置及评分情况表）/u);
    });

    it('on plain text gives nothing', () => {
      expect(hoverAt(result, find(SEED, '摘 要') + 1, 'zh')).toBeUndefined();
    });
  });

  describe('code lenses', () => {
    it('state each table total against its recomputation', () => {
      const titles = scoreLenses(result, 'zh').map((lens) => lens.title);
      expect(titles).toContain('合计 19.38 / 20 · 得分率 96.9% · 复算一致');
      expect(titles).toContain('合计 18.73 / 20 · 得分率 93.65% · 复算 18.72 ≠ 18.73');
      expect(scoreLenses(result, 'en').map((lens) => lens.title)).toContain('Total 18.73 / 20 · rate 93.65% · recomputed 18.72 ≠ 18.73');
    });

    it('stand on the caption and lead to the finding on the wrong total', () => {
      const lens = scoreLenses(result, 'zh').find((item) => item.title.includes('18.73'))!;
      expect(slice(lens.range)).toMatch(/^表 3-4/u);
      expect(slice(lens.target)).toBe('18.73');
      expect(lens.target.start).toBe(total34());
      expect(lens.consistent).toBe(false);
    });
  });

  describe('outline', () => {
    it('puts the indicator tree under the headings, with 得分 / 分值 details', () => {
      const flat = flatten(outline(result, 'zh'));
      for (const level1 of ['项目决策', '项目过程', '项目产出', '项目效益']) {
        expect(flat.some((symbol) => symbol.kind === 'indicator' && symbol.name === level1 && symbol.children.length > 0), level1).toBe(true);
      }
      const process = flat.find((symbol) => symbol.kind === 'indicator' && symbol.name === '项目过程' && symbol.detail === '得分 19.38 / 20');
      expect(process).toBeDefined();
      expect(flatten(process!.children).some((symbol) => symbol.name === '制度执行有效性' && symbol.detail === '得分 1.88 / 2.5')).toBe(true);
      const table = flat.find((symbol) => symbol.kind === 'table' && symbol.name.startsWith('表 3-4'));
      expect(table?.detail).toBe('得分 18.73 / 20');
    });

    it('gives ranges that contain their selection ranges, and children within their parents', () => {
      const check = (symbols: OutlineSymbol[], parent?: OutlineSymbol) => {
        for (const symbol of symbols) {
          expect(symbol.range.start).toBeLessThanOrEqual(symbol.selectionRange.start);
          expect(symbol.range.end).toBeGreaterThanOrEqual(symbol.selectionRange.end);
          if (parent) {
            expect(symbol.range.start).toBeGreaterThanOrEqual(parent.range.start);
            expect(symbol.range.end).toBeLessThanOrEqual(parent.range.end);
          }
          check(symbol.children, symbol);
        }
      };
      check(outline(result, 'zh'));
      const name = flatten(outline(result, 'zh')).find((symbol) => symbol.name === '制度执行有效性')!;
      expect(slice(name.selectionRange)).toBe('制度执行有效性');
    });
  });

  it('score structure marks the inconsistent table and keeps written and recomputed totals', () => {
    const table = scoreStructure(result, 'zh').find((item) => item.title.startsWith('表 3-4'))!;
    expect(table).toMatchObject({ total: '18.73', recomputed: '18.72', weight: '20', consistent: false });
  });

  it('inlay hints put the recomputed value right after the wrong number', () => {
    const hint = valueHints(result, 'zh').find((item) => item.offset === total34() + '18.73'.length);
    expect(hint?.label).toBe('应为 18.72');
    expect(valueHints(result, 'en', { start: total34(), end: total34() + 5 }).map((item) => item.label)).toContain('→ 18.72');
  });

  it('the report summary reads the stated total and grade', () => {
    const summary = reportSummary(result);
    expect(summary).toMatchObject({ isReport: true, total: '95.18', expectedGrade: '优' });
    expect(slice(summary.totalRange!)).toBe('95.18');
    expect(['优', '优秀']).toContain(summary.grade);
  });

  it('a cascade fix is titled as one, and the editor prefers the direct fix of the same number', () => {
    const finding = result.findings.find((item) => item.ruleId === 'score-sum' && item.range.start === total34())!;
    const cascade = finding.fixes.find((fix) => fix.kind === 'cascade')!;
    expect(pick(cascade.title, 'zh')).toMatch(/^级联修正：18\.73 → 18\.72/u);
    expect(pick(cascade.title, 'en')).toMatch(/^Cascade: /u);
    expect(editorPreferred(finding.fixes)?.kind).toBe('direct');
  });
});

describe('suppression edits', () => {
  const prose = '# 报告\n\n- 该指标满分 2.5 分，扣分 0.63 分，得分 1.88 分。\n';
  const table = ['# 报告', '', '表 1 评分', '', '| 指标 | 分值 | 得分 |', '| --- | --- | --- |', '| 甲 | 2 | 2 |', '| 合计 | 2 | 3 |', '', '结论。', ''].join('\n');

  it('in prose insert a next-line comment above the line, indented like it', () => {
    const result = checkReport(prose);
    const at = prose.indexOf('1.88');
    const suppression = suppressionFor(result.model, 'claim-vs-table', { start: at, end: at + 4 });
    expect(suppression.title.zh).toBe('在此行停用规则 claim-vs-table');
    const fixed = applyFixes(prose, suppression.edits);
    expect(fixed).toBe('# 报告\n\n<!-- tally-disable-next-line claim-vs-table -->\n- 该指标满分 2.5 分，扣分 0.63 分，得分 1.88 分。\n');
    expect(checkReport(fixed).model.directives).toMatchObject([{ kind: 'disable-next-line', rules: ['claim-vs-table'] }]);
  });

  it('in a table wrap the table (with its caption) in disable/enable comments', () => {
    const result = checkReport(table);
    expect(result.model.tables.length).toBe(1);
    const at = table.indexOf('| 3 |') + 2;
    const suppression = suppressionFor(result.model, 'score-sum', { start: at, end: at + 1 });
    expect(suppression.title.en).toBe('Disable score-sum for this table');
    const fixed = applyFixes(table, suppression.edits);
    const caption = result.model.tables[0].caption && result.model.tables[0].caption.range.end <= result.model.tables[0].range.start;
    const opening = caption ? '<!-- tally-disable score-sum -->\n\n表 1 评分' : '<!-- tally-disable score-sum -->\n\n| 指标';
    expect(fixed).toContain(opening);
    expect(fixed).toContain('| 合计 | 2 | 3 |\n\n<!-- tally-enable score-sum -->\n\n结论。');
    // the table is still one table after the edit, and the rule is silent in it
    expect(result.findings.some((finding) => finding.ruleId === 'score-sum')).toBe(true);
    const after = checkReport(fixed);
    expect(after.model.tables.length).toBe(1);
    expect(after.findings.some((finding) => finding.ruleId === 'score-sum')).toBe(false);
  });
});

describe('services on every sample', () => {
  const dir = path.resolve(__dirname, '../../samples');
  const names = readdirSync(dir).filter((name) => name.endsWith('.md'));

  it.each(names)('%s: never throw, and every range lies in the document', (name) => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const result = checkReport(text);
    const inside = (range: { start: number; end: number }) => {
      expect(range.start).toBeGreaterThanOrEqual(0);
      expect(range.end).toBeLessThanOrEqual(text.length);
      expect(range.start).toBeLessThanOrEqual(range.end);
    };
    for (let offset = 0; offset < text.length; offset += 5) {
      for (const lang of ['zh', 'en'] as const) {
        const hover = hoverAt(result, offset, lang);
        if (!hover) continue;
        inside(hover.range);
        expect(hover.markdown.trim().length).toBeGreaterThan(0);
      }
    }
    for (const lens of scoreLenses(result, 'zh')) {
      inside(lens.range);
      inside(lens.target);
    }
    for (const symbol of flatten(outline(result, 'en'))) inside(symbol.range);
    for (const hint of valueHints(result, 'zh')) expect(hint.offset).toBeLessThanOrEqual(text.length);
    expect(scoreStructure(result, 'zh').length).toBe(result.model.indicatorTables.length);
    expect(typeof reportSummary(result).consistent).toBe('boolean');
  });
});
