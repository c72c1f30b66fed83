/**
 * The CLI's pure pieces, in-process: globs, the line diff, line/column, .tallyrc.json
 * discovery, and the .tallyrc.json schema against what resolveConfig accepts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedLines, unifiedDiff } from '../../server/src/cli/diff';
import { matchSegment, matchSegments, parseGlob } from '../../server/src/cli/glob';
import { LineIndex } from '../../server/src/cli/lineIndex';
import { resolveConfig } from '../../server/src/core/engine/config';
import { loadConfigLayers, readConfigFile, type ConfigCache } from '../../server/src/node/configFiles';
import { cleanup, ROOT, tempDir } from './helpers';

describe('globs', () => {
  it('matches *, ? within a segment and ** across segments', () => {
    expect(matchSegment('*.md', 'a.md')).toBe(true);
    expect(matchSegment('*.md', 'a.markdown')).toBe(false);
    expect(matchSegment('r?.md', 'r1.md')).toBe(true);
    expect(matchSegment('r?.md', 'r10.md')).toBe(false);
    expect(matchSegment('*报告*', '绩效评价报告.md')).toBe(true);
    expect(matchSegments(['**', '*.md'], ['a.md'])).toBe(true);
    expect(matchSegments(['**', '*.md'], ['x', 'y', 'a.md'])).toBe(true);
    expect(matchSegments(['a', '**', 'b', '*.md'], ['a', 'b', 'c.md'])).toBe(true);
    expect(matchSegments(['a', '**', 'b', '*.md'], ['a', 'x', 'c.md'])).toBe(false);
    expect(matchSegments(['*.md'], ['x', 'a.md'])).toBe(false);
  });

  it('treats regex metacharacters literally and stays fast on adversarial input', () => {
    expect(matchSegment('(a+)+.md', '(a+)+.md')).toBe(true);
    expect(matchSegment('[ab].md', 'a.md')).toBe(false);
    const started = Date.now();
    expect(matchSegment('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('splits the literal base from the pattern', () => {
    expect(parseGlob('reports/**/*.md')).toEqual({ base: 'reports', segments: ['**', '*.md'] });
    expect(parseGlob('*.md')).toEqual({ base: '.', segments: ['*.md'] });
    expect(parseGlob('/abs/dir/?.md')).toEqual({ base: '/abs/dir', segments: ['?.md'] });
  });
});

describe('line diff', () => {
  it('writes hunks with context and the unified line counts', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n';
    const after = before.replace('b\n', 'B\n').replace('i\n', 'i\nI2\n');
    expect(unifiedDiff(before, after, 'x.md', 1)).toBe('--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -9,2 +9,3 @@\n i\n+I2\n j\n');
    expect(changedLines(before, after)).toEqual([2, 10]);
    expect(unifiedDiff(before, before, 'x.md')).toBe('');
  });

  it('marks a missing final newline', () => {
    expect(unifiedDiff('a\nb', 'a\nc', 'y.md')).toBe('--- a/y.md\n+++ b/y.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  it('handles insertions into an empty file', () => {
    expect(unifiedDiff('', 'x\n', 'z.md')).toBe('--- a/z.md\n+++ b/z.md\n@@ -0,0 +1 @@\n+x\n');
  });
});

describe('line and column', () => {
  it('counts characters, not UTF-16 units, and knows \\r\\n and \\r', () => {
    const text = '第一行\r\n😀得分 18.73\r第三行';
    const index = new LineIndex(text);
    expect(index.position(text.indexOf('18.73'))).toEqual({ line: 2, column: 5 });
    expect(index.position(text.indexOf('第三行'))).toEqual({ line: 3, column: 1 });
    expect(index.locate({ start: text.indexOf('18.73'), end: text.indexOf('18.73') + 5 })).toMatchObject({ line: 2, column: 5, endLine: 2, endColumn: 10 });
  });
});

describe('.tallyrc.json discovery', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => cleanup(dir));

  it('collects the files from the outermost folder down, stopping at "root": true', () => {
    mkdirSync(path.join(dir, 'a/b/c'), { recursive: true });
    writeFileSync(path.join(dir, '.tallyrc.json'), '{"decimals": 1}');
    writeFileSync(path.join(dir, 'a/.tallyrc.json'), '{"decimals": 2}');
    writeFileSync(path.join(dir, 'a/b/c/.tallyrc.json'), '{"decimals": 3}');
    const file = path.join(dir, 'a/b/c/report.md');
    const sources = loadConfigLayers(file).layers.map((layer) => path.relative(dir, layer.source));
    expect(sources.slice(-3)).toEqual(['.tallyrc.json', path.join('a', '.tallyrc.json'), path.join('a', 'b', 'c', '.tallyrc.json')]);
    writeFileSync(path.join(dir, 'a/.tallyrc.json'), '{"root": true, "decimals": 2}');
    const rooted = loadConfigLayers(file);
    expect(rooted.layers.map((layer) => path.relative(dir, layer.source))).toEqual([path.join('a', '.tallyrc.json'), path.join('a', 'b', 'c', '.tallyrc.json')]);
    expect(resolveConfig(rooted.layers)).toMatchObject({ config: { decimals: 3 }, problems: [] });
  });

  it('turns a JSON error into a problem with the path and the place; never throws', () => {
    mkdirSync(path.join(dir, 'bad'), { recursive: true });
    writeFileSync(path.join(dir, 'bad/.tallyrc.json'), '{"root": true,\n "decimals": 1, }');
    const cache: ConfigCache = new Map();
    const result = loadConfigLayers(path.join(dir, 'bad/report.md'), cache);
    // Whether the broken file meant "root" is unknown: the outer files still count, the broken one does not.
    expect(result.layers.map((layer) => layer.source)).not.toContain(path.join(dir, 'bad/.tallyrc.json'));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].source).toBe(path.join(dir, 'bad/.tallyrc.json'));
    expect(result.problems[0].message.en).toMatch(/^Invalid JSON: .*\(2:\d+\)$/);
    expect(cache.size).toBeGreaterThan(0);
    expect(readConfigFile(path.join(dir, 'nothing.json')).problems[0].message.en).toBe('The configuration file does not exist.');
    expect(readConfigFile(dir).problems[0].message.en).toBe('This is a folder, not a configuration file.');
  });
});

describe('schemas/tallyrc.schema.json', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/tallyrc.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('names every key resolveConfig handles', () => {
    // The keys resolveConfig knows are the `case '…':` labels of its switch.
    const source = readFileSync(path.join(ROOT, 'server/src/core/engine/config.ts'), 'utf8');
    const keys = [...source.matchAll(/case '([^']+)':/g)].map((match) => match[1]);
    expect(keys).toContain('rules');
    expect(keys).toContain('root');
    for (const key of keys) expect(Object.keys(schema.properties), key).toContain(key);
  });

  it('every documented default is accepted by resolveConfig and by the schema', () => {
    for (const [key, property] of Object.entries<{ default?: unknown }>(schema.properties)) {
      if (key === '$schema') continue;
      expect(property.default, key).toBeDefined();
      const data = { [key]: property.default };
      expect(resolveConfig([{ source: 'test', data }]).problems, key).toEqual([]);
      expect(validate(data), key).toBe(true);
    }
  });

  it('rejects what resolveConfig rejects', () => {
    for (const data of [{ rules: { 'score-sum': 'fatal' } }, { decimals: 9 }, { language: 'fr' }, { colour: 'blue' }, { gradeBands: [] }]) {
      expect(validate(data), JSON.stringify(data)).toBe(false);
      expect(resolveConfig([{ source: 'test', data }]).problems.length, JSON.stringify(data)).toBeGreaterThan(0);
    }
  });
});
