/**
 * The fuzz loop shared by `npm run fuzz` and the short run inside `npm test`: mutate the
 * samples (and generated reports), check every invariant, shrink what fails, save it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateReport, seededRandom } from '../../bench/generate';
import { checkInvariants, type Violation } from './invariants';
import { MUTATORS } from './mutators';

export interface FuzzOptions {
  iterations: number;
  seed: number;
  /** Mutations applied to one base text per iteration (1–this many). */
  maxMutations: number;
  maxFixes: number;
  /** Where failing inputs are saved (shrunk); undefined = do not save. */
  regressionDir?: string;
  log?: (line: string) => void;
}

export interface FuzzFailure {
  seed: number;
  iteration: number;
  mutations: string[];
  violations: Violation[];
  savedAs?: string;
}

export interface FuzzSummary {
  inputs: number;
  failures: FuzzFailure[];
  byMutator: Record<string, number>;
}

export function sampleTexts(root: string): string[] {
  const dir = path.join(root, 'samples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

/** Delta debugging over lines: drop chunks while the same invariant still fails. */
export function shrink(text: string, fails: (candidate: string) => boolean, budget = 200): string {
  let lines = text.split('\n');
  let chunk = Math.max(1, lines.length >> 1);
  let attempts = 0;
  while (chunk >= 1 && attempts < budget) {
    let removed = false;
    for (let start = 0; start < lines.length && attempts < budget; start += chunk) {
      const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
      attempts++;
      if (candidate.length < lines.length && fails(candidate.join('\n'))) {
        lines = candidate;
        removed = true;
        start -= chunk;
      }
    }
    if (!removed) chunk >>= 1;
  }
  return lines.join('\n');
}

export function runFuzz(root: string, options: FuzzOptions): FuzzSummary {
  const random = seededRandom(options.seed);
  const bases = [...sampleTexts(root), generateReport(options.seed, 12_000)];
  const failures: FuzzFailure[] = [];
  const byMutator: Record<string, number> = {};
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    const base = bases[iteration % bases.length];
    let text = base;
    const applied: string[] = [];
    const count = 1 + Math.floor(random() * options.maxMutations);
    for (let i = 0; i < count; i++) {
      const mutator = MUTATORS[Math.floor(random() * MUTATORS.length)];
      text = mutator.apply(text, random);
      applied.push(mutator.name);
      byMutator[mutator.name] = (byMutator[mutator.name] ?? 0) + 1;
    }
    const violations = checkInvariants(text, { previous: base, maxFixes: options.maxFixes });
    if (violations.length === 0) continue;
    const failure: FuzzFailure = { seed: options.seed, iteration, mutations: applied, violations };
    if (options.regressionDir) {
      const invariant = violations[0].invariant;
      const small = shrink(text, (candidate) => checkInvariants(candidate, { maxFixes: options.maxFixes }).some((v) => v.invariant === invariant));
      const name = `${invariant}-${createHash('sha1').update(small).digest('hex').slice(0, 10)}.md`;
      mkdirSync(options.regressionDir, { recursive: true });
      writeFileSync(path.join(options.regressionDir, name), small);
      failure.savedAs = name;
    }
    failures.push(failure);
    options.log?.(`iteration ${iteration} [${applied.join(', ')}]: ${violations.map((v) => `${v.invariant}: ${v.detail}`).join(' | ')}`);
  }
  return { inputs: options.iterations, failures, byMutator };
}
