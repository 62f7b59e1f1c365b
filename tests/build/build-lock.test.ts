import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CONTENDER = fileURLToPath(new URL('../helpers/hold-build-lock.ts', import.meta.url));

let root: string;
beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'broadsheet-lock-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** The pid of a process that has ended: what a build killed while it held the lock leaves in it. */
function deadPid(): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['-e', '']);
		child.on('exit', () => resolve(child.pid!));
	});
}

/** Contenders started together, each taking the lock and holding it for a while; what each printed when it failed. */
async function contend(count: number): Promise<string[]> {
	const startAt = Date.now() + 1500;
	return Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise<string>((resolve) =>
					execFile(process.execPath, [CONTENDER, root, String(startAt)], (error, _stdout, stderr) => resolve(error ? `exit ${error.code}: ${stderr}` : '')),
				),
		),
	);
}

describe('the build lock', () => {
	it('lets builds take turns', async () => {
		expect(await contend(4)).toEqual(['', '', '', '']);
	});

	it('is taken over by one build at a time when the build that held it was killed', async () => {
		await mkdir(join(root, '.astro/build.lock'), { recursive: true });
		await writeFile(join(root, '.astro/build.lock/pid'), String(await deadPid()));
		expect(await contend(4)).toEqual(['', '', '', '']);
	});
});
