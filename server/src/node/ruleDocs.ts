/**
 * Where a rule's documentation is: docs/rules.md (one heading per rule id) as shipped next to the
 * running bundle (dist/../docs/rules.md, packaged in the .vsix and the npm package), so the link
 * works offline and always matches the installed version. Shared by the language server
 * (diagnostic codeDescription) and the CLI (SARIF helpUri, `tally explain`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import manifest from '../../../package.json';

export const TOOL_NAME = 'tally';
export const TOOL_VERSION: string = manifest.version;

function docsFileUrl(): string {
  const candidates = [path.join(__dirname, '..', 'docs', 'rules.md'), path.join(__dirname, '..', '..', '..', 'docs', 'rules.md')];
  const found = candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
  return pathToFileURL(found).href;
}

export const RULE_DOCS_URL = docsFileUrl();

export function ruleDocUri(ruleId: string): string {
  return `${RULE_DOCS_URL}#${encodeURIComponent(ruleId)}`;
}
