/**
 * The language server builds each document incrementally (one BlockCache per document, memoised
 * parses, block structure and table recognitions). Whatever the edit sequence, the model it gets
 * must be the model a fresh build of the same text gives.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateReport } from '../../bench/generate';
import { describe, expect, it } from 'vitest';
import { BlockCache, buildModel } from '../../server/src/core/model/build';
import { modelToJson } from '../../server/src/core/model/serialize';
import { checkReport } from '../../server/src/core/engine/check';
import type { Finding } from '../../server/src/core/engine/types';

const SAMPLES = join(__dirname, '../../samples');
const samples = existsSync(SAMPLES)
  ? readdirSync(SAMPLES).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => readFileSync(join(SAMPLES, f), 'utf8'))
  : [];

/** Insertions that move, split, merge or re-shape blocks, tables and numbers. */
const PIECES = ['字', '5', '.5', '0', '分', ' ', '|', ' | ', '\n', '\n\n', '\n\n# 标题\n\n', '表 9-9 指标得分表\n\n', '- ', '1. ', '> ', '```', '<!-- tally-disable -->', '<table><tr><td>1</td>', '**', '[a]: http://x\n', '（含）', '合计'];

/** A relative place in the text (scaled to its current length) and what to do there. */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 120 })),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.constant('')),
});

type Edit = { at: number; remove: number; insert: string };

function apply(text: string, edit: Edit): string {
  const start = Math.min(text.length, Math.floor(edit.at * text.length));
  return text.slice(0, start) + edit.insert + text.slice(Math.min(text.length, start + edit.remove));
}

describe.runIf(samples.length > 0)('incremental model', () => {
  it('equals a fresh build after every edit of a random edit sequence on a sample', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const cache = new BlockCache();
        let text = samples[which];
        buildModel(text, cache);
        for (const edit of edits) {
          text = apply(text, edit);
          const incremental = modelToJson(buildModel(text, cache));
          expect(incremental).toEqual(modelToJson(buildModel(text)));
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 12) },
    );
  }, 600_000);

  it('equals a fresh build when a paragraph moves away from the section title it points at, and when an indicator is renamed', () => {
    let titled = 0;
    for (const sample of samples) {
      const model = buildModel(sample);
      // a claim whose subject is the section title above its paragraph: blank lines inserted between
      // them move the paragraph but not the title (its memoised result needs two different shifts)
      const claim = model.claims.find((c) => c.subject.kind === 'indicator' && c.subject.range !== undefined && c.subject.range.end < c.sentence.range.start - 1);
      const paragraph = claim && model.paragraphs.find((p) => p.range.start <= claim.sentence.range.start && claim.sentence.range.start < p.range.end);
      const title = claim?.subject.kind === 'indicator' ? claim.subject.range : undefined;
      const name = model.indicatorTables.flatMap((t) => t.indicators)[0]?.nameRange.start;
      const steps: Edit[] = [];
      if (paragraph && title && title.end < paragraph.range.start) {
        titled++;
        const line = sample.lastIndexOf('\n', title.start) + 1;
        steps.push({ at: paragraph.range.start, remove: 0, insert: '\n' }, { at: line, remove: 0, insert: '\n\n' }, { at: paragraph.range.start + 2, remove: 1, insert: '' }, { at: line, remove: 2, insert: '' });
      }
      // a renamed indicator changes the name table (a new paragraph memo); the name restored finds the old one
      if (name !== undefined) steps.push({ at: name, remove: 0, insert: '字' }, { at: name, remove: 1, insert: '' });
      const cache = new BlockCache();
      let text = sample;
      buildModel(text, cache);
      for (const step of steps) {
        text = text.slice(0, step.at) + step.insert + text.slice(step.at + step.remove);
        expect(modelToJson(buildModel(text, cache))).toEqual(modelToJson(buildModel(text)));
      }
      expect(text).toBe(sample);
    }
    expect(titled).toBeGreaterThan(0);
  }, 120_000);

  it('equals a fresh build when blocks move, repeat and come back (memo hits at other offsets)', () => {
    const text = samples[0];
    const cache = new BlockCache();
    buildModel(text, cache);
    const half = text.indexOf('\n\n', Math.floor(text.length / 2));
    // the second half moves to the front, then the text is restored, then a half repeats
    for (const next of [text.slice(half) + text.slice(0, half), text, text + text.slice(half)]) {
      expect(modelToJson(buildModel(next, cache))).toEqual(modelToJson(buildModel(next)));
    }
  }, 120_000);

  /** Findings as plain data (what a host shows and applies). */
  const findingsOf = (findings: readonly Finding[]) => JSON.parse(JSON.stringify(findings)) as unknown;

  /** After every edit of a random sequence on one of `texts`, a check with the cache gives the findings of a fresh check. */
  function warmFindingsEqualFresh(texts: readonly string[], maxEdits: number): void {
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: maxEdits }), (which, edits) => {
        const cache = new BlockCache();
        let text = texts[which];
        checkReport(text, { cache });
        for (const edit of edits) {
          text = apply(text, edit);
          expect(findingsOf(checkReport(text, { cache }).findings)).toEqual(findingsOf(checkReport(text).findings));
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 12) },
    );
  }

  it('gives the findings of a fresh check after every edit (rules memoise per table object)', () => {
    warmFindingsEqualFresh(samples, 4);
  }, 600_000);

  it('gives the findings of a fresh check after every edit in a report of several projects (findings kept per unchanged project)', () => {
    warmFindingsEqualFresh([readFileSync(join(SAMPLES, 'multi-project-report.md'), 'utf8'), generateReport(11, 30_000)], 6);
  }, 600_000);
});
