/**
 * Start-up stays light: the bundle's static import graph (esbuild's metafile) shows what each
 * command loads before it runs. `rules`/`explain` and the entry itself never reach the
 * Markdown parser; only `check` and `model` do, through dynamic imports.
 */
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

let inputs: Metafile['inputs'];

beforeAll(async () => {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['server/src/cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: 'startup-probe.js',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  inputs = result.metafile.inputs;
}, 120_000);

/** Everything `entry` loads at once (static imports and requires, not dynamic imports). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const pending = [entry];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for (const edge of inputs[current]?.imports ?? []) {
      if (edge.kind === 'dynamic-import' || edge.external || seen.has(edge.path)) continue;
      seen.add(edge.path);
      pending.push(edge.path);
    }
  }
  return seen;
}

const PARSER = /node_modules\/(unified|remark-[^/]+|micromark[^/]*|mdast-[^/]+|parse5)\//;

describe('lazy loading', () => {
  it('the entry loads no command and no core engine', () => {
    const loaded = [...staticClosure('server/src/cli/main.ts')];
    expect(loaded.filter((file) => PARSER.test(file))).toEqual([]);
    expect(loaded.filter((file) => file.startsWith('server/src/core/'))).toEqual([]);
  });

  it('rules and explain load the rule registry but not the Markdown parser', () => {
    const loaded = [...staticClosure('server/src/cli/commands/rules.ts')];
    expect(loaded).toContain('server/src/core/rules/index.ts');
    expect(loaded.filter((file) => PARSER.test(file))).toEqual([]);
    expect(loaded).not.toContain('server/src/core/model/build.ts');
  });

  it('check reaches the parser only through the dynamic import of processFile (workers or in-process)', () => {
    const mainImports = inputs['server/src/cli/main.ts'].imports;
    expect(mainImports).toContainEqual(expect.objectContaining({ path: 'server/src/cli/commands/check.ts', kind: 'dynamic-import' }));
    const loaded = [...staticClosure('server/src/cli/commands/check.ts')];
    expect(loaded).not.toContain('server/src/cli/processFile.ts');
    expect(loaded.filter((file) => PARSER.test(file))).toEqual([]);
  });
});
