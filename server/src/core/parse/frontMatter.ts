/**
 * YAML front matter (`---` … `---` at the top of the document). Never throws. The yaml package
 * (115 KB) is required on first use, as remark.ts explains: most reports have no front matter.
 */
import type { Notice, Range } from '../model/types';

export interface FrontMatterResult {
  frontMatter?: { data: unknown; range: Range };
  notices: Notice[];
}

/** @param block the whole front matter block including both fences; `start` its offset. */
export function readFrontMatter(block: string, start: number): FrontMatterResult {
  const firstNl = block.indexOf('\n');
  const lastNl = block.lastIndexOf('\n');
  const body = firstNl >= 0 && lastNl > firstNl ? block.slice(firstNl + 1, lastNl) : '';
  const range = { start, end: start + block.length };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
    const { parse: parseYaml } = require('yaml') as typeof import('yaml');
    return { frontMatter: { data: parseYaml(body, { maxAliasCount: 100 }) ?? {}, range }, notices: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      frontMatter: { data: {}, range },
      notices: [{ code: 'front-matter-invalid', message: { zh: `文首 YAML 配置无法解析：${reason}`, en: `Front matter is not valid YAML: ${reason}` }, range }],
    };
  }
}
