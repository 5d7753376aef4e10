import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRegularFile, readRegularFileSync, ReadRefused } from '../../server/src/fileReading';
import { getLanguageService } from '../../server/src/engine/languageService';
import { normaliseSettings } from '../../server/src/engine/settings';
import { readSchemaFile, SchemaFetcher } from '../../server/src/schemaRequest';
import { VALID_PROJECT } from '../support/engine';

// What a workspace names is read only where and as it says: links are resolved before the
// inside-the-workspace check, only regular files are read, no file: URL names another computer,
// and no download follows a redirect to another host.
const PURPOSE_REQUIRED = JSON.stringify({ type: 'object', required: ['purpose'] });

describe('fileReading', () => {
  let root: string;
  let workspace: string;
  let outside: string;

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'charter-trust-')));
    workspace = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    fs.mkdirSync(workspace);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.schema.json'), PURPOSE_REQUIRED);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** The schema findings of a charter whose modeline names `schema`, trusted or not. */
  async function schemaFindings(schema: string, trusted: boolean) {
    const service = getLanguageService({ schemaRequest: new SchemaFetcher({ offline: 'tests' }).request });
    service.setWorkspaceTrust(trusted);
    const relativePath = 'p.charter.yaml';
    const file = service.parse(pathToFileURL(path.join(workspace, relativePath)).href, `# yaml-language-server: $schema=${schema}\n${VALID_PROJECT}`);
    const findings = await service.validate(file, { relativePath, settings: normaliseSettings({}), folderUri: pathToFileURL(workspace).href });
    return findings.filter((f) => f.rule.startsWith('schema/'));
  }

  it('Restricted Mode: a schema file that links outside the workspace is not read', async () => {
    fs.symlinkSync(path.join(outside, 'secret.schema.json'), path.join(workspace, 'link.schema.json'));
    const untrusted = await schemaFindings('link.schema.json', false);
    assert.deepEqual(untrusted.map((f) => f.rule), ['schema/untrusted']);
    assert.match(untrusted[0].message, /reads no schema from outside the workspace \(link\.schema\.json is a link to a file outside the workspace\)/);
    assert.deepEqual((await schemaFindings('link.schema.json', true)).map((f) => f.rule), ['schema/required'], 'trusted: the link is followed');
  });

  it('Restricted Mode: nor one in a linked folder, nor one reached by $ref through a link', async () => {
    fs.symlinkSync(outside, path.join(workspace, 'schemas'));
    assert.deepEqual((await schemaFindings('schemas/secret.schema.json', false)).map((f) => f.rule), ['schema/untrusted']);
    fs.writeFileSync(path.join(workspace, 'inside.schema.json'), JSON.stringify({ allOf: [{ $ref: 'schemas/secret.schema.json' }] }));
    const viaRef = await schemaFindings('inside.schema.json', false);
    assert.deepEqual(viaRef.map((f) => f.rule), ['schema/untrusted']);
    assert.match(viaRef[0].message, /outside the workspace/);
  });

  it('Restricted Mode: a link that stays inside the workspace is fine', async () => {
    fs.mkdirSync(path.join(workspace, 'pmo'));
    fs.writeFileSync(path.join(workspace, 'pmo', 'real.schema.json'), PURPOSE_REQUIRED);
    fs.symlinkSync(path.join(workspace, 'pmo', 'real.schema.json'), path.join(workspace, 'link.schema.json'));
    assert.deepEqual((await schemaFindings('link.schema.json', false)).map((f) => f.rule), ['schema/required']);
  });

  it('reads no device, pipe or folder, trusted or not', async () => {
    fs.symlinkSync('/dev/zero', path.join(workspace, 'zero.schema.json'));
    execFileSync('mkfifo', [path.join(workspace, 'pipe.schema.json')]);
    for (const [name, trusted] of [['zero.schema.json', true], ['pipe.schema.json', true], ['pipe.schema.json', false]] as const) {
      {
        const findings = await schemaFindings(name, trusted);
        assert.deepEqual(findings.map((f) => f.rule), ['schema/unavailable'], `${name}, trusted ${trusted}`);
        assert.match(findings[0].message, /not a regular file/);
      }
    }
    assert.deepEqual((await schemaFindings('zero.schema.json', false)).map((f) => f.rule), ['schema/untrusted'], '/dev/zero is outside the workspace');
    await assert.rejects(readRegularFile(workspace), { message: 'it is a folder, not a file' });
    assert.throws(() => readRegularFileSync(path.join(workspace, 'pipe.schema.json')), ReadRefused);
    assert.throws(() => readRegularFileSync(path.join(workspace, 'zero.schema.json')), /not a regular file/);
  });

  it('refuses a file: URL that names another computer', async () => {
    await assert.rejects(readSchemaFile('file://fileserver/share/project.schema.json'), { message: /names another computer \(fileserver\)/ });
    fs.writeFileSync(path.join(workspace, 'local.schema.json'), PURPOSE_REQUIRED);
    assert.equal(await readSchemaFile(pathToFileURL(path.join(workspace, 'local.schema.json')).href.replace('file://', 'file://localhost')), PURPOSE_REQUIRED);
  });

  it('follows a redirect on the same host, but not to another host', async () => {
    const server = http.createServer((req, res) => {
      const port = (server.address() as AddressInfo).port;
      if (req.url === '/moved') res.writeHead(301, { location: '/project.schema.json' }).end();
      else if (req.url === '/elsewhere') res.writeHead(302, { location: `http://localhost:${port}/project.schema.json` }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(PURPOSE_REQUIRED);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const fetcher = new SchemaFetcher({ timeoutMs: 2000 });
      assert.equal(await fetcher.request(`${base}/moved`, { download: true }), PURPOSE_REQUIRED);
      await assert.rejects(fetcher.request(`${base}/elsewhere`, { download: true }), {
        message: /the server redirects to another host \(localhost:\d+\), which Charter does not follow\. If you trust it, use http:\/\/localhost:\d+\/project\.schema\.json as the schema's address/,
      });
    } finally {
      server.close();
    }
  });
});
