// Turns a rule's `report(range, { messageId, data })` into a Finding with the rule's id, severity, docs
// and the message its meta declares, filled in by the one formatter.
import type { Finding, Fix, Range } from '../types';
import { formatMessage } from './messages';
import type { Report, RuleMeta } from './ruleTypes';

export function reporterFor<M extends string>(rule: RuleMeta<M>, uri: string, into: Finding[]): Report<M> {
  return (range, ref, extras = {}) => {
    const message = formatMessage(rule.messages, ref, rule.id);
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
