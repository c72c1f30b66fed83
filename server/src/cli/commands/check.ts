/**
 * `tally check`: discover files → configuration per file → check (worker threads for many
 * files) → print in sorted path order → exit code (0 clean, 1 findings over the bar, 2 tool
 * failure).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveConfig, type ConfigLayer, type ConfigProblem } from '../../core/engine/config';
import { knownRuleIds } from '../../core/engine/run';
import { rules as registeredRules } from '../../core/rules';
import { loadConfigLayers, readConfigFile, type ConfigCache } from '../../node/configFiles';
import type { CliOptions } from '../args';
import { colorEnabled, palette } from '../color';
import { discoverFiles } from '../discover';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { fixLine, formatText, summaryLine } from '../format/text';
import { CliError, pick } from '../i18n';
import type { Io } from '../io';
import { partRan } from '../launch/coverage';
import { runInPool } from '../pool';
import { createProgress } from '../progress';
import type { FileResult, FileTask } from '../results';
import { summarize } from '../summary';

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 4;

function problemsError(problems: readonly ConfigProblem[]): CliError {
  const first = problems[0];
  const more = problems.length > 1 ? { zh: `（另有 ${problems.length - 1} 个配置问题）`, en: ` (and ${problems.length - 1} more configuration problems)` } : { zh: '', en: '' };
  return new CliError({
    zh: `配置错误：${first.source}：${first.message.zh}${more.zh}`,
    en: `Configuration error: ${first.source}: ${first.message.en}${more.en}`,
  });
}

/** Layers from --config and --rule, validated up front: a mistake there is a usage error. */
function commandLineLayers(options: CliOptions, cwd: string): ConfigLayer[] {
  const layers: ConfigLayer[] = [];
  if (options.config !== undefined) {
    const file = readConfigFile(path.resolve(cwd, options.config));
    if (!file.layer) throw problemsError(file.problems);
    layers.push(file.layer);
  }
  if (options.rules.length > 0) {
    layers.push({ source: '--rule', data: { rules: Object.fromEntries(options.rules.map((rule) => [rule.id, rule.severity])) } });
  }
  const { problems } = resolveConfig(layers, knownRuleIds(registeredRules));
  if (problems.length > 0) throw problemsError(problems);
  return layers;
}

function tasksFor(options: CliOptions, io: Io): FileTask[] {
  const files = discoverFiles(options.positionals, io.cwd);
  const extra = commandLineLayers(options, io.cwd);
  const cache: ConfigCache = new Map();
  const problems = new Map<string, ConfigProblem>();
  const tasks = files.map((file) => {
    const found = loadConfigLayers(file.path, cache);
    for (const problem of found.problems) problems.set(problem.source, problem);
    return { path: file.path, display: file.display, layers: [...found.layers, ...extra], fix: options.fix };
  });
  if (problems.size > 0) throw problemsError([...problems.values()]);
  return tasks;
}

/**
 * One core fewer than the machine has: a check keeps V8's background threads (optimizing compiler,
 * concurrent marking) busy too — on 2 cores one in-process run already used 1.3 of them, and two
 * workers were slower than one thread.
 */
function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}

async function runTasks(tasks: readonly FileTask[], options: CliOptions, io: Io): Promise<FileResult[]> {
  const jobs = options.jobs ?? defaultJobs();
  const workerFile = path.join(__dirname, 'cli-worker.js');
  const progress = createProgress(tasks.length, io.stderr);
  try {
    const { processFile } = await import('../processFile');
    if (jobs > 1 && tasks.length > PARALLEL_THRESHOLD && existsSync(workerFile)) {
      const results = await runInPool(workerFile, tasks, jobs, processFile, () => progress.tick());
      partRan('checker');
      return results;
    }
    const results = tasks.map((task) => {
      const result = processFile(task);
      progress.tick();
      return result;
    });
    partRan('checker');
    return results;
  } finally {
    progress.done();
  }
}

export async function runCheck(options: CliOptions, io: Io): Promise<number> {
  const started = performance.now();
  const cliLang = options.lang ?? 'zh';
  const tasks = tasksFor(options, io);
  const checked = await runTasks(tasks, options, io);
  const full = summarize(checked, Math.round(performance.now() - started));
  // --quiet hides warnings and infos; --max-warnings still counts them.
  const results = options.quiet ? checked.map((result) => ({ ...result, findings: result.findings.filter((f) => f.severity === 'error') })) : checked;
  const summary = options.quiet ? { ...summarize(results, full.durationMs), warnings: full.warnings } : full;

  for (const result of results) {
    for (const notice of result.notices) io.stderr.write(`tally: ${result.display}: ${pick(options.lang ?? result.language, notice.message)}\n`);
  }
  const colors = palette(colorEnabled(io.stdout, options.noColor, io.env));
  const textOptions = { lang: options.lang, cliLang, palette: colors, fix: options.fix };
  if (options.format === 'json') {
    io.stdout.write(formatJson(results, summary, options.lang));
  } else if (options.format === 'sarif') {
    io.stdout.write(formatSarif(results, summary, registeredRules, options.lang, io.cwd));
  } else if (options.fix === 'dry-run') {
    // stdout carries only the patch (so it can be piped to `git apply`); the rest goes to stderr.
    for (const result of results) if (result.fix?.diff) io.stdout.write(result.fix.diff);
    const errColors = palette(colorEnabled(io.stderr, options.noColor, io.env));
    for (const result of results) {
      const line = fixLine(result, cliLang);
      if (line) io.stderr.write(line + '\n');
    }
    io.stderr.write(summaryLine(summary, { ...textOptions, palette: errColors }) + '\n');
  } else {
    io.stdout.write(formatText(results, summary, textOptions));
  }

  if (full.failures > 0) return 2;
  if (full.errors > 0) return 1;
  if (options.maxWarnings !== undefined && full.warnings > options.maxWarnings) {
    io.stderr.write(
      `tally: ${pick(cliLang, { zh: `警告 ${full.warnings} 个，超过 --max-warnings ${options.maxWarnings}。`, en: `${full.warnings} warnings exceed --max-warnings ${options.maxWarnings}.` })}\n`,
    );
    return 1;
  }
  return 0;
}
