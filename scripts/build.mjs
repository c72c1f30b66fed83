// Bundles the three hosts (VS Code client, language server, CLI) with esbuild into dist/.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
const watch = process.argv.includes('--watch');

// Developer tools, built on demand (`node scripts/build.mjs --tools`), never shipped.
const toolEntries = [
  { entryPoints: ['bench/run.ts'], outfile: 'dist/bench.js' },
  { entryPoints: ['test/fuzz/main.ts'], outfile: 'dist/fuzz.js' },
];
const hostEntries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI: one bundle for the command and its worker threads, run from a V8 code cache by a
  // small launcher (server/src/cli/launch/launcher.ts), which is both the `tally` bin and the
  // worker file.
  { entryPoints: ['server/src/cli/entry.ts'], outfile: 'dist/cli-main.js' },
  { entryPoints: ['server/src/cli/launch/launcher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/launch/launcher.ts'], outfile: 'dist/cli-worker.js' },
];
const entries = process.argv.includes('--tools') ? toolEntries : hostEntries;

const { existsSync, readFileSync } = await import('node:fs');
for (const entry of entries) {
  if (!existsSync(entry.entryPoints[0])) continue;
  await build({ ...common, ...entry, minify: !watch });
}

// The launcher compiles the CLI bundle with vm.Script, which has no loader for import(): every
// module must be bundled (esbuild turns their dynamic imports into requires).
if (!process.argv.includes('--tools') && /\bimport\(/.test(readFileSync('dist/cli-main.js', 'utf8'))) {
  throw new Error('dist/cli-main.js contains import(), which the launcher (vm.Script) cannot run');
}
