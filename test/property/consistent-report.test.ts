import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../server/src/core/engine/check';
import { render, treeArb } from './report-generator';

const covers = (range: { start: number; end: number }, place: { start: number; end: number }) => range.start <= place.start && place.end <= range.end;

describe('generated consistent reports', () => {
  it('have no error finding', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const { text } = render(tree);
        const errors = checkReport(text).findings.filter((f) => f.severity === 'error');
        expect(errors.map((f) => `${f.ruleId}: ${f.message.en}`), text).toEqual([]);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 40) },
    );
  }, 300_000);

  it('changing one number yields a finding on it (or, for a row, one citing it)', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.integer({ min: 1, max: 9 }), (tree, pick, delta) => {
        const { text, numbers } = render(tree);
        const place = numbers[pick % numbers.length];
        const old = text.slice(place.start, place.end);
        const changed = String(Number(old) + delta);
        const mutated = text.slice(0, place.start) + changed + text.slice(place.end);
        const target = { start: place.start, end: place.start + changed.length };
        const { findings } = checkReport(mutated);
        const direct = findings.some((f) => covers(f.range, target));
        const cited = findings.some((f) => f.related.some((r) => covers(r.range, target)));
        const leaf = place.kind === 'leaf-score' || place.kind === 'leaf-weight';
        expect(direct || (leaf && cited), `${place.kind} ${old} → ${changed}\n${mutated}`).toBe(true);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 40) },
    );
  }, 300_000);
});
