// `npm run test:precommit`: the pre-commit hooks, run by the real pre-commit (Debian's package, installed
// here when missing, as CI starts on a fresh machine). Slow: pre-commit installs this repository with npm.
import { spawnSync } from 'node:child_process';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
if (!has('pre-commit')) {
  console.log('pre-commit is not installed: apt-get install pre-commit');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const apt = spawnSync('apt-get', ['install', '-y', '-qq', 'pre-commit'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (apt.status !== 0) process.exit(apt.status ?? 1);
}
const mocha = spawnSync('npx', ['mocha', 'test/precommit/**/*.test.ts'], { stdio: 'inherit' });
process.exit(mocha.status ?? 1);
