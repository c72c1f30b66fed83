/**
 * Command line → options. Node's own `parseArgs` does the tokenising; this module turns its
 * result into typed options and one-line, bilingual usage errors (exit code 2).
 */
import { parseArgs } from 'node:util';
import type { SeveritySetting } from '../core/engine/types';
import { CliError, reasonOf, type Lang } from './i18n';

export const COMMANDS = ['check', 'model', 'rules', 'explain'] as const;
export type Command = (typeof COMMANDS)[number];
export type OutputFormat = 'text' | 'json' | 'sarif';
export type FixMode = 'none' | 'write' | 'dry-run';

export interface RuleOverride {
  id: string;
  severity: SeveritySetting;
}

export interface CliOptions {
  /** Undefined when only --help or --version was asked for (or nothing at all). */
  command?: Command;
  positionals: string[];
  help: boolean;
  version: boolean;
  /** Explicit `--lang`; undefined means zh-CN for the CLI's words and each file's configured language for findings. */
  lang?: Lang;
  format: OutputFormat;
  fix: FixMode;
  config?: string;
  rules: RuleOverride[];
  maxWarnings?: number;
  quiet: boolean;
  noColor: boolean;
  jobs?: number;
  json: boolean;
}

const SPEC = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  lang: { type: 'string' },
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-color': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  json: { type: 'boolean' },
} as const;

const SEVERITY_SETTINGS: readonly string[] = ['off', 'info', 'warning', 'error'];

/** The language asked for, read before full parsing so that even a usage error speaks it. */
export function langHint(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

function nonNegativeInteger(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new CliError({ zh: `${name} 需要不小于 ${min} 的整数，收到 "${value}"。`, en: `${name} needs an integer of at least ${min}, got "${value}".` });
  }
  return Number(value);
}

function parseRule(text: string): RuleOverride {
  const equals = text.indexOf('=');
  const id = equals > 0 ? text.slice(0, equals).trim() : '';
  const severity = equals > 0 ? text.slice(equals + 1).trim() : '';
  if (!id || !SEVERITY_SETTINGS.includes(severity)) {
    throw new CliError({
      zh: `--rule 的格式为 规则id=off|info|warning|error，收到 "${text}"。`,
      en: `--rule takes rule-id=off|info|warning|error, got "${text}".`,
    });
  }
  return { id, severity: severity as SeveritySetting };
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError({ zh: `${name} 只能是 ${allowed.join('、')}，收到 "${value}"。`, en: `${name} must be one of ${allowed.join(', ')}, got "${value}".` });
}

/** Positional arguments each command takes: [min, max]. */
const ARITY: Record<Command, [number, number]> = { check: [1, Infinity], model: [1, 1], rules: [0, 0], explain: [1, 1] };

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's message goes on with advice about `--`; its first sentence is the reason.
    const reason = reasonOf(error).split('. ')[0];
    throw new CliError({ zh: `参数错误：${reason}（见 tally --help）`, en: `Bad arguments: ${reason} (see tally --help)` });
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  if (first !== undefined && !(COMMANDS as readonly string[]).includes(first)) {
    throw new CliError({ zh: `未知命令 "${first}"，可用：${COMMANDS.join('、')}。`, en: `Unknown command "${first}"; use one of ${COMMANDS.join(', ')}.` });
  }
  const command = first as Command | undefined;
  const options: CliOptions = {
    command,
    positionals: rest,
    help: values.help ?? false,
    version: values.version ?? false,
    lang: values.lang === undefined ? undefined : oneOf('--lang', values.lang, ['zh', 'en'] as const, 'zh'),
    format: oneOf('--format', values.format, ['text', 'json', 'sarif'] as const, 'text'),
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'none',
    config: values.config,
    rules: (values.rule ?? []).map(parseRule),
    maxWarnings: nonNegativeInteger('--max-warnings', values['max-warnings'], 0),
    quiet: values.quiet ?? false,
    noColor: values['no-color'] ?? false,
    jobs: nonNegativeInteger('--jobs', values.jobs, 1),
    json: values.json ?? false,
  };
  if (values.fix && values['fix-dry-run']) {
    throw new CliError({ zh: '--fix 与 --fix-dry-run 不能同时使用。', en: '--fix and --fix-dry-run cannot be used together.' });
  }
  if (options.help || options.version || !command) return options;
  const [min, max] = ARITY[command];
  if (rest.length < min || rest.length > max) {
    const usage: Record<Command, string> = {
      check: 'tally check <文件|文件夹|通配符…>',
      model: 'tally model <文件> [--json]',
      rules: 'tally rules',
      explain: 'tally explain <规则id>',
    };
    const usageEn: Record<Command, string> = {
      check: 'tally check <files|folders|globs…>',
      model: 'tally model <file> [--json]',
      rules: 'tally rules',
      explain: 'tally explain <rule-id>',
    };
    throw new CliError({ zh: `用法：${usage[command]}`, en: `Usage: ${usageEn[command]}` });
  }
  if (options.fix !== 'none' && command !== 'check') {
    throw new CliError({ zh: '--fix 只用于 tally check。', en: '--fix only applies to tally check.' });
  }
  return options;
}
