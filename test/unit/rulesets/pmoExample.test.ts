// The README's worked example, test/fixtures/pmo-rulesets: Acme's ruleset over its portfolio, read from
// disk with its own settings. Every function of the library is used by at least one of its rules.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { readSettingsFile } from '../../../server/src/cli/workspace';
import { getLanguageService } from '../../../server/src/engine/languageService';
import { FUNCTIONS } from '../../../server/src/engine/rulesets/functions/index';
import { REPO } from '../../support/engine';
import { globSync } from 'tinyglobby';

const ROOT = path.join(REPO, 'test/fixtures/pmo-rulesets');
const read = async (uri: string) => fs.readFileSync(new URL(uri), 'utf8');

async function checkAll() {
  const service = getLanguageService({ schemaRequest: read });
  const settings = readSettingsFile(path.join(ROOT, '.vscode/settings.json'));
  const files = globSync(settings.files.include, { cwd: ROOT }).sort();
  const parsed = files.map((relativePath) => {
    const file = service.parse(pathToFileURL(path.join(ROOT, relativePath)).href, fs.readFileSync(path.join(ROOT, relativePath), 'utf8'));
    service.workspace.setFile(file, relativePath);
    return { relativePath, file };
  });
  const out: Record<string, string[]> = {};
  for (const { relativePath, file } of parsed) {
    const findings = await service.validate(file, { relativePath, settings, folderUri: pathToFileURL(ROOT).href });
    out[relativePath] = findings
      .filter((f) => f.rule.startsWith('pmo/') || f.rule.startsWith('ruleset/'))
      .sort((a, b) => a.range.start.line - b.range.start.line || a.rule.localeCompare(b.rule))
      .map((f) => `${f.rule}@${f.range.start.line + 1}`);
  }
  return { out, service, settings };
}

describe('rulesets: the PMO worked example', function () {
  this.timeout(20_000);

  it('uses every function of the library', () => {
    const text = fs.readFileSync(path.join(ROOT, 'pmo/acme.ruleset.yaml'), 'utf8');
    const used = new Set([...text.matchAll(/function: ([\w-]+)/g)].map((m) => m[1]));
    assert.deepEqual([...FUNCTIONS.keys()].filter((name) => !used.has(name)), []);
    assert.ok((parse(text) as { rules: unknown[] }).rules.length >= 8);
  });

  it('reports each rule where the README says, and nothing on the project that follows them all', async () => {
    const { out } = await checkAll();
    assert.deepEqual(out, {
      'people.yaml': [],
      'portfolio.yaml': [],
      'programmes/finance.programme.yaml': [],
      'programmes/operations.programme.yaml': [],
      'projects/fin-close.charter.yaml': ['pmo/programme-envelope@9', 'pmo/manager-load@12'],
      'projects/fin-uk-payroll.charter.yaml': [
        'pmo/programme-envelope@10',
        'pmo/it-architect@11',
        'pmo/manager-load@13',
        'pmo/supports-strategy@14',
        'pmo/three-year-horizon@16',
        'pmo/business-case-link@19',
        'pmo/delivery-risk-register@21',
        'pmo/unique-risk-titles@21',
      ],
      'projects/ops-archive.charter.yaml': ['pmo/summary-length@6', 'pmo/manager-load@12'],
      'projects/ops-ledger.charter.yaml': [],
      'projects/reg-ifrs-reporting.charter.yaml': ['pmo/project-id-prefix@4', 'pmo/major-breakdown@18', 'pmo/no-report-before-approval@25'],
    });
  });
});
