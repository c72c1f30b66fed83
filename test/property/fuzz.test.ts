import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../fuzz/invariants';
import { runFuzz } from '../fuzz/fuzzer';
import { MUTATORS } from '../fuzz/mutators';
import { seededRandom } from '../../bench/generate';

const root = path.resolve(__dirname, '..', '..');
const regressionDir = path.join(root, 'test', 'fixtures', 'fuzz-regressions');

describe('fuzzing (short run; `npm run fuzz` runs long ones)', () => {
  it('keeps every invariant on mutated samples', () => {
    const summary = runFuzz(root, { iterations: 12, seed: 20261128, maxMutations: 3, maxFixes: 3 });
    expect(summary.failures.map((f) => f.violations)).toEqual([]);
  }, 180_000);

  it('replays every saved regression input', () => {
    const names = readdirSync(regressionDir).filter((name) => name.endsWith('.md'));
    for (const name of names) {
      const violations = checkInvariants(readFileSync(path.join(regressionDir, name), 'utf8'), { maxFixes: 10 });
      expect({ name, violations }).toEqual({ name, violations: [] });
    }
  }, 180_000);

  it('has mutators that really change the text', () => {
    const text = '# 报告\n\n| 指标 | 分值 | 得分 |\n| --- | --- | --- |\n| 决策 | 20 | 18.5 |\n\n总分 95.18 分。';
    for (const mutator of MUTATORS) {
      const random = seededRandom(7);
      const changed = [0, 1, 2, 3, 4].some(() => mutator.apply(text, random) !== text);
      expect({ mutator: mutator.name, changed }).toEqual({ mutator: mutator.name, changed: true });
    }
  });
});
