// `charter.rules`: the PMO's last word on how loud each rule is.
import type { Finding, RuleId, SeveritySetting } from './types';

/** The setting that applies to a rule: its exact id, else the closest `area/*` prefix, else `*`. */
export function severitySettingFor(rule: RuleId, rules: Record<string, SeveritySetting>): SeveritySetting | undefined {
  if (rules[rule]) return rules[rule];
  const parts = rule.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const prefix = `${parts.slice(0, i).join('/')}/*`;
    if (rules[prefix]) return rules[prefix];
  }
  return rules['*'];
}

export function applyRuleSettings(findings: Finding[], rules: Record<string, SeveritySetting>): Finding[] {
  if (Object.keys(rules).length === 0) return findings;
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = severitySettingFor(finding.rule, rules);
    if (setting === 'off') continue;
    out.push(setting ? { ...finding, severity: setting } : finding);
  }
  return out;
}
