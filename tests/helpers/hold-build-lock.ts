/**
 * A contender for a project's build lock, for tests/build/build-lock.test.ts: waits until the
 * moment it is given (so that every contender finds the lock as it is then), takes the lock, and
 * holds it for a while. While it holds it, a file only one process can create marks it as inside:
 * a second holder fails to create it and exits with an error.
 *
 * Usage: node tests/helpers/hold-build-lock.ts <project root> <start, ms since the epoch>
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withBuildLock } from '../../src/build/build-lock.ts';

const [projectRoot, startAt] = process.argv.slice(2);
await sleep(Math.max(0, Number(startAt) - Date.now()));
await withBuildLock(projectRoot, async () => {
	const inside = join(projectRoot, 'inside');
	await writeFile(inside, String(process.pid), { flag: 'wx' });
	await sleep(200);
	await rm(inside);
});
