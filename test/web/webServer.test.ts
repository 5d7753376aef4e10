// The web extension's language server (dist/web/server.js) in a real browser: Chromium loads a page that
// starts it as a web worker and talks LSP to it with a real client (test/web/pageClient.ts). Diagnostics,
// completion and hover; the portfolio from files the client hands over; a remote schema through fetch and
// a workspace schema read through the client. Needs `npm run build` and chromium: `npm run test:web`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import type { CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { REPO } from '../support/engine';
import type { PortfolioResult } from '../../server/src/protocol';

const ROOT = 'file:///workspace';
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const EXAMPLES = path.join(REPO, 'examples');
const identity = fs.readFileSync(path.join(EXAMPLES, 'projects', 'dc-identity.charter.yaml'), 'utf8');

/** Every charter of examples/ (not the planted mistakes), as the client would read them from the workspace. */
function exampleFiles(): Array<{ uri: string; text: string }> {
  const out: Array<{ uri: string; text: string }> = [];
  for (const rel of ['portfolio.yaml', 'people.yaml', ...fs.readdirSync(path.join(EXAMPLES, 'projects')).map((f) => `projects/${f}`), ...fs.readdirSync(path.join(EXAMPLES, 'programmes')).map((f) => `programmes/${f}`)]) {
    out.push({ uri: `${ROOT}/${rel}`, text: fs.readFileSync(path.join(EXAMPLES, rel), 'utf8') });
  }
  return out;
}

describe('web extension: the language server in a browser worker', function () {
  this.timeout(60_000);
  let server: http.Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    const serverBundle = path.join(REPO, 'dist', 'web', 'server.js');
    assert.ok(fs.existsSync(serverBundle), 'dist/web/server.js is missing: npm run build');
    const client = await esbuild.build({ entryPoints: [path.join(REPO, 'test', 'web', 'pageClient.ts')], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'warning' });
    const routes: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>charter web</title><script src="/client.js"></script>'],
      '/client.js': ['text/javascript', client.outputFiles[0].text],
      '/server.js': ['text/javascript', fs.readFileSync(serverBundle, 'utf8')],
      '/remote.schema.json': ['application/json', JSON.stringify({ type: 'object', required: ['costCentre'], properties: { costCentre: { type: 'string', pattern: '^CC-\\d+$' } } })],
    };
    server = http.createServer((req, res) => {
      const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
      res.writeHead(route ? 200 : 404, { 'content-type': route?.[0] ?? 'text/plain', 'access-control-allow-origin': '*' });
      res.end(route?.[1] ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { launchBrowser } = await import('../../scripts/e2e/lib.mjs');
    context = await launchBrowser(fs.mkdtempSync(path.join(os.tmpdir(), 'charter-web-profile-')));
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'charterLsp' in globalThis);
    const settings = {
      asOf: '2026-12-01',
      schemas: [
        { fileMatch: ['remote/**'], url: `${origin}/remote.schema.json` },
        { fileMatch: ['local/**'], url: 'schemas/local.schema.json' },
      ],
    };
    const result = await lsp<{ capabilities: { completionProvider?: unknown; hoverProvider?: unknown } }>((l, [root, s]) => l.initialize(root, s), [ROOT, settings]);
    assert.ok(result.capabilities.completionProvider);
    assert.ok(result.capabilities.hoverProvider);
  });

  after(async () => {
    await context?.close();
    server?.close();
  });

  afterEach(() => assert.deepEqual(pageErrors, []));

  type Lsp = {
    initialize(root: string, settings: unknown): Promise<unknown>;
    workspaceFiles(files: Array<{ uri: string; text: string }>): Promise<void>;
    addFile(uri: string, text: string): void;
    open(uri: string, text: string): Promise<void>;
    change(uri: string, text: string): Promise<void>;
    diagnostics(uri: string, rule: string): Promise<Diagnostic[]>;
    complete(uri: string, line: number, character: number): Promise<CompletionItem[]>;
    hover(uri: string, line: number, character: number): Promise<Hover | null>;
    readRequests(): string[];
    portfolio(): Promise<PortfolioResult>;
  };
  /** Runs `fn` with the page's client; arguments and results cross as JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the arguments cross into the page as JSON: each page function destructures its own shape
  function lsp<T>(fn: (l: Lsp, args: any[]) => unknown, args: unknown[] = []): Promise<T> {
    return page.evaluate(({ source, args }) => new Function('l', 'args', `return (${source})(l, args)`)((globalThis as unknown as { charterLsp: Lsp }).charterLsp, args), { source: fn.toString(), args }) as Promise<T>;
  }

  it('publishes findings for an open charter, with the rule id and a docs link on the web', async () => {
    const uri = `${ROOT}/projects/typo.charter.yaml`;
    const text = identity.replace('id: dc-identity', 'id: typo').replace('status: active', 'status: actve');
    const diagnostics = await lsp<Diagnostic[]>(async (l, [u, t]) => {
      await l.open(u, t);
      return l.diagnostics(u, 'schema/enum');
    }, [uri, text]);
    const typo = diagnostics.find((d) => d.code === 'schema/enum')!;
    assert.match(messageOf(typo), /Did you mean "active"\?/);
    assert.deepEqual(typo.range.start, { line: 5, character: 8 });
    assert.equal(typo.codeDescription?.href, 'https://charter.dev/docs/rules/schema.md');
    assert.equal(typo.source, 'charter');
  });

  it('updates the findings as the text changes', async () => {
    const uri = `${ROOT}/projects/typo.charter.yaml`;
    const fixed = identity.replace('id: dc-identity', 'id: typo');
    const diagnostics = await lsp<Diagnostic[]>((l, [u, t]) => l.change(u, t).then(() => l.diagnostics(u, '')), [uri, fixed]);
    assert.deepEqual(diagnostics, []);
  });

  it('answers completion with the schema\'s values', async () => {
    const uri = `${ROOT}/projects/complete.charter.yaml`;
    const text = identity.replace('id: dc-identity', 'id: complete').replace('status: active', 'status: ');
    const items = await lsp<CompletionItem[]>(async (l, [u, t]) => {
      await l.open(u, t);
      await l.diagnostics(u, '*');
      return l.complete(u, 5, 8);
    }, [uri, text]);
    const labels = items.map((i) => i.label);
    for (const status of ['proposed', 'approved', 'active', 'on-hold', 'closed', 'cancelled']) assert.ok(labels.includes(status), `${status} in ${labels.join(', ')}`);
  });

  it('answers hover from the schema', async () => {
    const hover = await lsp<Hover | null>((l, [u]) => l.hover(u, 5, 2), [`${ROOT}/projects/typo.charter.yaml`]);
    assert.ok(hover);
    assert.match(JSON.stringify(hover.contents), /status/i);
  });

  it('checks across the portfolio the client hands over', async () => {
    const uri = `${ROOT}/projects/cross.charter.yaml`;
    const text = identity.replace('id: dc-identity', 'id: cross').replace('manager: aisha.bello', 'manager: no.body');
    const before = await lsp<Diagnostic[]>(async (l, [u, t]) => {
      await l.open(u, t);
      return l.diagnostics(u, '*');
    }, [uri, text]);
    assert.ok(!before.some((d) => d.code === 'portfolio/unknown-reference'), 'no people file yet, so no unknown-person finding');
    const diagnostics = await lsp<Diagnostic[]>((l, [u, files]) => l.workspaceFiles(files).then(() => l.diagnostics(u, 'portfolio/unknown-reference')), [uri, exampleFiles()]);
    const unknown = diagnostics.find((d) => d.code === 'portfolio/unknown-reference')!;
    assert.match(messageOf(unknown), /no\.body/);
  });

  it('answers the portfolio tree\'s request with the projects the client handed over', async () => {
    const result = await page.evaluate(() => (globalThis as unknown as { charterLsp: Lsp }).charterLsp.portfolio());
    const ids = result.portfolio.projects.map((p) => p.id);
    assert.ok(ids.includes('dc-identity') && ids.includes('cross'), ids.join(', '));
    assert.ok((result as { groups: unknown[] }).groups.length > 0);
  });

  it('loads a remote schema through fetch', async () => {
    const uri = `${ROOT}/remote/a.charter.yaml`;
    const diagnostics = await lsp<Diagnostic[]>(async (l, [u, t]) => {
      await l.open(u, t);
      return l.diagnostics(u, 'schema/required');
    }, [uri, identity.replace('id: dc-identity', 'id: remote-a')]);
    assert.ok(diagnostics.some((d) => d.code === 'schema/required' && /costCentre/.test(messageOf(d))), JSON.stringify(diagnostics));
  });

  it('reads a workspace schema through the client', async () => {
    const uri = `${ROOT}/local/b.charter.yaml`;
    const schemaUri = `${ROOT}/schemas/local.schema.json`;
    const schema = JSON.stringify({ type: 'object', required: ['riskAppetite'], properties: { riskAppetite: { enum: ['low', 'high'] } } });
    const diagnostics = await lsp<Diagnostic[]>(async (l, [u, t, s, st]) => {
      l.addFile(s, st);
      await l.open(u, t);
      return l.diagnostics(u, 'schema/required');
    }, [uri, identity.replace('id: dc-identity', 'id: local-b'), schemaUri, schema]);
    assert.ok(diagnostics.some((d) => /riskAppetite/.test(messageOf(d))), JSON.stringify(diagnostics));
    assert.ok((await lsp<string[]>((l) => l.readRequests())).includes(schemaUri));
  });
});
