// Turns a rule's `report(range, message)` into a Finding with the rule's id, severity and docs.
import type { Finding, Fix, Range } from '../types';
import type { ReportExtras, RuleMeta } from './ruleTypes';

export function reporterFor(rule: RuleMeta, uri: string, into: Finding[]): (range: Range, message: string, extras?: ReportExtras) => void {
  return (range, message, extras = {}) => {
    const finding: Finding = { rule: rule.id, severity: rule.severity, message, uri, range, docs: rule.docs };
    if (extras.related && extras.related.length > 0) finding.related = extras.related;
    if (extras.fixes && extras.fixes.length > 0) finding.fixes = extras.fixes;
    into.push(finding);
  };
}

/** A fix that replaces one range with new text in one file; `safe` when it is the only reasonable repair. */
export function replaceFix(title: string, uri: string, range: Range, newText: string, safe: boolean, preferred = safe): Fix {
  return { title, safe, preferred, edits: { [uri]: [{ range, newText }] } };
}
