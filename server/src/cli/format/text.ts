/**
 * The default, human output: a header per file, then one line per finding
 * `path:line:col  severity  rule-id  message` (a terminal turns path:line:col into a link),
 * then a summary line.
 */
import type { FixMode } from '../args';
import type { Palette } from '../color';
import { pick, type Lang } from '../i18n';
import type { FileResult, LocatedFinding } from '../results';
import type { Summary } from '../summary';

export interface TextOptions {
  /** `--lang`; otherwise each file's configured language. */
  lang?: Lang;
  /** Language of the tool's own words. */
  cliLang: Lang;
  palette: Palette;
  fix: FixMode;
}

function severityLabel(finding: LocatedFinding, colors: Palette): string {
  const label = finding.severity.padEnd(7);
  return finding.severity === 'error' ? colors.red(label) : finding.severity === 'warning' ? colors.yellow(label) : colors.blue(label);
}

/** "12, 40–41" (zh: "12、40–41") */
export function lineList(lines: readonly number[], lang: Lang): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    parts.push(j > i ? `${lines[i]}–${lines[j]}` : `${lines[i]}`);
    i = j;
  }
  return parts.join(lang === 'zh' ? '、' : ', ');
}

export function fixLine(result: FileResult, cliLang: Lang): string | undefined {
  const fix = result.fix;
  if (!fix || fix.applied === 0 || fix.lines.length === 0) return undefined;
  const lines = lineList(fix.lines, cliLang);
  const text = fix.written
    ? { zh: `已修复 ${fix.applied} 处（第 ${lines} 行）`, en: `${fix.applied} fix${fix.applied === 1 ? '' : 'es'} applied (lines ${lines})` }
    : { zh: `可修复 ${fix.applied} 处（第 ${lines} 行）`, en: `${fix.applied} fix${fix.applied === 1 ? '' : 'es'} would be applied (lines ${lines})` };
  return `${result.display}: ${pick(cliLang, text)}`;
}

function counts(errors: number, warnings: number, infos: number, lang: Lang): string {
  return lang === 'zh'
    ? `${errors} 个错误，${warnings} 个警告，${infos} 个提示`
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${infos === 1 ? '' : 's'}`;
}

export function summaryLine(summary: Summary, options: TextOptions): string {
  const { cliLang, palette: colors } = options;
  const files = cliLang === 'zh' ? `检查了 ${summary.files} 个文件` : `${summary.files} file${summary.files === 1 ? '' : 's'} checked`;
  const found = counts(summary.errors, summary.warnings, summary.infos, cliLang);
  let line = cliLang === 'zh' ? `${files}：${found}（${summary.durationMs} ms）` : `${files}: ${found} (${summary.durationMs} ms)`;
  if (options.fix === 'write' && summary.fixed > 0) line += pick(cliLang, { zh: `，已修复 ${summary.fixed} 处`, en: `, ${summary.fixed} fixed` });
  if (options.fix === 'dry-run' && summary.fixed > 0) line += pick(cliLang, { zh: `，可修复 ${summary.fixed} 处`, en: `, ${summary.fixed} would be fixed` });
  if (options.fix === 'none' && summary.fixable > 0) {
    line += pick(cliLang, { zh: `；其中 ${summary.fixable} 个可用 --fix 自动修复`, en: `; ${summary.fixable} fixable with --fix` });
  }
  const colored = summary.errors > 0 ? colors.red(line) : summary.warnings > 0 ? colors.yellow(line) : colors.green(line);
  return colors.bold(colored);
}

export function formatFile(result: FileResult, options: TextOptions): string[] {
  if (result.findings.length === 0) return [];
  const colors = options.palette;
  const lang = options.lang ?? result.language;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const infos = result.findings.length - errors - warnings;
  const lines = [`${colors.bold(result.display)}  ${colors.dim(`(${counts(errors, warnings, infos, options.cliLang)})`)}`];
  const locations = result.findings.map((f) => `${result.display}:${f.location.line}:${f.location.column}`);
  const locationWidth = Math.max(...locations.map((l) => l.length));
  const ruleWidth = Math.max(...result.findings.map((f) => f.ruleId.length));
  result.findings.forEach((finding, i) => {
    const message = pick(lang, finding.message).replace(/\s*\n\s*/g, ' ');
    lines.push(`${locations[i].padEnd(locationWidth)}  ${severityLabel(finding, colors)}  ${colors.dim(finding.ruleId.padEnd(ruleWidth))}  ${message}`);
  });
  return lines;
}

/** The whole report for stdout (without the dry-run diffs, which replace it). */
export function formatText(results: readonly FileResult[], summary: Summary, options: TextOptions): string {
  const out: string[] = [];
  const fixLines = results.map((result) => fixLine(result, options.cliLang)).filter((line): line is string => line !== undefined);
  if (fixLines.length > 0) out.push(...fixLines.map((line) => options.palette.green(line)), '');
  for (const result of results) {
    const lines = formatFile(result, options);
    if (lines.length > 0) out.push(...lines, '');
  }
  out.push(summaryLine(summary, options));
  return out.join('\n') + '\n';
}
