// The performance fields in the editor: completion offers them, hover explains them.
import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../server/src/engine/languageService';
import { normaliseSettings } from '../../server/src/engine/settings';

const svc = getLanguageService();
const HEAD = 'apiVersion: charter/v1\nkind: Project\n';

function caret(marked: string) {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, line: before.length - 1, character: before[before.length - 1].length };
}

async function parse(marked: string) {
  const { text, line, character } = caret(marked);
  const uri = 'file:///workspace/perf.charter.yaml';
  svc.forget(uri);
  return { file: svc.parse(uri, text, 1), position: { line, character }, context: { relativePath: 'perf.charter.yaml', settings: normaliseSettings({ asOf: '2027-02-01' }) } };
}

describe('performance fields in the editor', () => {
  it('completes the actuals and forecast keys in budget, and the confidence scale', async () => {
    const budget = await parse(`${HEAD}budget:\n  currency: EUR\n  |\n`);
    const keys = (await svc.doComplete(budget.file, budget.position, budget.context)).items.map((i) => i.label);
    for (const key of ['actualToDate', 'actualAsOf', 'forecastAtCompletion', 'requested']) assert.ok(keys.includes(key), `${key} in ${keys.join(', ')}`);
    const confidence = await parse(`${HEAD}statusReport:\n  confidence: |\n`);
    const values = (await svc.doComplete(confidence.file, confidence.position, confidence.context)).items.map((i) => i.label);
    assert.deepEqual(['green', 'amber-green', 'amber', 'amber-red', 'red'].filter((v) => values.includes(v)), ['green', 'amber-green', 'amber', 'amber-red', 'red']);
  });

  it('explains forecastAtCompletion and percentComplete on hover', async () => {
    const forecast = await parse(`${HEAD}budget:\n  forecast|AtCompletion: 880000\n`);
    const h1 = await svc.doHover(forecast.file, forecast.position, forecast.context, {});
    assert.match(h1?.contents ?? '', /Forecast at completion/);
    assert.match(h1?.contents ?? '', /exception report to the sponsor/);
    const progress = await parse(`${HEAD}progress:\n  percent|Complete: 40\n`);
    const h2 = await svc.doHover(progress.file, progress.position, progress.context, {});
    assert.match(h2?.contents ?? '', /Percent complete/);
  });
});
