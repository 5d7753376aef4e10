import { daysBetween } from '../../utils/dates';
import { docsFor } from '../../utils/docs';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

/**
 * Segregation of duties: the person who runs a project is not the one who holds it to account. The
 * sponsor is not the manager; a sponsor's approval is given by the named sponsor; nobody approves a
 * waiver of their own project's rules; and a waiver lives no longer than the policy's maxWaiverDays.
 */
export const segregation = documentRule({
  id: 'approvals/segregation',
  scope: 'document',
  severity: 'error',
  summary: "The sponsor is not the manager, the sponsor's approval is the sponsor's, nobody approves their own waiver, and waivers are no longer than the policy allows.",
  docs: docsFor('approvals/segregation'),
  kinds: ['Project'],
  messages: {
    sponsorIsManager: '{{manager}} is both sponsor and manager. The sponsor holds the manager to account, so they are two people: name a different manager or sponsor.',
    notTheSponsor: "This approval is in the sponsor's role but was given by {{person}}, not by the sponsor, {{sponsor}}. Record the sponsor's own decision, or correct the role.",
    ownWaiver: '{{approver}} manages this project and approved its waiver of {{rule}}: nobody approves their own exception. Have the sponsor or the PMO approve it.',
    waiverTooLong: 'This waiver of {{rule}} runs {{days}} days ({{from}} to {{expires}}); the policy allows at most {{maxDays}}. Set an earlier expiry, and renew it when it ends if it is still needed.',
  },
  options: ruleOptions('maxWaiverDays'),
  check({ document, policy, today, report }) {
    const sponsor = document.text(['sponsor']);
    const manager = document.text(['manager']);
    if (sponsor && sponsor === manager) {
      report(document.valueRange(['manager']), { messageId: 'sponsorIsManager', data: { manager: manager! } });
    }
    for (const { path, value } of document.records(['approvals'])) {
      const person = document.text([...path, 'person']);
      if (value.role !== 'sponsor' || !sponsor || !person || person === sponsor) continue;
      report(document.valueRange([...path, 'person']), { messageId: 'notTheSponsor', data: { person, sponsor } });
    }
    for (const { path, value } of document.records(['waivers'])) {
      const approver = document.text([...path, 'approver']);
      const rule = typeof value.rule === 'string' ? value.rule : 'a rule';
      if (approver && approver === manager) {
        report(document.valueRange([...path, 'approver']), { messageId: 'ownWaiver', data: { approver, rule } });
      }
      const expires = document.date([...path, 'expires']);
      if (policy.maxWaiverDays === undefined || !expires) continue;
      const from = document.date([...path, 'date']) ?? today;
      const days = daysBetween(from, expires);
      if (days <= policy.maxWaiverDays) continue;
      report(document.valueRange([...path, 'expires']), { messageId: 'waiverTooLong', data: { rule, days, from, expires, maxDays: policy.maxWaiverDays } });
    }
  },
});
