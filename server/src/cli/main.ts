/**
 * `tally` — the reviewer's command line. Start-up stays light: each command's module (and the
 * Markdown parser with it) is loaded only when that command runs. Whatever happens, the user
 * gets a one-line reason and exit code 2, never a stack trace.
 */
import { langHint, parseCliArgs } from './args';
import { usage } from './help';
import { CliError, pick, reasonOf, type Lang } from './i18n';
import { processIo } from './io';
import { partRan } from './launch/coverage';
import { TOOL_NAME, TOOL_VERSION } from './meta';

async function run(argv: readonly string[]): Promise<number> {
  const options = parseCliArgs(argv);
  const lang = options.lang ?? 'zh';
  const io = processIo();
  partRan(options.command ?? 'usage');
  if (options.version) {
    io.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`);
    return 0;
  }
  if (options.help) {
    io.stdout.write(usage(lang));
    return 0;
  }
  switch (options.command) {
    case 'check':
      return (await import('./commands/check')).runCheck(options, io);
    case 'model':
      return (await import('./commands/model')).runModel(options, io);
    case 'rules':
      return (await import('./commands/rules')).runRules(options, io);
    case 'explain':
      return (await import('./commands/rules')).runExplain(options, io);
    case undefined:
      io.stderr.write(usage(lang));
      return 2;
  }
}

function fail(error: unknown, lang: Lang): void {
  const message = error instanceof CliError ? pick(lang, error.text) : pick(lang, { zh: `内部错误：${reasonOf(error)}`, en: `Internal error: ${reasonOf(error)}` });
  process.stderr.write(`tally: ${message}\n`);
  process.exitCode = 2;
}

const argv = process.argv.slice(2);
const lang = langHint(argv);
process.on('uncaughtException', (error) => {
  fail(error, lang);
  process.exit(2);
});
process.on('unhandledRejection', (error) => {
  fail(error, lang);
  process.exit(2);
});
// `tally check … | head`: a closed pipe is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(error, lang);
});
run(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => fail(error, lang),
);
