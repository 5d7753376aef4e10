// Turns a rule's `report(range, message)` into a Finding with the rule's id, severity and docs.
import type { Finding, Range } from '../types';
import type { ReportExtras, RuleMeta } from './ruleTypes';

export function reporterFor(rule: RuleMeta, uri: string, into: Finding[]): (range: Range, message: string, extras?: ReportExtras) => void {
  return (range, message, extras = {}) => {
    const finding: Finding = { rule: rule.id, severity: rule.severity, message, uri, range, docs: rule.docs };
    if (extras.related && extras.related.length > 0) finding.related = extras.related;
    if (extras.fixes && extras.fixes.length > 0) finding.fixes = extras.fixes;
    into.push(finding);
  };
}

/** A fix that replaces one range with new text in one file. */
export function replaceFix(title: string, uri: string, range: Range, newText: string, preferred = true) {
  return { title, preferred, edits: { [uri]: [{ range, newText }] } };
}
