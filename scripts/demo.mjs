// `npm run demo`: build, check the bundled examples/ portfolio as a reviewer would, and package the extension.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args, options = {}) => spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
const step = (title) => console.log(`\n\u001b[1m== ${title}\u001b[0m`);

step('Build (esbuild: extension, language server, CLI)');
if (run(process.execPath, ['esbuild.mjs']).status !== 0) process.exit(1);

step('charter check examples/');
const check = run(process.execPath, ['dist/cli.js', 'check', 'examples', '--format', 'stylish']);
if (check.status === 2 || check.status === null) process.exit(1);
const json = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples', '--format', 'json'], { cwd: root, encoding: 'utf8' });
const { summary, findings } = JSON.parse(json.stdout);
const planted = findings.filter((f) => f.file.startsWith('examples/needs-attention/')).length;

step('Package the extension (vsce, offline)');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = `${name}-${version}.vsix`;
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// No warning flag: the manifest has its repository, icon and licence, and README links resolve against the repository.
const pack = run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (pack.status !== 0 || !existsSync(path.join(root, vsix))) {
  console.error('Packaging the extension failed.');
  process.exit(1);
}

const kib = Math.round(statSync(path.join(root, vsix)).size / 1024);
console.log(
  `\nDemo: ${summary.files} charter files checked: ${summary.errors} errors, ${summary.warnings} warnings ` +
    `(${planted} of ${findings.length} findings in examples/needs-attention/, where they were planted); extension packaged as ${vsix} (${kib} KiB).`,
);
