// Ruleset findings through the language service: loading (files, URLs, built-in, portfolio.yaml),
// placement, and everything built-in findings get (severities, suppressions, waivers).
import { strict as assert } from 'node:assert';
import { getLanguageService, type CharterLanguageService } from '../../../server/src/engine/languageService';
import type { SchemaRequestService } from '../../../server/src/engine/schema/schemaService';
import { normaliseSettings } from '../../../server/src/engine/settings';
import type { Finding } from '../../../server/src/engine/types';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULESET_NOTES } from '../../../server/src/engine/rulesets/rulesetService';
import { describe as show, REPO, underlined, VALID_PROJECT } from '../../support/engine';

const FOLDER = 'file:///ws';

const RULESET = `apiVersion: charter/v1
kind: Ruleset
rules:
  - id: pmo/risk-owner
    description: Every risk names its owner.
    message: "Risk {{path}} of {{project.title}} has no owner: {{reason}}."
    severity: error
    docs: https://pmo.example.org/rules/risk-owner
    given: $.risks[*]
    then:
      - field: owner
        function: defined
  - id: pmo/summary
    description: A charter has a summary.
    given: $.summary
    then:
      function: truthy
`;

/** A language service whose files are `files` (by path under file:///ws/), and a log of what was read. */
function setup(files: Record<string, string>) {
  const reads: string[] = [];
  const request: SchemaRequestService = async (uri) => {
    reads.push(uri);
    const key = uri.startsWith(`${FOLDER}/`) ? uri.slice(FOLDER.length + 1) : uri;
    if (!(key in files)) throw new Error('the file does not exist');
    const content = files[key];
    return key.startsWith('https:') && content.startsWith('CACHED:') ? { content: content.slice(7), cached: { savedAt: '2027-01-01T10:00:00Z', reason: 'the server did not answer' } } : content;
  };
  const service = getLanguageService({ schemaRequest: request });
  const check = async (text: string, settings: Record<string, unknown> = { rulesets: ['pmo/acme.ruleset.yaml'] }, relativePath = 'projects/x.charter.yaml') => {
    const file = service.parse(`${FOLDER}/${relativePath}`, text, Math.random());
    const findings = await service.validate(file, { relativePath, folderUri: FOLDER, settings: normaliseSettings({ asOf: '2027-01-15', ...settings }) });
    return findings.filter((f) => /^(pmo|ruleset)\//.test(f.rule));
  };
  return { service, check, reads, files };
}

const PROJECT = VALID_PROJECT.replace('title: Invoice automation\n', 'title: Invoice automation\nsummary: Automate supplier invoices.\n');
const WITHOUT_OWNER = `${PROJECT}risks:\n  - { id: r-1, title: Vendor, probability: low, impact: low }\n`;

describe('rulesets: in validation', () => {
  it('reports a rule on the exact node, with the rule id, message template, docs link and origin', async () => {
    const { check } = setup({ 'pmo/acme.ruleset.yaml': RULESET });
    const findings = await check(WITHOUT_OWNER);
    // The risk has no owner: the finding sits on the risk, on its first key, as built-in rules place it.
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, underlined(WITHOUT_OWNER, f), f.range.start.line]), [['pmo/risk-owner', 'error', 'id', WITHOUT_OWNER.split('\n').findIndex((l) => l.includes('r-1'))]]);
    assert.match(findings[0].message, /^Risk \$\.risks\[0\]\.owner of .+ has no owner: it is missing\.$/);
    assert.equal(findings[0].docs, 'https://pmo.example.org/rules/risk-owner');
    assert.equal(findings[0].origin, 'ruleset pmo/acme.ruleset.yaml');
    assert.equal(findings[0].description, 'Every risk names its owner.');
  });

  it('puts a finding about an absent field on the key above it', async () => {
    const { check } = setup({ 'pmo/acme.ruleset.yaml': RULESET.replace('given: $.summary', 'given: $.budget.businessCase').replace('function: truthy', 'function: defined') });
    const [finding] = await check(PROJECT);
    assert.equal(finding.rule, 'pmo/summary');
    assert.equal(underlined(PROJECT, finding), 'budget');
    assert.equal(finding.message, 'A charter has a summary: it is missing.');
  });

  it('applies charter.rules severities, suppression comments and waivers to ruleset rules', async () => {
    const { check } = setup({ 'pmo/acme.ruleset.yaml': RULESET });
    assert.equal((await check(WITHOUT_OWNER, { rulesets: ['pmo/acme.ruleset.yaml'], rules: { 'pmo/risk-owner': 'warning' } }))[0].severity, 'warning');
    assert.deepEqual(await check(WITHOUT_OWNER, { rulesets: ['pmo/acme.ruleset.yaml'], rules: { 'pmo/*': 'off' } }), []);
    const suppressed = WITHOUT_OWNER.replace('risks:\n', 'risks:\n  # charter-disable-next-line pmo/risk-owner -- owner named at the kick-off\n');
    assert.deepEqual(await check(suppressed), []);
    // policy.protectedRules: a comment cannot silence a protected ruleset rule either.
    const guarded = await check(suppressed, { rulesets: ['pmo/acme.ruleset.yaml'], policy: { protectedRules: ['pmo/*'] } });
    assert.deepEqual(guarded.map((f) => f.rule), ['pmo/risk-owner']);
    const waived = `${WITHOUT_OWNER}waivers:\n  - { rule: pmo/risk-owner, reason: Vendor risk owned by procurement, approver: jane.doe, expires: 2027-06-30 }\n`;
    assert.deepEqual((await check(waived)).map((f) => f.rule), []);
  });

  it('reads rulesets named in portfolio.yaml, relative to it, and built-in ones', async () => {
    const { service, check } = setup({ 'pmo/acme.ruleset.yaml': RULESET });
    const portfolio = 'apiVersion: charter/v1\nkind: Portfolio\nid: p\ntitle: P\nobjectives: []\nfunding: []\npolicy: {}\nrulesets: [pmo/acme.ruleset.yaml]\n';
    service.workspace.setFile(service.parse(`${FOLDER}/portfolio.yaml`, portfolio), 'portfolio.yaml');
    assert.deepEqual((await check(WITHOUT_OWNER, {})).map((f) => f.rule), ['pmo/risk-owner']);
    const noSummary = PROJECT.replace(/^summary:.*\n/m, '');
    // The setting's built-in ruleset and the portfolio's own both apply.
    assert.deepEqual((await check(noSummary, { rulesets: ['builtin:starter'] })).map((f) => f.rule), ['pmo/summary-present', 'pmo/summary']);
  });

  it('turns a broken ruleset into one ruleset/unavailable finding per document; the other rulesets keep working', async () => {
    const { check } = setup({ 'pmo/acme.ruleset.yaml': RULESET, 'pmo/broken.ruleset.yaml': RULESET.replace('function: defined', 'function: eval') });
    const findings = await check(WITHOUT_OWNER, { rulesets: ['pmo/broken.ruleset.yaml', 'pmo/acme.ruleset.yaml', 'pmo/missing.ruleset.yaml'] });
    assert.deepEqual(findings.map((f) => `${f.rule}@${f.range.start.line}`), ['ruleset/unavailable@0', 'ruleset/unavailable@0', 'pmo/risk-owner@' + findings[2].range.start.line]);
    assert.match(findings[0].message, /^The ruleset pmo\/broken\.ruleset\.yaml \(from the charter\.rulesets setting\) cannot be used: rule pmo\/risk-owner, "then": "eval" is not a Charter ruleset function/);
    assert.match(findings[1].message, /pmo\/missing\.ruleset\.yaml .*cannot be used: the file does not exist\./);
    assert.equal(findings[0].docs, 'docs/rules/ruleset/unavailable.md');
  });

  it('explains what is wrong with a ruleset file', async () => {
    const cases: Array<[string, RegExp]> = [
      ['rules: [', /not valid YAML/],
      ['- a', /not a YAML mapping/],
      ['rules:\n  - { id: risk-owner, description: x, given: $, then: { function: defined } }', /id of the form pmo\/<name>/],
      ['rules:\n  - { id: pmo/a, description: x, given: "$..id", then: { function: defined } }', /"given" "\$\.\.id" has a "\." at character 2 without a key name/],
      ['rules:\n  - { id: pmo/a, description: x, given: $, then: { function: pattern, options: { match: "(?<=a)b" } } }', /lookaround or a backreference/],
      ['rules:\n  - { id: pmo/a, description: x, given: $, then: [] }', /no "then" check/],
      ['rules:\n  - { id: pmo/a, description: x, given: $, then: { function: defined }, sevrity: error }', /unknown key "sevrity"/],
      ['rules:\n  - { id: pmo/a, description: x, given: $, then: { function: defined } }\n  - { id: pmo/a, description: x, given: $, then: { function: defined } }', /defined twice/],
    ];
    for (const [text, reason] of cases) {
      const { check } = setup({ 'pmo/acme.ruleset.yaml': text });
      const [finding] = await check(PROJECT);
      assert.equal(finding?.rule, 'ruleset/unavailable', text);
      assert.match(finding.message, reason, text);
    }
  });

  it('reloads a ruleset file once it is forgotten (a save in the editor)', async () => {
    const { service, check, files } = setup({ 'pmo/acme.ruleset.yaml': RULESET });
    assert.equal((await check(WITHOUT_OWNER)).length, 1);
    assert.ok(service.loadedSchemaLocations().includes(`${FOLDER}/pmo/acme.ruleset.yaml`));
    files['pmo/acme.ruleset.yaml'] = RULESET.replace('severity: error', 'severity: info');
    assert.equal((await check(WITHOUT_OWNER))[0].severity, 'error', 'kept until the file is reported changed');
    assert.equal(service.forgetSchemas(`${FOLDER}/pmo/acme.ruleset.yaml`), true);
    assert.equal((await check(WITHOUT_OWNER))[0].severity, 'info');
  });

  it('downloads only in a trusted workspace, and says when a cached copy stands in', async () => {
    const url = 'https://pmo.example.org/acme.ruleset.yaml';
    const { service, check, reads } = setup({ [url]: `CACHED:${RULESET}` });
    const cached = await check(WITHOUT_OWNER, { rulesets: [url] });
    assert.deepEqual(cached.map((f) => `${f.rule}:${f.severity}`), ['ruleset/cached:info', 'pmo/risk-owner:error']);
    assert.match(cached[0].message, /could not be downloaded \(the server did not answer\), so the copy saved 2027-01-01 10:00 UTC is used/);
    service.setWorkspaceTrust(false);
    reads.length = 0;
    const untrusted = await check(WITHOUT_OWNER, { rulesets: [url] });
    assert.deepEqual(untrusted.map((f) => `${f.rule}:${f.severity}`), ['ruleset/untrusted:info']);
    assert.deepEqual(reads, []);
  });

  it('applies tiered rules only to documents of those tiers', async () => {
    const tiered = RULESET.replace('    given: $.risks[*]', '    tiers: [major]\n    given: $.risks[*]');
    const { check } = setup({ 'pmo/acme.ruleset.yaml': tiered });
    const tiers = { tiers: [{ name: 'major', when: [{ path: '$.budget.approved', function: 'money', options: { above: 100000 } }] }, { name: 'standard' }] };
    const settings = { rulesets: ['pmo/acme.ruleset.yaml'], policy: tiers };
    const small = WITHOUT_OWNER.replace(/approved: \d+/, 'approved: 1000');
    const large = WITHOUT_OWNER.replace(/approved: \d+/, 'approved: 900000');
    assert.deepEqual((await check(small, settings)).map((f) => f.rule), []);
    assert.deepEqual((await check(large, settings)).map((f) => f.rule), ['pmo/risk-owner']);
  });

  it('documents every ruleset/* rule with a page like the built-in rules\'', () => {
    for (const note of RULESET_NOTES) {
      const page = fs.readFileSync(path.join(REPO, note.docs), 'utf8');
      assert.ok(page.startsWith(`# \`${note.id}\``), note.docs);
      for (const section of ['## What', '## Why', '## How to fix', '## Options', '## Example']) assert.ok(page.includes(section), `${note.docs}: ${section}`);
    }
  });

  it('recomputes portfolio aggregates when the workspace or the policy\'s rates change', async () => {
    const envelope = 'rules:\n  - id: pmo/envelope\n    description: At most 1 M EUR in the portfolio.\n    given: $.budget.approved\n    then: { function: portfolio, options: { aggregate: sum, field: $.budget.approved, atMost: 1000000, currency: EUR } }\n';
    const { service, check } = setup({ 'pmo/acme.ruleset.yaml': envelope });
    const gbp = PROJECT.replace('currency: EUR', 'currency: GBP');
    service.workspace.setFile(service.parse(`${FOLDER}/projects/x.charter.yaml`, gbp), 'projects/x.charter.yaml');
    const withRate = (rate: number) => ({ rulesets: ['pmo/acme.ruleset.yaml'], policy: { baseCurrency: 'EUR', fxRates: { GBP: rate } } });
    // 850,000 GBP: 994,500 EUR at 1.17, 1,020,000 EUR at 1.2
    assert.deepEqual((await check(gbp, withRate(1.17))).map((f) => f.rule), []);
    assert.deepEqual((await check(gbp, withRate(1.2))).map((f) => f.rule), ['pmo/envelope']);
    const other = PROJECT.replace('id: fin-invoice-automation', 'id: fin-other').replace('approved: 850000', 'approved: 10');
    service.workspace.setFile(service.parse(`${FOLDER}/projects/y.charter.yaml`, other), 'projects/y.charter.yaml');
    assert.match((await check(gbp, withRate(1.2)))[0].message, /1,020,010 EUR/);
  });

  it('never runs anything from a ruleset, and bounds messages', async () => {
    const hostile = RULESET.replace('message: "Risk {{path}} of {{project.title}} has no owner: {{reason}}."', `message: "{{constructor}} {{__proto__.x}} \${process.exit(1)} ${'x'.repeat(2000)}"`);
    const { check } = setup({ 'pmo/acme.ruleset.yaml': hostile });
    const [finding] = await check(WITHOUT_OWNER);
    assert.ok(finding.message.length <= 500);
    assert.match(finding.message, /^\{\{constructor\}\} \{\{__proto__\.x\}\} \$\{process\.exit\(1\)\} x+\.\.\.$/);
  });
});

export type { Finding, CharterLanguageService };
void show;
