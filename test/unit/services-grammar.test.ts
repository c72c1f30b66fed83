/**
 * The injection grammar syntaxes/tally-scores.tmLanguage.json: valid JSON, contributed for
 * Markdown, every regex compiles and highlights the phrases reports write.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const grammar = JSON.parse(readFileSync(path.join(ROOT, 'syntaxes/tally-scores.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  patterns: { include: string }[];
  repository: Record<string, { match: string; captures: Record<string, { name: string }> }>;
};
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
};

/** Every match of `rule` in `text`, as { capture scope name → captured text }. */
function highlight(rule: string, text: string): Record<string, string>[] {
  const { match, captures } = grammar.repository[rule];
  const re = new RegExp(match, 'gu');
  return [...text.matchAll(re)].map((m) => Object.fromEntries(Object.entries(captures).map(([group, { name }]) => [name, m[Number(group)] ?? ''])));
}

describe('score phrase grammar', () => {
  it('is contributed as an injection into Markdown', () => {
    const entry = manifest.contributes.grammars.find((item) => item.scopeName === grammar.scopeName);
    expect(entry).toBeDefined();
    expect(entry!.injectTo).toEqual(['text.html.markdown']);
    expect(path.normalize(path.join(ROOT, entry!.path))).toBe(path.join(ROOT, 'syntaxes/tally-scores.tmLanguage.json'));
    expect(grammar.injectionSelector).toMatch(/^L:text\.html\.markdown/u);
    for (const { include } of grammar.patterns) expect(grammar.repository[include.slice(1)]).toBeDefined();
  });

  it('every regex compiles and uses standard scopes', () => {
    for (const [name, rule] of Object.entries(grammar.repository)) {
      expect(() => new RegExp(rule.match, 'u'), name).not.toThrow();
      for (const { name: scope } of Object.values(rule.captures)) expect(scope).toMatch(/^(constant\.numeric|constant\.language|keyword\.other|punctuation\.definition)\./u);
    }
  });

  it('highlights 满分/扣分/得分/总分 phrases with their numbers', () => {
    expect(highlight('score', '综上所述，该指标满分 2.5 分，扣分 0.63 分，得分 1.88 分。')).toEqual([
      { 'keyword.other.score.tally': '满分', 'constant.numeric.decimal.tally': '2.5', 'keyword.other.unit.score.tally': '分' },
      { 'keyword.other.score.tally': '扣分', 'constant.numeric.decimal.tally': '0.63', 'keyword.other.unit.score.tally': '分' },
      { 'keyword.other.score.tally': '得分', 'constant.numeric.decimal.tally': '1.88', 'keyword.other.unit.score.tally': '分' },
    ]);
    expect(highlight('score', '总分 95.18 分，分值为 20 分，总分９５．１８分')).toEqual([
      { 'keyword.other.score.tally': '总分', 'constant.numeric.decimal.tally': '95.18', 'keyword.other.unit.score.tally': '分' },
      { 'keyword.other.score.tally': '分值', 'constant.numeric.decimal.tally': '20', 'keyword.other.unit.score.tally': '分' },
      { 'keyword.other.score.tally': '总分', 'constant.numeric.decimal.tally': '９５．１８', 'keyword.other.unit.score.tally': '分' },
    ]);
    expect(highlight('score', '得分情况如下')).toEqual([]);
  });

  it('highlights 得分率 percentages', () => {
    expect(highlight('rate', '得分率 96.9%，得分率为85.40％')).toEqual([
      { 'keyword.other.score-rate.tally': '得分率', 'constant.numeric.decimal.tally': '96.9', 'keyword.other.unit.percent.tally': '%' },
      { 'keyword.other.score-rate.tally': '得分率', 'constant.numeric.decimal.tally': '85.40', 'keyword.other.unit.percent.tally': '％' },
    ]);
  });

  it('highlights grade words after 评级/等级', () => {
    expect(highlight('grade', '总分 95.18 分，绩效评级为“优”。评价等级为良好；等级：不合格')).toEqual([
      { 'keyword.other.grade.tally': '评级', 'punctuation.definition.string.begin.tally': '“', 'constant.language.grade.tally': '优', 'punctuation.definition.string.end.tally': '”' },
      { 'keyword.other.grade.tally': '等级', 'punctuation.definition.string.begin.tally': '', 'constant.language.grade.tally': '良好', 'punctuation.definition.string.end.tally': '' },
      { 'keyword.other.grade.tally': '等级', 'punctuation.definition.string.begin.tally': '', 'constant.language.grade.tally': '不合格', 'punctuation.definition.string.end.tally': '' },
    ]);
  });

  it('stays linear on long non-matching input', () => {
    const input = `${'得分'.repeat(20_000)}${' '.repeat(20_000)}${'1'.repeat(20_000)}`;
    const started = performance.now();
    for (const rule of Object.keys(grammar.repository)) highlight(rule, input);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
