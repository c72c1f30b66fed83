import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildModel } from '../../server/src/core/model/build';
import { buildIndicatorIndex } from '../../server/src/core/recognize/prose/indicatorNames';
import { buildSections } from '../../server/src/core/recognize/prose/sections';
import { splitSentences } from '../../server/src/core/text/sentences';
import { recognizeClaims } from '../../server/src/core/recognize/prose/claims';
import { recognizeCounts } from '../../server/src/core/recognize/prose/counts';
import { recognizeFormulas } from '../../server/src/core/recognize/prose/formulas';
import { recognizeFacts } from '../../server/src/core/recognize/prose/facts';
import { recognizeScoringRules } from '../../server/src/core/recognize/prose/scoringRules';
it('perf', () => {
  const one = readFileSync('/work/main/samples/seed-report.md', 'utf8');
  const m = buildModel(one);
  for (let round = 0; round < 8; round++) {
    let t = performance.now();
    const lap = (name: string) => { const n = performance.now(); console.log('LAP', round, name, (n - t).toFixed(1)); t = n; };
    const index = buildIndicatorIndex(m.indicatorTables); lap('index');
    const sections = buildSections(index, one, m.headings, m.paragraphs); lap('sections');
    const ctx = { index, sections };
    const sents = m.paragraphs.flatMap((p) => splitSentences(p.text, { base: p.range.start })); lap('split ' + sents.length);
    for (const s of sents) recognizeClaims(ctx, s); lap('claims');
    for (const s of sents) recognizeCounts(ctx, s); lap('counts');
    for (const s of sents) recognizeFormulas(ctx, s); lap('formulas');
    for (const p of m.paragraphs) recognizeFacts(p); lap('facts');
    recognizeScoringRules(m.indicatorTables); lap('rules');
  }
});
