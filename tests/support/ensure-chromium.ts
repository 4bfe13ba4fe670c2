/**
 * Runs before `npm test`: the end-to-end suite needs Debian's Chromium (a browser download is
 * impossible on these machines). Installs it with apt-get when missing and running as root;
 * otherwise says how to install it. Exits non-zero only when it cannot be had.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_PATHS = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];

if (CHROMIUM_PATHS.some((path) => path && existsSync(path))) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(
    'The end-to-end tests need Chromium: run `sudo apt-get install chromium` (or set CHROMIUM_PATH).',
  );
  process.exit(1);
}

console.log('Installing Debian’s chromium for the end-to-end tests (apt-get)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
  stdio: 'inherit',
  env,
});
