import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'risks/owned';

describe('risks/owned', () => {
  it('fires on a risk without an owner', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('    owner: raj.patel\n', ''));
    assert.deepEqual(underlined, ['id']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'Risk r-ocr ("OCR accuracy below target") has no owner. Add owner: the person (a People id) who watches it and acts on it.');
  });

  it('treats a blank owner as none (boundary)', async () => {
    assert.equal((await check(RULE, PROJECT.replace('owner: raj.patel', 'owner: "  "'))).findings.length, 1);
  });

  it('leaves closed risks alone', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('    owner: raj.patel\n', '    status: closed\n'))).findings, []);
  });

  it('is quiet with owners, and without risks', async () => {
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace(/risks:\n( {2}- .*\n| {4}.*\n)*/, ''))).findings, []);
  });

  it('honours charter.rules', async () => {
    assert.equal((await check(RULE, PROJECT.replace('    owner: raj.patel\n', ''), { settings: { rules: { [RULE]: 'error' } } })).findings[0].severity, 'error');
  });
});
