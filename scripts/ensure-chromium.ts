/**
 * Run before the tests: the browser tests drive Debian's Chromium through playwright-core (a test
 * tool's own browser download cannot work on these machines), and measure Chinese text, which needs
 * a CJK font (without one every Han character is drawn as the same box); the HTML gates run the Nu
 * Html Checker, which needs Java. Installs what is missing with apt-get when we are root; otherwise
 * stops with a message saying how to install it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../src/tools/chromium-path.ts';

/** What the tests need of the machine: a file that shows it is there, and the Debian package that brings it. */
const needs = [
	{ what: 'Chromium', file: chromiumPath, debianPackage: 'chromium' },
	{ what: 'a CJK font', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', debianPackage: 'fonts-noto-cjk' },
	{ what: 'Java, for the Nu Html Checker', file: '/usr/bin/java', debianPackage: 'default-jre-headless' },
];

if (process.env.CHROMIUM_PATH && !existsSync(chromiumPath)) {
	console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`);
	process.exit(1);
}
const missing = needs.filter((need) => !existsSync(need.file));
if (missing.length === 0) process.exit(0);
const packages = missing.map((need) => need.debianPackage);

const isRoot = process.getuid?.() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
	console.error(
		[
			`The tests need ${missing.map((need) => `${need.what} (${need.file})`).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed.`,
			`Install ${missing.length > 1 ? 'them' : 'it'} with:  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
			'(CHROMIUM_PATH may point at another Chromium or Chrome binary), then run the tests again.',
		].join('\n'),
	);
	process.exit(1);
}

console.log(`Installing ${packages.join(' ')} with apt-get for the tests…`);
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
