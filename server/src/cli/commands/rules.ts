/**
 * `tally rules` and `tally explain <rule-id>`: the rule registry and its docs. They load the
 * registry only, never the Markdown parser (start-up stays light).
 */
import { rules } from '../../core/rules';
import type { Rule } from '../../core/engine/types';
import type { CliOptions } from '../args';
import { colorEnabled, palette } from '../color';
import { CliError, pick } from '../i18n';
import type { Io } from '../io';
import { ruleHelpUri } from '../meta';
import { displayWidth, padEndDisplay } from '../width';

export function runRules(options: CliOptions, io: Io): number {
  const lang = options.lang ?? 'zh';
  if (options.format === 'json' || options.json) {
    const list = rules.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: pick(lang, rule.description) }));
    io.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  const colors = palette(colorEnabled(io.stdout, options.noColor, io.env));
  const idWidth = Math.max(2, ...rules.map((rule) => rule.id.length));
  const severityHeader = pick(lang, { zh: '默认级别', en: 'default' });
  const severityWidth = Math.max(displayWidth(severityHeader), 7);
  const header = `${'id'.padEnd(idWidth)}  ${padEndDisplay(severityHeader, severityWidth)}  ${pick(lang, { zh: '说明', en: 'description' })}`;
  const lines = [
    colors.bold(header),
    ...rules.map((rule) => `${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(severityWidth)}  ${pick(lang, rule.description)}`),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

function findRule(id: string): Rule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new CliError({ zh: `未知规则 "${id}"（tally rules 列出全部规则）。`, en: `Unknown rule "${id}" (tally rules lists them all).` });
  return rule;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `    ${line}` : line))
    .join('\n');
}

export function runExplain(options: CliOptions, io: Io): number {
  const lang = options.lang ?? 'zh';
  const rule = findRule(options.positionals[0]);
  const colors = palette(colorEnabled(io.stdout, options.noColor, io.env));
  const label = (zh: string, en: string) => colors.bold(pick(lang, { zh, en }));
  const sections = [
    `${colors.bold(rule.id)}  (${pick(lang, { zh: '默认级别', en: 'default severity' })}: ${rule.defaultSeverity})`,
    pick(lang, rule.description),
    `${label('检查什么', 'What it checks')}\n${indent(pick(lang, rule.docs.what))}`,
    `${label('为什么重要', 'Why it matters')}\n${indent(pick(lang, rule.docs.why))}`,
    `${label('示例', 'Example')}\n${indent(rule.docs.example.trimEnd())}`,
    `${label('修复', 'Fix')}\n${indent(pick(lang, rule.docs.fix))}`,
    `${label('文档', 'Docs')}: ${ruleHelpUri(rule.id)}`,
  ];
  io.stdout.write(sections.join('\n\n') + '\n');
  return 0;
}
