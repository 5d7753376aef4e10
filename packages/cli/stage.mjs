// `npm pack` / `npm publish` of the CLI package run this first: build the repository (one esbuild config
// for every bundle), then copy in the self-contained CLI bundle, the built-in schemas and the licence.
// The package has no dependencies: everything the CLI needs is inside dist/cli.js.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

fs.rmSync(path.join(here, 'dist'), { recursive: true, force: true });
fs.rmSync(path.join(here, 'schemas'), { recursive: true, force: true });
fs.mkdirSync(path.join(here, 'dist'));
// The source map stays in the repository's build; the package ships the bundle alone.
const bundle = fs.readFileSync(path.join(repo, 'dist', 'cli.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
fs.writeFileSync(path.join(here, 'dist', 'cli.js'), bundle, { mode: 0o755 });
fs.cpSync(path.join(repo, 'schemas'), path.join(here, 'schemas'), { recursive: true, filter: (f) => !f.endsWith('.json') || f.endsWith('.schema.json') });
fs.copyFileSync(path.join(repo, 'LICENSE'), path.join(here, 'LICENSE'));
