import { describe, expect, it } from 'vitest';
import { runRules } from '../../server/src/core/engine/run';
import { applyFixes, editsOverlap, OverlappingEditsError } from '../../server/src/core/engine/applyFixes';
import { judgeRounding, verdictLabel } from '../../server/src/core/engine/rounding';
import type { Rule, RuleFinding } from '../../server/src/core/engine/types';
import { Dec } from '../../server/src/core/text/numbers';
import { emptyModel, literalAt, rangeOf } from './engine-helpers';

function rule(id: string, produce: (text: string) => RuleFinding[], defaultSeverity: Rule['defaultSeverity'] = 'error'): Rule {
  return {
    id,
    description: { zh: id, en: id },
    defaultSeverity,
    docs: { what: { zh: '', en: '' }, why: { zh: '', en: '' }, example: '', fix: { zh: '', en: '' } },
    check: ({ model }) => produce(model.text),
  };
}

function at(text: string, needle: string, occurrence = 0): RuleFinding {
  return { message: { zh: needle, en: needle }, range: rangeOf(text, needle, occurrence), related: [], fixes: [] };
}

describe('runRules', () => {
  const text = 'line one 18.73\nline two 18.72\nline three 95.18\n';

  it('isolates a throwing rule as one internal-error finding and runs the others', () => {
    const boom = rule('boom', () => {
      throw new Error('kaput');
    });
    const ok = rule('ok', (t) => [at(t, '18.72')]);
    const { findings } = runRules(emptyModel(text), [boom, ok]);
    expect(findings.map((f) => f.ruleId)).toEqual(['internal-error', 'ok']);
    expect(findings[0].message.en).toContain('boom');
    expect(findings[0].message.en).toContain('kaput');
    expect(findings[0].severity).toBe('error');
  });

  it('applies configured severities, off, finding severities and rounding → info', () => {
    const a = rule('a', (t) => [at(t, '18.73'), { ...at(t, '18.72'), severity: 'info' }]);
    const b = rule('b', (t) => [{ ...at(t, '95.18'), rounding: true }]);
    const c = rule('c', (t) => [at(t, 'one')]);
    const { findings } = runRules(emptyModel(text), [a, b, c], [{ source: 'settings', data: { rules: { c: 'off' } } }]);
    expect(findings.map((f) => [f.ruleId, f.severity, text.slice(f.range.start, f.range.end)])).toEqual([
      ['a', 'error', '18.73'],
      ['a', 'info', '18.72'],
      ['b', 'info', '95.18'],
    ]);
    const configured = runRules(emptyModel(text), [a], [{ source: 'settings', data: { rules: { a: 'warning' } } }]);
    expect(configured.findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  it('reads the front matter tally block last and reports its problems at the front matter', () => {
    const fmText = '---\ntally:\n  rules:\n    a: info\n  bogus: 1\n---\n18.73\n';
    const model = emptyModel(fmText, { frontMatter: { data: { tally: { rules: { a: 'info' }, bogus: 1 } }, range: { start: 0, end: 44 } } });
    const a = rule('a', (t) => [at(t, '18.73')]);
    const { findings, config } = runRules(model, [a], [{ source: 'settings', data: { rules: { a: 'error' } } }]);
    expect(config.rules.a).toBe('info');
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['config', 'warning'],
      ['a', 'info'],
    ]);
    expect(findings[0].range).toEqual({ start: 0, end: 44 });
    expect(findings[0].message.zh).toContain('bogus');
  });

  it('flags unknown rule ids in configuration', () => {
    const { findings } = runRules(emptyModel(text), [], [{ source: '.tallyrc.json', data: { rules: { nope: 'off' } } }]);
    expect(findings).toHaveLength(1);
    expect(findings[0].ruleId).toBe('config');
    expect(findings[0].message.en).toContain('nope');
  });

  it('sorts by range start and removes duplicates of (rule, range)', () => {
    const a = rule('a', (t) => [at(t, '95.18'), at(t, '18.73'), at(t, '18.73')]);
    const { findings } = runRules(emptyModel(text), [a]);
    expect(findings.map((f) => text.slice(f.range.start, f.range.end))).toEqual(['18.73', '95.18']);
  });

  it('honours disable-next-line and disable/enable regions', () => {
    const doc = [
      '<!-- tally-disable-next-line a -->', // 0
      'x 1.11', // 1 silenced for a
      'x 2.22', // 2
      '<!-- tally-disable -->', // 3
      'x 3.33', // 4 silenced for all
      '<!-- tally-enable a -->', // 5
      'x 4.44', // 6 a on, b still off
      '<!-- tally-enable -->', // 7
      'x 5.55', // 8
    ].join('\n');
    const directives = [
      { kind: 'disable-next-line' as const, rules: ['a'], range: rangeOf(doc, '<!-- tally-disable-next-line a -->') },
      { kind: 'disable' as const, rules: [], range: rangeOf(doc, '<!-- tally-disable -->') },
      { kind: 'enable' as const, rules: ['a'], range: rangeOf(doc, '<!-- tally-enable a -->') },
      { kind: 'enable' as const, rules: [], range: rangeOf(doc, '<!-- tally-enable -->') },
    ];
    const values = ['1.11', '2.22', '3.33', '4.44', '5.55'];
    const a = rule('a', (t) => values.map((v) => at(t, v)));
    const b = rule('b', (t) => values.map((v) => at(t, v)));
    const { findings } = runRules(emptyModel(doc, { directives }), [a, b]);
    const seen = findings.map((f) => `${f.ruleId}:${doc.slice(f.range.start, f.range.end)}`);
    expect(seen.sort()).toEqual(['a:2.22', 'a:4.44', 'a:5.55', 'b:1.11', 'b:2.22', 'b:5.55'].sort());
  });
});

describe('applyFixes', () => {
  const text = '合计 18.73 分，得分 18.73 分';

  it('applies non-overlapping edits against the original offsets', () => {
    const first = literalAt(text, '18.73', 0).range;
    const second = literalAt(text, '18.73', 1).range;
    expect(applyFixes(text, [{ range: second, newText: '18.72' }, { range: first, newText: '18.72' }])).toBe('合计 18.72 分，得分 18.72 分');
  });

  it('merges identical duplicates and rejects overlaps naming both edits', () => {
    const first = literalAt(text, '18.73', 0).range;
    const edit = { range: first, newText: '18.72' };
    expect(applyFixes(text, [edit, { ...edit }])).toBe('合计 18.72 分，得分 18.73 分');
    const other = { range: { start: first.start + 1, end: first.end + 2 }, newText: 'x' };
    expect(() => applyFixes(text, [edit, other])).toThrow(OverlappingEditsError);
    try {
      applyFixes(text, [edit, other]);
    } catch (error) {
      expect((error as OverlappingEditsError).first).toEqual(edit);
      expect((error as OverlappingEditsError).second).toEqual(other);
    }
  });

  it('treats touching ranges as independent and two inserts at one point as overlapping', () => {
    expect(editsOverlap({ range: { start: 1, end: 3 }, newText: '' }, { range: { start: 3, end: 5 }, newText: '' })).toBe(false);
    expect(editsOverlap({ range: { start: 3, end: 3 }, newText: 'a' }, { range: { start: 3, end: 3 }, newText: 'b' })).toBe(true);
  });
});

describe('judgeRounding', () => {
  const tolerance = '0.01';
  const lit = (value: string) => ({ value: new Dec(value), decimals: value.split('.')[1]?.length ?? 0 });

  it('0.63 + 1.88 vs 分值 2.5 is a rounding difference (two rounded terms, exact 分值)', () => {
    const judgement = judgeRounding({ stated: lit('2.5'), exact: new Dec('2.51'), roundedTerms: 2, termDecimals: 2, compareDecimals: 2, tolerance });
    expect(judgement.verdict).toBe('rounding');
    expect(verdictLabel(judgement.verdict).zh).toBe('舍入差异');
  });

  it('a total that differs from the sum of its displayed rows is an error', () => {
    const judgement = judgeRounding({ stated: lit('18.73'), exact: new Dec('18.72'), roundedTerms: 0, tolerance });
    expect(judgement.verdict).toBe('error');
    expect(judgement.expected.toString()).toBe('18.72');
    expect(verdictLabel(judgement.verdict).zh).toBe('计算错误');
  });

  it('rates are compared at the written precision with 四舍五入', () => {
    expect(judgeRounding({ stated: lit('85.4'), exact: new Dec('17.08').div(20).times(100), roundedTerms: 0, tolerance }).verdict).toBe('ok');
    expect(judgeRounding({ stated: lit('86.36'), exact: new Dec(19).div(22).times(100), roundedTerms: 0, tolerance }).verdict).toBe('ok');
    // 2.01 × 50% = 1.005 exactly → 1.01 half-up (a binary float would give 1.00)
    expect(judgeRounding({ stated: lit('1.01'), exact: new Dec('2.01').times('0.5'), roundedTerms: 0, tolerance }).verdict).toBe('ok');
  });

  it('a sum is compared at the finest precision involved, not the total’s own', () => {
    expect(judgeRounding({ stated: lit('20'), exact: new Dec('19.6'), roundedTerms: 0, compareDecimals: 1, tolerance }).verdict).toBe('error');
  });

  it('a difference beyond what the rounded terms can explain is an error', () => {
    expect(judgeRounding({ stated: lit('2.5'), exact: new Dec('2.53'), roundedTerms: 2, termDecimals: 2, compareDecimals: 2, tolerance }).verdict).toBe('error');
  });
});
