// Trends from git in the editor: in a trusted workspace the server reads each charter's committed
// versions; in an untrusted one it runs no git. Needs `npm run build` (dist/server.js).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { Requests } from '../../server/src/protocol';
import { startServer, type ServerSession } from '../support/lspClient';

const version = (asOf: string, rag: string) => `apiVersion: charter/v1
kind: Project
id: p
title: P
status: active
sponsor: a
manager: b
schedule: { start: 2027-01-04, end: 2027-12-17 }
budget: { currency: EUR, approved: 1000 }
statusReport: { asOf: ${asOf}, rag: ${rag}, commentary: c${rag === 'red' ? ', recoveryPlan: r' : ''} }
`;

describe('protocol: trends from git history', function () {
  this.timeout(30_000);
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-history-lsp-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: root });
    git('init', '-q');
    for (const [asOf, rag] of [['2027-03-31', 'green'], ['2027-04-30', 'red']]) {
      fs.writeFileSync(path.join(root, 'p.charter.yaml'), version(asOf, rag));
      git('add', '.');
      git('commit', '-q', '-m', asOf);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  async function trendWith(trusted: boolean) {
    const server: ServerSession = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-05-15' }, initializationOptions: { workspaceTrusted: trusted } });
    try {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const result = await server.connection.sendRequest(Requests.portfolio, {});
        if (result.portfolio.projects.length === 1) return result.portfolio.projects[0].performance?.trend;
        if (Date.now() > deadline) throw new Error('the portfolio never showed the project');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await server.stop();
    }
  }

  it('reads the history of each charter in a trusted workspace', async () => {
    const trend = await trendWith(true);
    assert.equal(trend?.source, 'git');
    assert.deepEqual(trend?.phrases, ['Red for 15 days', 'green -> red since last report']);
  });

  it('runs no git in an untrusted workspace', async () => {
    const trend = await trendWith(false);
    assert.equal(trend?.source, 'current');
    assert.deepEqual(trend?.phrases, ['Red for 15 days']);
  });
});
