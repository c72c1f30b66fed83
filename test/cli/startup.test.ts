/**
 * Start-up stays light: the bundle's static import graph (esbuild's metafile) shows what each
 * command loads before it runs. `rules`/`explain` and the entry itself never reach the
 * Markdown parser; only `check` and `model` do, through dynamic imports. The launcher in front
 * of the bundle (dist/cli.js) holds nothing of the CLI but its code cache.
 */
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

let inputs: Metafile['inputs'];
let launcherInputs: string[];

beforeAll(async () => {
  const launcher = await build({
    absWorkingDir: ROOT,
    entryPoints: ['server/src/cli/launch/launcher.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: 'launcher-probe.js',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  launcherInputs = Object.keys(launcher.metafile.inputs);
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
  it('the launcher is its own few modules (the bundle is compiled from the code cache, not imported)', () => {
    expect(launcherInputs.sort()).toEqual(['server/src/cli/launch/codeCache.ts', 'server/src/cli/launch/coverage.ts', 'server/src/cli/launch/launcher.ts']);
  });

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
