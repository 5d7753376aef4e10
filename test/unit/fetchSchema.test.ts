// The web server's schema downloads (fetch), against a loopback server: the text, HTTP errors, the size
// and time bounds, and downloads turned off.
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchSchema } from '../../server/src/web/fetchSchema';

describe('fetchSchema (web server)', () => {
  let server: http.Server;
  let base: string;
  const held: http.ServerResponse[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/ok.json') res.end('{"type":"object"}');
      else if (req.url === '/big.json') {
        res.writeHead(200); // no content-length: the size shows only while reading
        res.write('x'.repeat(600));
        res.end('x'.repeat(600));
      } else if (req.url === '/slow.json') held.push(res);
      else {
        res.writeHead(404, 'Not Found');
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    held.forEach((r) => r.end());
    server.close();
  });

  const limits = { timeoutMs: 300, maxBytes: 1000 };

  it('returns the schema text', async () => {
    assert.equal(await fetchSchema(`${base}/ok.json`, { download: true }, limits), '{"type":"object"}');
  });

  it('says what the server answered', async () => {
    await assert.rejects(fetchSchema(`${base}/missing.json`, { download: true }, limits), { message: 'the server answered 404 Not Found' });
  });

  it('stops reading past the size bound', async () => {
    await assert.rejects(fetchSchema(`${base}/big.json`, { download: true }, limits), { message: /larger than/ });
  });

  it('gives up after the time bound', async () => {
    await assert.rejects(fetchSchema(`${base}/slow.json`, { download: true }, limits), { message: 'the download took longer than 0.3 s' });
  });

  it('downloads nothing when downloads are off', async () => {
    await assert.rejects(fetchSchema(`${base}/ok.json`, { download: false }, limits), { message: /charter\.schemaDownload\.enable is false/ });
  });
});
