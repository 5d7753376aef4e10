import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'closure/open-risks';
const CLOSED = PROJECT.replace('status: active', 'status: closed');

describe('closure/open-risks', () => {
  it('fires on a high risk still open in a closed project', async () => {
    const { findings, underlined } = await check(RULE, CLOSED);
    assert.deepEqual(underlined, ['id']);
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /^The project is closed but the high risk "OCR accuracy below target" is still open\./);
  });

  it('is quiet once the risk is closed, for medium risks (boundary), and while the project is live', async () => {
    assert.deepEqual((await check(RULE, CLOSED.replace('    owner: raj.patel\n', '    owner: raj.patel\n    status: closed\n'))).findings, []);
    assert.deepEqual((await check(RULE, CLOSED.replace('impact: high', 'impact: medium'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
  });
});
