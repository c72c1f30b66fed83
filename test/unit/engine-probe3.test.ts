import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkReport } from '../../server/src/core/engine/check';
import { preferredEdits } from '../../server/src/core/engine/fixAll';
import { applyFixes } from '../../server/src/core/engine/applyFixes';
it('probe3', () => {
  let text = readFileSync(`/tmp/fuzzreg/iter-2.md`, 'utf8');
  for (let pass = 0; pass < 8; pass++) {
    const { findings } = checkReport(text);
    const withFix = findings.filter((f) => f.fixes.some((x) => x.preferred));
    const { edits } = preferredEdits(findings);
    console.log('pass', pass, withFix.map((f) => `${f.ruleId}:${text.slice(f.range.start, f.range.end)}`).join(' | '));
    console.log('   edits', edits.map((e) => `${text.slice(e.range.start, e.range.end)}→${e.newText}@${e.range.start}`).join(', '));
    if (edits.length === 0) break;
    text = applyFixes(text, edits);
  }
}, 600_000);
