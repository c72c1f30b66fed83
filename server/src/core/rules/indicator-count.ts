/**
 * indicator-count — "由 3 个二级指标和 6 个三级指标构成" matches the table.
 *
 * What: every count of indicators stated for a level-1 indicator (二级/三级/四级) equals the number
 * of distinct indicators at that level under it in its section table (the most detailed one).
 * Why: the sentence is written from the template before the table is final; rows added or merged
 * later leave it wrong.
 * Example: "项目过程类指标由 2 个二级指标和 8 个三级指标构成" while 表 3-2 lists 7 三级指标.
 * Fix: write the table's count.
 */
import { perTable } from '../model/perTable';
import type { IndicatorLevel, IndicatorTable } from '../model/types';
import { correctLiteral, related } from '../engine/fixes';
import { levelOneOfKey } from '../engine/modelIndex';
import { tableLabel } from '../engine/quantities';
import type { Rule, RuleContext, RuleFinding } from '../engine/types';
import { Dec } from '../text/numbers';

const LEVEL_NAMES: Record<IndicatorLevel, string> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' };

/** Counts asked of a table so far, by level and root (memoised per table, model/perTable.ts). */
const countsOf = perTable(() => new Map<string, number>());

/** Distinct indicators of `level` under `root` in the table. */
function countBelow(table: IndicatorTable, root: string, level: number): number {
  const known = countsOf(table);
  const key = `${level}\u0000${root}`;
  let count = known.get(key);
  if (count === undefined) {
    count = new Set(table.indicators.filter((indicator) => indicator.level === level && indicator.key.startsWith(`${root}/`)).map((indicator) => indicator.key)).size;
    known.set(key, count);
  }
  return count;
}

function check(context: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const claim of context.model.countClaims) {
    if (claim.subjectKey === '') continue; // whole-system counts mix groups ("共性指标下设 2 个一级指标")
    const levelOne = levelOneOfKey(context.index, claim.subjectKey);
    const table = levelOne && context.index.tablesByIndex.get(levelOne.primary.tableIndex);
    if (!levelOne || !table) continue;
    const root = levelOne.primary.key;
    for (const { level, literal } of claim.counts) {
      if (level <= levelOne.primary.level || level > table.depth) continue;
      const listed = countBelow(table, root, level);
      if (literal.value.eq(listed)) continue;
      const label = tableLabel(context.model, table.tableIndex);
      out.push({
        message: {
          zh: `“${levelOne.primary.name}”的${LEVEL_NAMES[level]}指标数写为 ${literal.text} 个，${label.zh}中为 ${listed} 个`,
          en: `"${levelOne.primary.name}" is said to have ${literal.text} level-${level} indicators; ${label.en} lists ${listed}`,
        },
        range: literal.range,
        related: [related(levelOne.primary.nameRange, `${label.zh}“${levelOne.primary.name}”`, `${label.en} "${levelOne.primary.name}"`)],
        fixes: correctLiteral(context, literal, new Dec(listed), 0),
      });
    }
  }
  return out;
}

export const indicatorCount: Rule = {
  id: 'indicator-count',
  description: { zh: '正文所述指标个数与指标表一致', en: 'Stated indicator counts match the table' },
  defaultSeverity: 'error',
  docs: {
    what: {
      zh: '正文中“由 N 个二级指标、M 个三级指标构成”等个数，与该一级指标所在章节评分表中相应层级的指标个数一致。',
      en: 'Counts such as "由 N 个二级指标、M 个三级指标构成" equal the number of indicators at that level under the level-1 indicator in its section table.',
    },
    why: { zh: '这句话常按模板先写，之后表格增删合并指标时未同步。', en: 'The sentence is written from a template before the table is final.' },
    example: '项目过程类指标由 2 个二级指标和 8 个三级指标构成   ← 表 3-2 有 7 个三级指标',
    fix: { zh: '改为表中的个数。', en: "Write the table's count." },
  },
  check,
};
