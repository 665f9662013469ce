/**
 * Where a rule's documentation page is read on the web. `docs/` ships in the npm package, so the page of
 * the installed version's rules is on every npm CDN without naming a repository host.
 */
export const RULE_DOCS_BASE_URL = 'https://unpkg.com/gongwen-lint/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
