import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SchemaResponse } from '../../server/src/engine/schema/schemaService';
import { cliCacheDir, readSchemaFile, SchemaFetcher, timeoutFromEnv } from '../../server/src/schemaRequest';

/** A loopback HTTP server whose answers a test scripts; it records the requests it got. */
class SchemaServer {
  readonly seen: http.IncomingHttpHeaders[] = [];
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => res.end('{}');
  private server = http.createServer((req, res) => {
    this.seen.push(req.headers);
    this.answer(req, res);
  });
  private sockets = new Set<import('node:net').Socket>();

  async start(): Promise<string> {
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const SCHEMA = JSON.stringify({ type: 'object', required: ['costCentre'] });
const withEtag = (etag: string, body = SCHEMA) => (req: http.IncomingMessage, res: http.ServerResponse) => {
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag });
    res.end();
  } else {
    res.writeHead(200, { etag, 'content-type': 'application/schema+json' });
    res.end(body);
  }
};

describe('schemaRequest', () => {
  let server: SchemaServer;
  let base: string;
  let cacheDir: string;

  beforeEach(async () => {
    server = new SchemaServer();
    base = await server.start();
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-cache-'));
  });
  afterEach(async () => {
    await server.stop();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  const fetcher = (config: ConstructorParameters<typeof SchemaFetcher>[0] = {}) => new SchemaFetcher({ cacheDir, timeoutMs: 2000, ...config });
  const ON = { download: true };

  it('200: returns the schema and caches it with its ETag', async () => {
    server.answer = withEtag('"v1"');
    const f = fetcher();
    assert.equal(await f.request(`${base}/p.json`, ON), SCHEMA);
    const copy = f.cachedCopy(`${base}/p.json`);
    assert.ok(copy && fs.readFileSync(copy, 'utf8') === SCHEMA);
    assert.equal(server.seen[0]['if-none-match'], undefined);
  });

  it('304: revalidates with If-None-Match and answers from the cache, with no note', async () => {
    server.answer = withEtag('"v1"');
    await fetcher().request(`${base}/p.json`, ON);
    assert.equal(await fetcher().request(`${base}/p.json`, ON), SCHEMA);
    assert.equal(server.seen[1]['if-none-match'], '"v1"');
  });

  it('a new version replaces the cached one', async () => {
    server.answer = withEtag('"v1"');
    await fetcher().request(`${base}/p.json`, ON);
    server.answer = withEtag('"v2"', '{"type":"object"}');
    assert.equal(await fetcher().request(`${base}/p.json`, ON), '{"type":"object"}');
    server.answer = withEtag('"v2"', 'not served');
    assert.equal(await fetcher().request(`${base}/p.json`, ON), '{"type":"object"}');
  });

  it('refresh: the next download ignores the ETag and fetches a full copy', async () => {
    server.answer = withEtag('"v1"');
    const f = fetcher();
    await f.request(`${base}/p.json`, ON);
    await f.request(`${base}/p.json`, ON);
    f.refresh();
    await f.request(`${base}/p.json`, ON);
    await f.request(`${base}/p.json`, ON);
    assert.deepEqual(server.seen.map((h) => h['if-none-match'] ?? null), [null, '"v1"', null, '"v1"']);
  });

  it('404: says so, or falls back to the cached copy and says why', async () => {
    server.answer = (_req, res) => {
      res.writeHead(404, 'Not Found');
      res.end('gone');
    };
    await assert.rejects(fetcher().request(`${base}/p.json`, ON), { message: 'the server answered 404 Not Found, and no copy of it is cached' });
    server.answer = withEtag('"v1"');
    await fetcher().request(`${base}/p.json`, ON);
    server.answer = (_req, res) => {
      res.writeHead(404, 'Not Found');
      res.end();
    };
    const answer = (await fetcher().request(`${base}/p.json`, ON)) as SchemaResponse;
    assert.equal(answer.content, SCHEMA);
    assert.equal(answer.cached?.reason, 'the server answered 404 Not Found');
    assert.ok(!Number.isNaN(Date.parse(answer.cached!.savedAt)));
  });

  it('timeout: gives up after the timeout, with or without a cached copy', async () => {
    server.answer = () => undefined; // never answers
    const host = new URL(base).host;
    await assert.rejects(fetcher({ timeoutMs: 200 }).request(`${base}/slow.json`, ON), { message: `${host} did not answer within 0.2 s, and no copy of it is cached` });
    server.answer = withEtag('"v1"');
    await fetcher().request(`${base}/slow.json`, ON);
    server.answer = () => undefined;
    const started = Date.now();
    const answer = (await fetcher({ timeoutMs: 200 }).request(`${base}/slow.json`, ON)) as SchemaResponse;
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual([answer.content, answer.cached?.reason], [SCHEMA, `${host} did not answer within 0.2 s`]);
  });

  it('server down: connection refused, with or without a cached copy', async () => {
    server.answer = withEtag('"v1"');
    await fetcher().request(`${base}/p.json`, ON);
    await server.stop();
    server = new SchemaServer();
    await server.start(); // a live server for afterEach; the old port is closed
    const host = new URL(base).host;
    const answer = (await fetcher().request(`${base}/p.json`, ON)) as SchemaResponse;
    assert.deepEqual([answer.content, answer.cached?.reason], [SCHEMA, `nothing answers at ${host} (connection refused)`]);
    await assert.rejects(fetcher().request(`${base}/other.json`, ON), { message: `nothing answers at ${host} (connection refused), and no copy of it is cached` });
  });

  it('offline (CLI --offline, or downloads turned off): the cached copy only, with the reason', async () => {
    server.answer = withEtag('"v1"');
    await fetcher().request(`${base}/p.json`, ON);
    const seen = server.seen.length;
    const offline = (await fetcher({ offline: 'charter check runs with --offline' }).request(`${base}/p.json`, ON)) as SchemaResponse;
    assert.equal(offline.cached?.reason, 'charter check runs with --offline');
    const off = (await fetcher().request(`${base}/p.json`, { download: false })) as SchemaResponse;
    assert.equal(off.cached?.reason, 'downloads are turned off: charter.schemaDownload.enable is false');
    await assert.rejects(fetcher({ offline: 'charter check runs with --offline' }).request(`${base}/never.json`, ON), {
      message: 'it was not downloaded because charter check runs with --offline, and no copy of it is cached',
    });
    assert.equal(server.seen.length, seen, 'no request went out');
  });

  it('without a cache folder still downloads, and caches nothing', async () => {
    server.answer = withEtag('"v1"');
    const f = new SchemaFetcher({ timeoutMs: 2000 });
    assert.equal(await f.request(`${base}/p.json`, ON), SCHEMA);
    assert.equal(f.cachedCopy(`${base}/p.json`), undefined);
  });

  it('reads files, and says why one cannot be read', async () => {
    const file = path.join(cacheDir, 'local.json');
    fs.writeFileSync(file, SCHEMA);
    assert.equal(await fetcher().request(pathToFileURL(file).href, ON), SCHEMA);
    await assert.rejects(readSchemaFile(pathToFileURL(path.join(cacheDir, 'nope.json')).href), { message: 'the file does not exist' });
    await assert.rejects(readSchemaFile(pathToFileURL(cacheDir).href), { message: 'it is a folder, not a file' });
    await assert.rejects(fetcher().request('ftp://x/p.json', ON), { message: 'Charter reads schemas from files and http(s) URLs only, not ftp: URLs' });
  });

  it('puts the CLI cache in $XDG_CACHE_HOME/charter or the workspace, and reads the timeout from the environment', () => {
    assert.equal(cliCacheDir('/ws', { XDG_CACHE_HOME: '/home/u/.cache' }), path.join('/home/u/.cache', 'charter'));
    assert.equal(cliCacheDir('/ws', {}), path.join('/ws', '.charter-cache'));
    assert.equal(timeoutFromEnv({ CHARTER_SCHEMA_TIMEOUT_MS: '250' }), 250);
    assert.equal(timeoutFromEnv({}), 5000);
  });
});
