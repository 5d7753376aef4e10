import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'status/rag-inconsistent';
const green = (dimensions = '', budgetExtra = '') =>
  PROJECT.replace('  rag: amber\n', `  rag: green\n${dimensions ? `  dimensions: ${dimensions}\n` : ''}`).replace('  contingency: 60000\n', `  contingency: 60000\n${budgetExtra}`);

describe('status/rag-inconsistent', () => {
  it('fires on rag when the report is green while a dimension is red', async () => {
    const { findings, underlined } = await check(RULE, green('{ schedule: green, cost: red, scope: green, benefits: green, resources: red }'));
    assert.deepEqual(underlined, ['green']);
    assert.equal(findings[0].message, 'The status report says green, but cost and resources are red. Rate the project amber or red (red needs a recovery plan), or correct the figures.');
  });

  it('fires when the report is green while the forecast is beyond tolerance', async () => {
    const { findings } = await check(RULE, green('', '  forecastAtCompletion: 850001\n'));
    assert.equal(
      findings[0].message,
      'The status report says green, but the forecast at completion, 850,001 EUR, is 1 EUR (0.1%) over the approved 850,000 EUR, and the charter sets no tolerance (authority.budgetTolerancePercent). Rate the project amber or red (red needs a recovery plan), or correct the figures.',
    );
  });

  it('is quiet when green is consistent, when the report is not green, and for projects that are not live', async () => {
    assert.deepEqual((await check(RULE, green('{ schedule: amber, cost: green }', '  forecastAtCompletion: 850000\n'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('  rag: amber\n', '  rag: amber\n  dimensions: { cost: red }\n'))).findings, []);
    assert.deepEqual((await check(RULE, green('{ cost: red }').replace('status: active', 'status: proposed'))).findings, []);
    assert.deepEqual((await check(RULE, green('not-a-mapping'))).findings, []);
  });
});
