/**
 * Machine outputs: --format json against schemas/tally-output.schema.json, --format sarif
 * against the official SARIF 2.1.0 schema (test/fixtures/sarif, see its README).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOnce, ROOT, runCli } from './helpers';

// Each case runs the CLI as a process; a loaded machine needs generous limits.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 600_000 });

beforeAll(() => buildOnce());

function outputValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/tally-output.schema.json'), 'utf8'));
  return new Ajv({ allErrors: true, strict: true }).compile(schema);
}

/** Draft-04 keywords whose meaning differs in draft-07; the schema must not use them for the rename to be exact. */
function assertNoDraft4OnlyKeywords(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(assertNoDraft4OnlyKeywords);
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') expect(typeof value).not.toBe('boolean');
    assertNoDraft4OnlyKeywords(value);
  }
}

function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  assertNoDraft4OnlyKeywords(schema);
  const { id, ...rest } = schema;
  const draft7 = { ...rest, $schema: 'http://json-schema.org/draft-07/schema#', $id: id };
  // rtm.5 writes one pattern (for `language`) that is invalid with the u flag: compile patterns without it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const parses = (base?: string) => (value: string) => {
    try {
      return base ? Boolean(new URL(value, base)) : Boolean(new URL(value));
    } catch {
      return false;
    }
  };
  ajv.addFormat('uri', parses());
  ajv.addFormat('uri-reference', parses('file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  ajv.addFormat('email', (value: string) => value.includes('@'));
  return ajv.compile(draft7);
}

describe('--format json', () => {
  it('is valid against the documented schema, version 1', () => {
    const run = runCli(['check', 'samples/seed-report.md', 'samples/seed-report-corrected.md', '--format', 'json']);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout);
    const validate = outputValidator();
    expect(validate(output), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(output.version).toBe(1);
    expect(output.tool.name).toBe('tally');
    expect(output.files.map((file: { path: string }) => file.path)).toEqual(['samples/seed-report-corrected.md', 'samples/seed-report.md']);
  });

  it('gives offsets whose text is the flagged literal, and fixes with their edits', () => {
    const output = JSON.parse(runCli(['check', 'samples/seed-report.md', '--format', 'json']).stdout);
    const text = readFileSync(path.join(ROOT, 'samples/seed-report.md'), 'utf8');
    const file = output.files[0];
    const total = file.findings.find((f: { ruleId: string; message: string }) => f.ruleId === 'score-sum' && f.message.includes('18.73'));
    expect(text.slice(total.range.start, total.range.end)).toBe('18.73');
    const preferred = total.fixes.find((fix: { preferred: boolean }) => fix.preferred);
    expect(preferred.edits.some((edit: { newText: string; range: { start: number; end: number } }) => edit.newText === '18.72' && text.slice(edit.range.start, edit.range.end) === '18.73')).toBe(true);
    expect(output.summary.files).toBe(1);
    expect(output.summary.errors).toBe(file.findings.filter((f: { severity: string }) => f.severity === 'error').length);
  });

  it('is valid for --fix-dry-run too (fix report with diff)', () => {
    const output = JSON.parse(runCli(['check', 'samples/seed-report.md', '--format', 'json', '--fix-dry-run']).stdout);
    const validate = outputValidator();
    expect(validate(output), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(output.files[0].fix.diff).toContain('+| 合计 | | | 20 | | 20 | | 20 | 18.72 |');
    expect(output.files[0].fix.written).toBe(false);
  });
});

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with rules, locations, related locations and fixes', () => {
    const run = runCli(['check', 'samples/seed-report.md', 'samples/seed-report-html.md', '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    const [sarifRun] = log.runs;
    const rules = sarifRun.tool.driver.rules;
    const scoreSum = rules.find((rule: { id: string }) => rule.id === 'score-sum');
    expect(scoreSum.defaultConfiguration.level).toBe('error');
    expect(scoreSum.helpUri).toMatch(/docs\/rules\.md#score-sum$/);
    expect(scoreSum.shortDescription.text.length).toBeGreaterThan(0);
    type Result = { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] };
    const result = sarifRun.results.find(
      (r: Result) => r.ruleId === 'score-sum' && r.message.text.includes('18.73') && r.locations[0].physicalLocation.artifactLocation.uri === 'samples/seed-report.md',
    );
    expect(rules[result.ruleIndex].id).toBe('score-sum');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'samples/seed-report.md', uriBaseId: 'SRCROOT' });
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 579, startColumn: 31, endLine: 579, endColumn: 36 });
    expect(result.relatedLocations.length).toBeGreaterThan(0);
    expect(result.relatedLocations[0].message.text.length).toBeGreaterThan(0);
    const replacement = result.fixes[0].artifactChanges[0].replacements.find((r: { insertedContent: { text: string } }) => r.insertedContent.text === '18.72');
    expect(replacement.deletedRegion).toEqual({ startLine: 579, startColumn: 31, endLine: 579, endColumn: 36 });
    expect(sarifRun.columnKind).toBe('unicodeCodePoints');
    expect(sarifRun.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/.*\/$/);
  });

  it('info findings are SARIF notes', () => {
    const log = JSON.parse(runCli(['check', 'samples/seed-report.md', '--format', 'sarif', '--rule', 'score-sum=info']).stdout);
    const levels = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'score-sum').map((r: { level: string }) => r.level);
    expect(new Set(levels)).toEqual(new Set(['note']));
  });
});
