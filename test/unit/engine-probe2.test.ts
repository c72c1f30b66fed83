import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkReport } from '../../server/src/core/engine/check';
it('probe2', () => {
  const text = readFileSync(process.env.PROBE ?? '/tmp/probe/seedpart.md', 'utf8');
  const r = checkReport(text);
  const line = (o: number) => text.slice(0, o).split('\n').length;
  for (const f of r.findings) {
    console.log(`${f.ruleId} ${f.severity} L${line(f.range.start)} "${text.slice(f.range.start, f.range.end)}" ${f.message.zh}`);
    console.log('   related:', f.related.map((x) => x.label.zh).join('; '));
    for (const x of f.fixes) console.log('   fix', x.kind, x.preferred, x.title.zh, x.edits.map((e) => `L${line(e.range.start)} ${text.slice(e.range.start, e.range.end)}→${e.newText}`).join(', '));
  }
});
