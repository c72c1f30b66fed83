import { it } from 'vitest';
import path from 'node:path';
import { runFuzz } from '../fuzz/fuzzer';
it('probe3', () => {
  const s = runFuzz(path.resolve(__dirname, '..', '..'), { iterations: 12, seed: 99, maxMutations: 3, maxFixes: 3, regressionDir: '/tmp/fuzzreg' });
  for (const f of s.failures) console.log(f.iteration, f.mutations, f.savedAs, JSON.stringify(f.violations));
}, 600_000);
