import { it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { generateReport, seededRandom } from '../../bench/generate';
import { sampleTexts } from '../fuzz/fuzzer';
import { MUTATORS } from '../fuzz/mutators';
it('probe3', () => {
  const seed = 20261128;
  const random = seededRandom(seed);
  const bases = [...sampleTexts(path.resolve(__dirname, '..', '..')), generateReport(seed, 12_000)];
  for (let iteration = 0; iteration < 12; iteration++) {
    let text = bases[iteration % bases.length];
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) text = MUTATORS[Math.floor(random() * MUTATORS.length)].apply(text, random);
    writeFileSync(`/tmp/fuzzreg/iter-${iteration}.md`, text);
  }
}, 600_000);
