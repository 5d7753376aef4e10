import { strict as assert } from 'node:assert';
import { renderMessage } from '../../../server/src/engine/rulesets/messageTemplate';

const base = { value: 'x', given: { a: 1 }, path: ['risks', 0, 'owner'], reason: 'it is missing', description: 'Risks are owned.', rule: 'pmo/owned', tier: 'major', root: { title: 'Payroll', budget: { currency: 'EUR' } } };

describe('rulesets: messageTemplate', () => {
  it('fills in the values, the path, the reason and document fields', () => {
    assert.equal(
      renderMessage('{{rule}} {{tier}}: {{value}} / {{given}} at {{path}} of {{project.title}} ({{document.budget.currency}}): {{reason}}', base),
      'pmo/owned major: x / {"a":1} at $.risks[0].owner of Payroll (EUR): it is missing',
    );
  });

  it('defaults to the description and the reason', () => {
    assert.equal(renderMessage(undefined, base), 'Risks are owned: it is missing.');
  });

  it('leaves unknown placeholders as written, keeps one line and bounds the length', () => {
    assert.equal(renderMessage('{{nope}} {{project.missing}}\nnext', base), '{{nope}} nothing next');
    assert.equal(renderMessage('y'.repeat(900), base).length, 500);
  });
});
