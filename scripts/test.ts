/**
 * `npm test` after the Chromium check: the type check (`astro check`) and the tests (`vitest run`)
 * side by side, since each leaves a core idle much of the time. The type check's report is printed
 * after the tests'; the command fails when either fails. The type check keeps what Astro and Vite
 * cache in a temporary folder, as the tests do, so the project's own caches are left as they were;
 * the command fails too when they were not.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, stampFiles } from '../src/core/list-files.ts';

/**
 * What the project's own caches hold: every file of node_modules/.astro (its caches and the work
 * folder of `npm run build`) with its size and time, and which other caches node_modules holds
 * (Vite's, Vitest's: `.vite`, `.vitest-cache`…). Not `.vite-temp`, the empty folder Vite loads a
 * TypeScript config from.
 */
function projectCaches(): Map<string, string> {
	const found = new Map<string, string>();
	for (const entry of readdirSync('node_modules', { withFileTypes: true })) {
		if (entry.name.startsWith('.') && entry.isDirectory() && !['.bin', '.vite-temp'].includes(entry.name)) found.set(`node_modules/${entry.name}/`, 'folder');
	}
	const astro = 'node_modules/.astro';
	for (const [file, { size, mtimeMs }] of stampFiles(astro, listFiles(astro))) found.set(`${astro}/${file}`, `${size} ${mtimeMs}`);
	return found;
}

const cachesBefore = projectCaches();

const checkCache = mkdtempSync(join(tmpdir(), 'broadsheet-check-'));
const check = spawn('astro', ['check'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROADSHEET_CACHE_DIR: checkCache } });
let report = '';
check.stdout.on('data', (chunk) => (report += chunk));
check.stderr.on('data', (chunk) => (report += chunk));
const checked = new Promise<number>((resolve) => check.on('close', (code) => resolve(code ?? 1)));

const tests = spawn('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit' });
const tested = await new Promise<number>((resolve) => tests.on('close', (code) => resolve(code ?? 1)));
const checkCode = await checked;
rmSync(checkCache, { recursive: true, force: true });
process.stdout.write(`\nastro check:\n${report}`);
if (checkCode !== 0) console.error('astro check found errors (above).');
const cachesAfter = projectCaches();
const touched = [...new Set([...cachesBefore.keys(), ...cachesAfter.keys()])].filter((path) => cachesBefore.get(path) !== cachesAfter.get(path));
if (touched.length > 0) {
	console.error(`The tests changed the project's own caches, which they must leave as they found them:\n${touched.slice(0, 20).map((path) => `  ${path}`).join('\n')}`);
}
process.exit(tested !== 0 ? tested : checkCode !== 0 ? checkCode : touched.length > 0 ? 1 : 0);
