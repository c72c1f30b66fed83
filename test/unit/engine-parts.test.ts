/**
 * engine/partFindings.ts keeps the findings of the unchanged projects of a report of several
 * projects from one check to the next, moved with their sections. Each case edits the sample,
 * checks with the document's cache and compares with a fresh check of the same text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkReport } from '../../server/src/core/engine/check';
import type { Finding } from '../../server/src/core/engine/types';
import { partAt } from '../../server/src/core/engine/parts';
import { BlockCache } from '../../server/src/core/model/build';
import { hoverAt } from '../../server/src/core/services/hover';
import { rules } from '../../server/src/core/rules';

const SAMPLE = readFileSync(join(__dirname, '../../samples/multi-project-report.md'), 'utf8');
const plain = (findings: readonly Finding[]) => JSON.parse(JSON.stringify(findings)) as unknown;

/** A paragraph with no figure, dates or names in it, in 子项目三 before the sentence whose figure is flagged. */
const FILLER = '评价组查阅了冷链仓储设施子项目的建设资料。';
const BASE = SAMPLE.replace('子项目三决策类指标得分', `${FILLER}\n\n子项目三决策类指标得分`);

/** Findings of `edited` checked after `BASE` with one cache, and checked fresh. */
function warmAndFresh(edited: string): { warm: Finding[]; fresh: Finding[] } {
  const cache = new BlockCache();
  checkReport(BASE, { cache });
  return { warm: checkReport(edited, { cache }).findings, fresh: checkReport(edited).findings };
}

function replace(marker: string, replacement: string): string {
  expect(BASE.split(marker)).toHaveLength(2);
  return BASE.replace(marker, replacement);
}

describe('findings kept per unchanged project', () => {
  it.each([
    ['before every project (all sections move)', '受贵局委托，', '受青山县财政局委托，'],
    ['in the grade-band sentence, bands unchanged (new objects that say the same)', '60分以下为“差”。', '60分以下为“差”。另行说明。'],
    ['in the grade-band sentence, bands changed (every project is judged again)', '90分以上为“优”', '84分以上为“优”'],
    ['in a project prose without figures (its section grows, no item changes)', FILLER, `${FILLER}另有补充。`],
    ['in a table cell (the project is checked again)', '| 服务对象满意度 | 10 | 7.75 |', '| 服务对象满意度 | 10 | 7.5 |'],
  ])('gives the findings of a fresh check after an edit %s', (_name, marker, replacement) => {
    const { warm, fresh } = warmAndFresh(replace(marker, replacement));
    expect(fresh.length).toBeGreaterThanOrEqual(3);
    expect(plain(warm)).toEqual(plain(fresh));
  });

  /** How many times the rule runs when the FILLER paragraph of 子项目三 is edited. */
  function runsOnEdit(ruleId: string): number {
    const cache = new BlockCache();
    checkReport(BASE, { cache });
    const check = vi.spyOn(rules.find((rule) => rule.id === ruleId)!, 'check');
    try {
      checkReport(replace(FILLER, `${FILLER}另有补充。`), { cache });
      return check.mock.calls.length;
    } finally {
      check.mockRestore();
    }
  }

  it('runs the rules again on the edited project only', () => {
    // the edited project (子项目三) and the rest of the report, which is never kept
    expect(runsOnEdit('claim-vs-table')).toBe(2);
  });

  it('runs a rule that reads the prose on every part, every time', () => {
    expect(rules.find((rule) => rule.id === 'weights')!.readsProse).toBe(true);
    // three projects and the rest
    expect(runsOnEdit('weights')).toBe(4);
  });
});

describe('places read within their project', () => {
  it('a hover on a project’s indicator lists that project’s table only', () => {
    const result = checkReport(SAMPLE);
    const at = SAMPLE.indexOf('产出类指标得分 31');
    const markdown = hoverAt(result, at, 'zh')?.markdown ?? '';
    expect(markdown).toContain('表 4 子项目三绩效评价指标得分表');
    expect(markdown).not.toContain('表 2 ');
    expect(markdown).not.toContain('表 3 ');
    // outside every project, the whole report
    expect(partAt(result, SAMPLE.indexOf('受贵局委托'))).toBe(result);
  });
});

describe('annex score tables of a report of several projects', () => {
  /** The sample with each project's table repeated as an annex 评分表 at the end, captioned by `caption`. */
  function withAnnexes(caption: (project: number) => string, edit: (table: string, project: number) => string = (table) => table): string {
    const tables = [...SAMPLE.matchAll(/\| 一级指标 \| 分值 \|[\s\S]*?\n\| 合计 [^\n]*/g)].map((match) => match[0]);
    expect(tables).toHaveLength(3);
    return `${SAMPLE}\n## 附件\n\n${tables.map((table, i) => `${caption(i)}\n\n${edit(table, i)}\n`).join('\n')}`;
  }
  const rulesOf = (text: string) => checkReport(text).findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.ruleId);

  it('joins the project its caption names, and is compared with that project’s table', () => {
    const named = (i: number) => `附件 ${i + 1}：子项目${'一二三'[i]}评分表`;
    expect(rulesOf(withAnnexes(named))).toEqual(['repeated-fact', 'grade-band', 'claim-vs-table']);
    const text = withAnnexes(named, (table, i) => (i === 1 ? table.replace('| 服务对象满意度 | 10 | 7.75 |', '| 服务对象满意度 | 10 | 7.5 |') : table));
    const findings = checkReport(text).findings.filter((finding) => finding.ruleId === 'summary-vs-detail');
    expect(findings.map((finding) => text.slice(finding.range.start, finding.range.end))).toContain('7.5');
  });

  it('naming no project, is not compared with the other annex tables', () => {
    expect(rulesOf(withAnnexes((i) => `附件 ${i + 1}：评分表`))).toEqual(['repeated-fact', 'grade-band', 'claim-vs-table']);
  });
});
