import { describe, expect, it } from 'vitest';
import { checkReport } from '../../server/src/core/engine/check';
import { buildModelIndex } from '../../server/src/core/engine/modelIndex';
import { BlockCache } from '../../server/src/core/model/build';

const TABLE = '| 一级指标 | 二级指标 | 分值 | 扣分 | 得分 |\n| --- | --- | --- | --- | --- |\n| 决策 | 立项依据 | 3 | 1 | 2 |\n| | 绩效目标 | 2 | 0 | 2 |\n| 合计 | | 5 | 1 | 4 |';
const REPORT = `# 报告\n\n表 1 决策指标得分表\n\n${TABLE}\n\n正文一段。\n`;

describe('model index across incremental checks', () => {
  it('is reused while typing in prose (same tables), as a new object each check', () => {
    const cache = new BlockCache();
    const first = checkReport(REPORT, { cache });
    const second = checkReport(REPORT.replace('正文一段。', '正文一段，补充。'), { cache });
    expect(second.model.indicatorTables[0]).toBe(first.model.indicatorTables[0]);
    expect(second.index).not.toBe(first.index);
    expect(second.index.indicatorsByKey).toBe(first.index.indicatorsByKey);
  });

  it('is rebuilt when a table inserted above moves every table to another index', () => {
    const cache = new BlockCache();
    checkReport(REPORT, { cache });
    const moved = checkReport(REPORT.replace('# 报告\n', '# 报告\n\n| 说明 | 内容 |\n| --- | --- |\n| 甲 | 乙 |\n'), { cache });
    const table = moved.model.indicatorTables[0];
    expect(table.tableIndex).toBe(1);
    expect(moved.index.tablesByIndex.get(1)).toBe(table);
    expect(buildModelIndex(moved.model).tablesByIndex.get(0)).toBeUndefined();
  });
});
