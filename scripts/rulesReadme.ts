// Writes the tables of docs/rules/README.md from the rule registry: `npm run docs:rules`. The prose
// around them is written by hand; each table sits between a pair of markers
// `<!-- rules:<table> -->` ... `<!-- /rules:<table> -->`. test/unit/rules/rulesReadme.test.ts fails while
// the file differs from what this would write, so the docs cannot drift from the rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHANGE_RULES, DOCUMENT_RULES, FIX_RULES, PORTFOLIO_RULES, SETTINGS_RULES, SUPPRESSION_RULES, type RuleDescription } from '../server/src/engine/rules/index';
import { POLICY_OPTIONS, type PolicyOption } from '../server/src/engine/rules/policyOptions';
import type { RuleMeta } from '../server/src/engine/rules/ruleTypes';

export const RULES_README = path.join(__dirname, '..', 'docs', 'rules', 'README.md');

/** The README's own folder is docs/rules/, so a rule's page is linked relative to it. */
function link(rule: RuleDescription): string {
  return `[\`${rule.id}\`](${rule.docs.replace(/^docs\/rules\//, '')})`;
}

function ruleTable(rules: readonly RuleDescription[], heading = 'what it asks'): string {
  const rows = rules.map((r) => `| ${link(r)} | ${r.severity} | ${r.summary} |`);
  return [`| rule | default | ${heading} |`, '|---|---|---|', ...rows].join('\n');
}

/** A default as it would be written in YAML flow style: `[a, b]`, `{ k: v }`. */
export function yamlFlow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlFlow).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${k}: ${yamlFlow(v)}`).join(', ')} }`;
  }
  return String(value);
}

function policyTable(rules: readonly RuleMeta[]): string {
  const usedBy = (option: PolicyOption) => {
    const readers = rules.filter((r) => r.options?.keys.includes(option.key as never)).map((r) => `\`${r.id}\``);
    const who = [...readers, ...(option.alsoUsedBy ? [option.alsoUsedBy] : [])].join(', ');
    return option.see ? `${who} (see ${option.see})` : who;
  };
  const rows = POLICY_OPTIONS.map((o: PolicyOption) => {
    const shown = o.defaultText ?? (o.default === undefined ? 'none' : `\`${yamlFlow(o.default)}\``);
    return `| \`${o.key}\` | ${shown} | ${usedBy(o)} |`;
  });
  return ['| policy key | default | used by |', '|---|---|---|', ...rows].join('\n');
}

/** Every generated table, by the name its markers use. */
export function generatedTables(): Record<string, string> {
  return {
    document: ruleTable(DOCUMENT_RULES),
    portfolio: ruleTable(PORTFOLIO_RULES),
    change: ruleTable(CHANGE_RULES),
    policy: policyTable([...DOCUMENT_RULES, ...PORTFOLIO_RULES, ...CHANGE_RULES]),
    suppression: ruleTable(SUPPRESSION_RULES),
    settings: ruleTable(SETTINGS_RULES),
    fix: ruleTable(FIX_RULES, 'what it says'),
  };
}

/** The README with every marked table replaced; throws when a marker pair is missing, so no table goes unwritten. */
export function renderRulesReadme(current: string): string {
  let text = current;
  for (const [name, table] of Object.entries(generatedTables())) {
    const open = `<!-- rules:${name} -->`;
    const close = `<!-- /rules:${name} -->`;
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start < 0 || end < start) throw new Error(`docs/rules/README.md has no ${open} ... ${close} pair`);
    text = `${text.slice(0, start + open.length)}\n${table}\n${text.slice(end)}`;
  }
  return text;
}

if (require.main === module) {
  const current = fs.readFileSync(RULES_README, 'utf8');
  const next = renderRulesReadme(current);
  if (next === current) {
    console.log('docs/rules/README.md is up to date.');
  } else {
    fs.writeFileSync(RULES_README, next);
    console.log('docs/rules/README.md: tables rewritten from the rule registry.');
  }
}
