import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../server/src/engine/languageService';
import { normaliseSettings } from '../../server/src/engine/settings';

const NAMES = ['people.yaml', 'finance-transformation.programme.yaml', 'fin-erp-upgrade.charter.yaml', 'fin-invoice-automation.charter.yaml', 'portfolio.yaml'];
const read = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'contract', name), 'utf8');

describe('code lens', () => {
  const svc = getLanguageService();
  before(() => {
    for (const name of NAMES) svc.workspace.setFile(svc.parse(`file:///workspace/${name}`, read(name), 1), name);
  });
  const lenses = async (name: string, text = read(name)) => {
    const file = svc.parse(`file:///workspace/${name}`, text, 2);
    const findings = await svc.validate(file, { relativePath: name, settings: normaliseSettings({ asOf: '2027-05-15' }) });
    return svc.getCodeLenses(file, findings, { relativePath: name, settings: normaliseSettings({ asOf: '2027-05-15' }) });
  };

  it('shows status and RAG, dependencies both ways and the open findings at the top of a charter', async () => {
    const upstream = await lenses('fin-erp-upgrade.charter.yaml');
    assert.deepEqual(upstream.map((l) => l.title), ['active · RAG green', 'depends on 0', 'blocks 1', 'no open findings']);
    const blocks = upstream[2];
    assert.equal(blocks.opens?.show, 'references');
    const { uri, position, locations } = blocks.opens as Extract<typeof blocks.opens, { show: 'references' }>;
    assert.equal(uri, 'file:///workspace/fin-erp-upgrade.charter.yaml');
    assert.deepEqual(position, { line: upstream[0].range.start.line, character: 0 });
    assert.deepEqual(locations.map((l) => l.uri), ['file:///workspace/fin-invoice-automation.charter.yaml']);

    const downstream = await lenses('fin-invoice-automation.charter.yaml', read('fin-invoice-automation.charter.yaml').replace('status: active', 'status: actve'));
    assert.deepEqual(downstream.slice(1).map((l) => l.title), ['depends on 1', 'blocks 0', '1 open finding']);
    assert.deepEqual(downstream[3].opens, { show: 'problems' });
    assert.equal(upstream[3].opens, undefined);
  });

  it('shows the RAG of live projects only: a finished project\'s last report is history', async () => {
    const text = read('fin-erp-upgrade.charter.yaml');
    for (const status of ['closed', 'cancelled', 'proposed']) {
      const [standing] = await lenses('fin-erp-upgrade.charter.yaml', text.replace('status: active', `status: ${status}`));
      assert.equal(standing.title, status);
    }
    const [onHold] = await lenses('fin-erp-upgrade.charter.yaml', text.replace('status: active', 'status: on-hold'));
    assert.equal(onHold.title, 'on-hold · RAG green');
  });

  it('has nothing to say on other kinds of document', async () => {
    assert.deepEqual(await lenses('people.yaml'), []);
  });
});
