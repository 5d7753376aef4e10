import { strict as assert } from 'node:assert';
import { defaultSettings, normaliseSettings } from '../../server/src/engine/settings';

describe('settings', () => {
  it('defaults to validating with the built-in file globs', () => {
    const settings = defaultSettings();
    assert.equal(settings.validate.enable, true);
    assert.ok(settings.files.include.includes('**/*.charter.yaml'));
    assert.equal(settings.portfolio.groupBy, 'programme');
    assert.equal(settings.asOf, undefined);
  });

  it('reads nested objects (as VS Code returns them) and dotted keys (as settings.json writes them)', () => {
    const nested = normaliseSettings({ validate: { enable: false }, portfolio: { groupBy: 'rag' }, asOf: '2027-05-15' });
    assert.equal(nested.validate.enable, false);
    assert.equal(nested.portfolio.groupBy, 'rag');
    assert.equal(nested.asOf, '2027-05-15');
    const dotted = normaliseSettings({ 'validate.enable': false, 'files.include': ['**/*.yaml'] });
    assert.equal(dotted.validate.enable, false);
    assert.deepEqual(dotted.files.include, ['**/*.yaml']);
  });

  it('keeps defaults for malformed values instead of failing', () => {
    const settings = normaliseSettings({
      rules: { 'schema/enum': 'loud', 'schema/type': 'off' },
      schemas: [{ fileMatch: '*.charter.yaml', url: 'pmo.json' }, { url: 'no-match.json' }, 'junk'],
      asOf: 'next tuesday',
      portfolio: { groupBy: 'colour' },
    });
    assert.deepEqual(settings.rules, { 'schema/type': 'off' });
    assert.deepEqual(settings.schemas, [{ fileMatch: ['*.charter.yaml'], url: 'pmo.json' }]);
    assert.equal(settings.asOf, undefined);
    assert.equal(settings.portfolio.groupBy, 'programme');
    assert.deepEqual(normaliseSettings(null), defaultSettings());
  });

  it('reads charter.files.maxSizeKB as a whole number of at least 1, else keeps the 256 KB default', () => {
    assert.equal(defaultSettings().files.maxSizeKB, 256);
    assert.equal(normaliseSettings({ 'files.maxSizeKB': 1024 }).files.maxSizeKB, 1024);
    assert.equal(normaliseSettings({ files: { maxSizeKB: 64.7 } }).files.maxSizeKB, 64);
    for (const bad of [0, -5, '2048', Number.NaN, null]) assert.equal(normaliseSettings({ 'files.maxSizeKB': bad }).files.maxSizeKB, 256);
  });
});
