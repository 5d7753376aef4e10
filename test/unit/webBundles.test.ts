// The web extension's bundles (npm run build) load where there is no Node: the client in VS Code's web
// extension host, which provides only `vscode`, and the server in a plain web worker. The language
// server's behaviour in a browser is tested in Chromium by `npm run test:web`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../support/engine';

const bundle = (name: string) => fs.readFileSync(path.join(REPO, 'dist', 'web', name), 'utf8');
/** Module ids a bundle requires at run time (ajv's generated code names its runtime in strings; those are not loads). */
const requires = (code: string) => [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))].filter((id) => !/^ajv(-formats)?\/dist\//.test(id));

describe('web extension bundles', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

  it('are the manifest\'s browser entry and its worker', () => {
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.match(bundle('extension.js'), /dist.{1,20}web.{1,20}server\.js/);
  });

  it('require nothing but vscode (client) and nothing at all (server)', () => {
    assert.deepEqual(requires(bundle('extension.js')), ['vscode']);
    assert.deepEqual(requires(bundle('server.js')), []);
  });

  it('do not reach for Node\'s Buffer (workers have none)', () => {
    for (const name of ['extension.js', 'server.js']) assert.doesNotMatch(bundle(name), /(?<![\w.])Buffer\.from\(/, name);
  });
});
