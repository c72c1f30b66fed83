import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkReport } from '../../server/src/core/engine/check';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
import { fixAll } from '../../server/src/core/engine/fixAll';
it('probe4', () => {
  let text = readFileSync(process.env.PROBE!, 'utf8');
  for (let pass = 0; pass < 3; pass++) {
    const r = checkReport(text);
    console.log('--- pass', pass);
    for (const f of r.findings) {
      console.log(`${f.ruleId} ${f.severity} "${text.slice(f.range.start, f.range.end)}" ${f.message.zh}`);
      for (const x of f.fixes) console.log('   fix', x.kind, x.preferred, x.title.zh, x.edits.map((e) => `${text.slice(e.range.start, e.range.end)}→${e.newText}`).join(', '));
    }
    const fixed = fixAll(text, { maxPasses: 1 }).text;
    if (fixed === text) break;
    text = fixed;
  }
  void applyFixes;
});
