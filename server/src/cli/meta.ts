/** Who the tool is, from the package manifest (inlined by the bundler). */
import manifest from '../../../package.json';

export const TOOL_NAME = 'tally';
export const TOOL_VERSION: string = manifest.version;

/** The project's web home: the repository address without its `.git`. */
export const INFORMATION_URI: string = manifest.repository.url.replace(/\.git$/, '');

/** Where a rule's documentation lives (docs/rules.md, one heading per rule id). */
export function ruleHelpUri(ruleId: string): string {
  return `${INFORMATION_URI}/blob/main/docs/rules.md#${encodeURIComponent(ruleId)}`;
}
