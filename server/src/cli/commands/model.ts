/**
 * `tally model <file> [--json]`: what Tally understood of a report. `--json` prints the
 * serialised model (docs/model.md); without it, an outline of what was recognised.
 */
import path from 'node:path';
import { buildModel } from '../../core/model/build';
import { modelToJson } from '../../core/model/serialize';
import type { ReportModel } from '../../core/model/types';
import type { CliOptions } from '../args';
import { CliError, pick, type Lang } from '../i18n';
import type { Io } from '../io';
import { readInput } from '../readInput';

function outline(model: ReportModel, lang: Lang): string {
  const rows: [string, string, number][] = [
    ['标题', 'headings', model.headings.length],
    ['表格', 'tables', model.tables.length],
    ['指标表', 'indicator tables', model.indicatorTables.length],
    ['指标', 'indicators', model.indicatorTables.reduce((sum, table) => sum + table.indicators.length, 0)],
    ['汇总表', 'summary tables', model.summaryTables.length],
    ['等级划分', 'grade scales', model.gradeScales.length],
    ['问卷题目', 'survey questions', model.surveys.length],
    ['自评表', 'self-evaluation tables', model.selfEvalTables.length],
    ['正文数字陈述', 'prose claims', model.claims.length],
    ['计算公式', 'formulas', model.formulas.length],
    ['评分规则', 'scoring rules', model.indicatorRules.length],
  ];
  const lines = rows.map(([zh, en, count]) => `${pick(lang, { zh, en })}: ${count}`);
  for (const notice of model.notices) lines.push(`${pick(lang, { zh: '提示', en: 'notice' })}: ${pick(lang, notice.message)}`);
  return lines.join('\n') + '\n';
}

export function runModel(options: CliOptions, io: Io): number {
  const lang = options.lang ?? 'zh';
  const file = options.positionals[0];
  const input = readInput(path.resolve(io.cwd, file));
  if (!input.ok) throw new CliError({ zh: `${file}：${input.reason.zh}`, en: `${file}: ${input.reason.en}` });
  if (input.invalidUtf8) {
    io.stderr.write(`tally: ${file}: ${pick(lang, { zh: '文件含无效的 UTF-8 字节，已按替换字符读取。', en: 'invalid UTF-8 was read as replacement characters.' })}\n`);
  }
  const model = buildModel(input.text);
  io.stdout.write(options.json || options.format === 'json' ? JSON.stringify(modelToJson(model), null, 2) + '\n' : outline(model, lang));
  return 0;
}
