import type { RuleId } from '../types';

/**
 * The repository-relative docs page for a rule: `schema/*` and `yaml/*` share one page per area,
 * governance rules have a page each (`docs/rules/budget/breakdown-sums.md`).
 */
export function docsFor(rule: RuleId): string {
  const [area, name] = rule.split('/');
  if (area === 'schema' || area === 'yaml' || !name) return `docs/rules/${area}.md`;
  return `docs/rules/${area}/${name}.md`;
}
