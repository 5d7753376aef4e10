// Change control over LSP: findings against the base from git, re-evaluated when HEAD moves under the
// running server, only in a trusted workspace. Needs `npm run build` (dist/server.js).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { Notifications, Requests } from '../../server/src/protocol';
import { PEOPLE, PORTFOLIO, PROGRAMME, PROJECT } from '../unit/rules/harness';
import { startServer, type ServerSession } from '../support/lspClient';

const FILE = 'projects/fin-invoice.charter.yaml';
const RAISED = PROJECT.replace('approved: 850000', 'approved: 1190000')
  .replace('{ category: opex, amount: 350000 }', '{ category: opex, amount: 690000 }')
  .replace('end: 2027-12-17', 'end: 2028-06-17')
  .replace('  - { person: raj.patel, percent: 60, from: 2027-01-04, to: 2027-12-17 }', '  - { person: raj.patel, percent: 60, from: 2027-01-04, to: 2028-06-17 }');

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
}

function configure(repo: string): void {
  git(repo, 'config', 'user.name', 'Charter Test');
  git(repo, 'config', 'user.email', 'test@example.invalid');
  git(repo, 'config', 'commit.gpgsign', 'false');
}

const changeCodes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).filter((c) => c.startsWith('change/'));

describe('protocol: change control against git', function () {
  this.timeout(60_000);
  let tmp: string;
  let work: string;
  let server: ServerSession | undefined;
  const uri = (relative: string) => URI.file(path.join(work, relative)).toString();

  beforeEach(() => {
    // An origin with main, and a clone with a feature branch that raises the budget and slips the end.
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'charter-lsp-git-')));
    const seed = path.join(tmp, 'seed');
    fs.mkdirSync(path.join(seed, 'projects'), { recursive: true });
    git(seed, 'init', '-q', '-b', 'main');
    configure(seed);
    for (const [name, text] of Object.entries({ 'portfolio.yaml': PORTFOLIO, 'people.yaml': PEOPLE, 'programmes/finance.programme.yaml': PROGRAMME, [FILE]: PROJECT })) {
      fs.mkdirSync(path.dirname(path.join(seed, name)), { recursive: true });
      fs.writeFileSync(path.join(seed, name), text);
    }
    git(seed, 'add', '-A');
    git(seed, 'commit', '-q', '-m', 'Baseline');
    git(tmp, 'clone', '-q', '--bare', 'seed', 'origin.git');
    git(tmp, 'clone', '-q', 'origin.git', 'work');
    work = path.join(tmp, 'work');
    configure(work);
    git(work, 'checkout', '-q', '-b', 'feature');
    fs.writeFileSync(path.join(work, FILE), RAISED);
    git(work, 'commit', '-q', '-am', 'Raise');
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('auto: compares with the merge-base of origin/main, with the base value in related information, hover and charter/baseText', async () => {
    server = await startServer({ rootUri: URI.file(work).toString(), settings: { asOf: '2027-05-15' } });
    const diagnostics = await server.openAndWait(uri(FILE), RAISED);
    assert.deepEqual(changeCodes(diagnostics), ['change/beyond-tolerance', 'change/beyond-tolerance']);
    const budget = diagnostics.find((d) => String(d.message).startsWith('Approved budget'))!;
    assert.match(String(budget.message), /850,000 -> 1,190,000 EUR \(\+40 %\)/);
    assert.equal(budget.relatedInformation![0].location.uri, 'charter-base:/projects/fin-invoice.charter.yaml?origin%2Fmain');
    assert.equal(budget.relatedInformation![0].message, 'On origin/main: 850,000');
    assert.ok(server.registrations.some((r) => JSON.stringify(r.registerOptions).includes('.git/{HEAD')), 'watches git HEAD');

    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(FILE) }, position: budget.range.start });
    assert.match((hover!.contents as MarkupContent).value, /^\*\*Changed against origin\/main\*\*\n\n- approved budget changed 850,000 -&gt; 1,190,000 EUR \(\+40 %\)/);

    const base = await server.connection.sendRequest(Requests.baseText, { uri: uri(FILE) });
    assert.equal(base?.text, PROJECT);
    assert.equal(base?.ref, 'origin/main');
    const byBaseUri = await server.connection.sendRequest(Requests.baseText, { uri: budget.relatedInformation![0].location.uri });
    assert.equal(byBaseUri?.text, PROJECT);

    const portfolio = await server.connection.sendRequest(Requests.portfolio, {});
    const marked = portfolio.portfolio.projects.find((p) => p.id === 'fin-invoice')!;
    assert.equal(marked.changedAgainstBase?.ref, 'origin/main');
    assert.ok(marked.changedAgainstBase?.changes.includes('end date moved 2027-12-17 -> 2028-06-17 (+183 days)'), JSON.stringify(marked.changedAgainstBase));
  });

  it('re-evaluates open and closed charters when HEAD moves under the running server', async () => {
    server = await startServer({ rootUri: URI.file(work).toString(), settings: { asOf: '2027-05-15', baseRef: 'HEAD' } });
    const session = server;
    // On feature, HEAD holds RAISED: an open editor with RAISED has no change.
    assert.deepEqual(changeCodes(await session.openAndWait(uri(FILE), RAISED)), []);
    // The server watches git's directory itself (editors' watchers leave .git out): no notification here.
    const switched = session.diagnostics(uri(FILE), (p) => changeCodes(p.diagnostics).length > 0);
    git(work, 'checkout', '-q', 'main');
    assert.deepEqual(changeCodes(await switched), ['change/beyond-tolerance', 'change/beyond-tolerance']);
    const back = session.diagnostics(uri(FILE), (p) => changeCodes(p.diagnostics).length === 0);
    git(work, 'checkout', '-q', 'feature');
    await back;

    // A closed charter: the workspace publishes it, and republishes it after a commit moves HEAD (here
    // also announced the way a client that watches .git would).
    const other = 'projects/fin-other.charter.yaml';
    fs.writeFileSync(path.join(work, other), PROJECT.replace('id: fin-invoice', 'id: fin-other').replace('title: Invoice automation', 'title: Other'));
    git(work, 'add', other);
    git(work, 'commit', '-q', '-m', 'Other');
    void session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('.git/refs/heads/feature'), type: FileChangeType.Changed }] });
    const edited = session.diagnostics(uri(other), (p) => changeCodes(p.diagnostics).includes('change/unrecorded'));
    fs.writeFileSync(path.join(work, other), PROJECT.replace('id: fin-invoice', 'id: fin-other').replace('title: Invoice automation', 'title: Other').replace('contingency: 60000', 'contingency: 61000'));
    void session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(other), type: FileChangeType.Created }] });
    await edited;
    const committed = session.diagnostics(uri(other), (p) => changeCodes(p.diagnostics).length === 0);
    git(work, 'commit', '-q', '-am', 'Contingency');
    void session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('.git/refs/heads/feature'), type: FileChangeType.Changed }] });
    await committed;
  });

  it('runs no git in an untrusted workspace, and starts once the workspace is trusted; off turns it off', async () => {
    server = await startServer({ rootUri: URI.file(work).toString(), settings: { asOf: '2027-05-15' }, initializationOptions: { workspaceTrusted: false } });
    const session = server;
    assert.deepEqual(changeCodes(await session.openAndWait(uri(FILE), RAISED)), []);
    const trusted = session.diagnostics(uri(FILE), (p) => changeCodes(p.diagnostics).length > 0);
    void session.connection.sendNotification(Notifications.workspaceTrust, { trusted: true });
    assert.equal(changeCodes(await trusted).length, 2);
    const off = session.diagnostics(uri(FILE), (p) => changeCodes(p.diagnostics).length === 0);
    session.changeSettings({ asOf: '2027-05-15', baseRef: 'off' });
    await off;
  });

  it('a repository created after the folder opened brings change control, without a restart or a setting change', async () => {
    const later = path.join(tmp, 'later');
    for (const [name, text] of Object.entries({ 'portfolio.yaml': PORTFOLIO, 'people.yaml': PEOPLE, 'programmes/finance.programme.yaml': PROGRAMME, [FILE]: PROJECT })) {
      fs.mkdirSync(path.dirname(path.join(later, name)), { recursive: true });
      fs.writeFileSync(path.join(later, name), text);
    }
    server = await startServer({ rootUri: URI.file(later).toString(), settings: { asOf: '2027-05-15', baseRef: 'HEAD' } });
    const laterUri = URI.file(path.join(later, FILE)).toString();
    assert.deepEqual(changeCodes(await server.openAndWait(laterUri, RAISED)), []);
    // git init and the first commit, as a user does in a terminal: no notification reaches the server.
    const based = server.diagnostics(laterUri, (p) => changeCodes(p.diagnostics).includes('change/beyond-tolerance'));
    git(later, 'init', '-q', '-b', 'main');
    configure(later);
    git(later, 'add', '-A');
    git(later, 'commit', '-q', '-m', 'Baseline');
    await based;
  });

  it('says once that a folder outside git has no change control for an explicit ref, and reports no change finding', async () => {
    const plain = path.join(tmp, 'plain');
    fs.mkdirSync(path.join(plain, 'projects'), { recursive: true });
    fs.writeFileSync(path.join(plain, FILE), RAISED);
    server = await startServer({ rootUri: URI.file(plain).toString(), settings: { asOf: '2027-05-15', baseRef: 'main' } });
    const plainUri = URI.file(path.join(plain, FILE)).toString();
    assert.deepEqual(changeCodes(await server.openAndWait(plainUri, RAISED)), []);
    server.change(plainUri, 2, [{ text: RAISED.replace('approved: 1190000', 'approved: 1190001') }]);
    await server.diagnostics(plainUri);
    const notices = server.messages.filter((m) => m.message.includes('no change control'));
    assert.equal(notices.length, 1, JSON.stringify(server.messages));
    assert.match(notices[0].message, /^Charter: no change control against "main" for .*plain: .*plain is not in a git repository\. Set charter\.baseRef to another ref, or to "off"\.$/);
  });
});
