/** Who the tool is and where its rules are documented (shared with the language server). */
import { RULE_DOCS_URL, ruleDocUri } from '../node/ruleDocs';

export { TOOL_NAME, TOOL_VERSION } from '../node/ruleDocs';

/** The tool's documentation home (SARIF tool.driver.informationUri). */
export const INFORMATION_URI: string = RULE_DOCS_URL.replace(/#.*$/u, '');

export const ruleHelpUri = ruleDocUri;
