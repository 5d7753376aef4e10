import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

export const startBeforeEnd = documentRule({
  id: 'schedule/start-before-end',
  scope: 'document',
  severity: 'error',
  summary: 'A project ends on or after the day it starts.',
  docs: docsFor('schedule/start-before-end'),
  kinds: ['Project'],
  messages: {
    endBeforeStart: 'The schedule ends ({{end}}) before it starts ({{start}}). Swap the dates, or correct the one that is wrong.',
  },
  check({ document, report }) {
    const start = document.date(['schedule', 'start']);
    const end = document.date(['schedule', 'end']);
    if (!start || !end || end >= start) return;
    const startText = document.source(['schedule', 'start'])!;
    const endText = document.source(['schedule', 'end'])!;
    report(document.valueRange(['schedule', 'end']), { messageId: 'endBeforeStart', data: { end, start } }, {
      fixes: [
        {
          title: 'Swap start and end',
          // Which of the two dates is wrong is a guess.
          safe: false,
          edits: {
            [document.uri]: [
              { range: document.valueRange(['schedule', 'start']), newText: endText },
              { range: document.valueRange(['schedule', 'end']), newText: startText },
            ],
          },
        },
      ],
    });
  },
});
