/**
 * The remark processor (unified + remark-parse + remark-gfm) for the blocks the fast path
 * (fastBlocks.ts) leaves over, loaded on first use: evaluating those modules takes about 5 ms of
 * a CLI run, which a report the fast path covers whole does not need. `require` is what makes
 * them lazy: esbuild evaluates an imported module at start-up but a required one on the first
 * call, and Node (≥ 20.19) loads these ES modules through it when the sources run unbundled.
 */
import type { Root } from 'mdast';

let processor: ReturnType<typeof createProcessor> | undefined;

export function parseMarkdown(text: string): Root {
  processor ??= createProcessor();
  return processor.parse(text);
}

function createProcessor() {
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose (see above) */
  const { unified } = require('unified') as typeof import('unified');
  const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
  const remarkGfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return unified().use(remarkParse).use(remarkGfm);
}
