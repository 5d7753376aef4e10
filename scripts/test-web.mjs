// `npm run test:web`: the web extension's language server in Chromium (test/web). Installs Debian's
// chromium when missing, as the e2e runner does (CHARTER_E2E_CACHE for its logs), then builds and runs mocha.
import { spawnSync } from 'node:child_process';
import { ensureSystemPackages } from './e2e/lib.mjs';

ensureSystemPackages();
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const mocha = spawnSync('npx', ['mocha', 'test/web/**/*.test.ts'], { stdio: 'inherit' });
process.exit(mocha.status ?? 1);
