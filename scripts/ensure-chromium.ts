/**
 * Run before the tests: the browser tests drive Debian's Chromium through playwright-core (a test
 * tool's own browser download cannot work on these machines), and measure Chinese text, which needs
 * a CJK font (without one every Han character is drawn as the same box). Installs both with apt-get
 * when either is missing and we are root; otherwise stops with a message saying how to install them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../tests/helpers/chromium.ts';

const packages = ['chromium', 'fonts-noto-cjk'];
/** A file fonts-noto-cjk installs: Chromium may be there without it. */
const cjkFont = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

if (process.env.CHROMIUM_PATH && !existsSync(chromiumPath)) {
	console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`);
	process.exit(1);
}
if (existsSync(chromiumPath) && existsSync(cjkFont)) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
	console.error(
		[
			`The browser tests need Chromium at ${chromiumPath} and a CJK font (${cjkFont}), and one is not installed.`,
			`Install it with:  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
			'or point CHROMIUM_PATH at another Chromium or Chrome binary, then run the tests again.',
		].join('\n'),
	);
	process.exit(1);
}

console.log(`Installing ${packages.join(' ')} with apt-get for the browser tests…`);
try {
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
} catch {
	console.error(`apt-get could not install ${packages.join(' ')}; install them by hand and run the tests again.`);
	process.exit(1);
}
