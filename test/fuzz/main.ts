/**
 * `npm run fuzz -- --iterations N --seed S`: a reproducible fuzz run over the samples.
 * Failing inputs are shrunk and saved to test/fixtures/fuzz-regressions/, which the test suite
 * replays on every run.
 */
import path from 'node:path';
import { runFuzz } from './fuzzer';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer`);
    process.exit(2);
  }
  return value;
}

const root = path.resolve(__dirname, '..');
const iterations = argument('iterations', 500);
const seed = argument('seed', Date.now() % 100_000);
const started = Date.now();
const summary = runFuzz(root, {
  iterations,
  seed,
  maxMutations: argument('mutations', 4),
  maxFixes: argument('fixes', 6),
  regressionDir: process.argv.includes('--no-save') ? undefined : path.join(root, 'test', 'fixtures', 'fuzz-regressions'),
  log: (line) => console.log(line),
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`fuzz: seed ${seed}, ${summary.inputs} inputs in ${seconds} s, ${summary.failures.length} failing`);
console.log(`mutations: ${Object.entries(summary.byMutator).map(([name, n]) => `${name} ${n}`).join(', ')}`);
for (const failure of summary.failures) if (failure.savedAs) console.log(`saved test/fixtures/fuzz-regressions/${failure.savedAs}`);
process.exit(summary.failures.length ? 1 : 0);
