/**
 * `npm test` after the Chromium check: the type check (`astro check`) and the tests (`vitest run`)
 * side by side, since each leaves a core idle much of the time. The type check's report is printed
 * after the tests'; the command fails when either fails.
 */
import { spawn } from 'node:child_process';

const check = spawn('astro', ['check'], { stdio: ['ignore', 'pipe', 'pipe'] });
let report = '';
check.stdout.on('data', (chunk) => (report += chunk));
check.stderr.on('data', (chunk) => (report += chunk));
const checked = new Promise<number>((resolve) => check.on('close', (code) => resolve(code ?? 1)));

const tests = spawn('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit' });
const tested = await new Promise<number>((resolve) => tests.on('close', (code) => resolve(code ?? 1)));
const checkCode = await checked;
process.stdout.write(`\nastro check:\n${report}`);
if (checkCode !== 0) console.error('astro check found errors (above).');
process.exit(tested !== 0 ? tested : checkCode);
