import { docsFor } from '../../utils/docs';
import type { DataPath } from '../../utils/yamlNodes';
import { documentRule } from '../ruleTypes';

/** Records of what happened cannot be dated after today: a status report, an approval, a gate decision. */
export const futureDated = documentRule({
  id: 'status/future-dated',
  scope: 'document',
  severity: 'error',
  summary: 'No status report, approval or phase-log entry is dated after today.',
  docs: docsFor('status/future-dated'),
  kinds: ['Project', 'Programme'],
  messages: {
    futureDated: '{{what}} is dated {{date}}, after today ({{today}}). Records say what has happened: correct the date, or record it when it happens.',
  },
  check({ document, today, report }) {
    const records: Array<[DataPath, string]> = [
      [['statusReport', 'asOf'], 'The status report'],
      ...document.records(['approvals']).map((r): [DataPath, string] => [[...r.path, 'date'], 'This approval']),
      ...document.records(['phaseLog']).map((r): [DataPath, string] => [[...r.path, 'date'], 'This phase-log entry']),
    ];
    for (const [path, what] of records) {
      const date = document.date(path);
      if (!date || date <= today) continue;
      report(document.valueRange(path), { messageId: 'futureDated', data: { what, date, today } });
    }
  },
});
