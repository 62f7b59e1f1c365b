import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a build waits for another one before giving up. */
const WAIT_LIMIT_MS = 15 * 60_000;

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Runs `work` while holding the project's build lock, so builds take turns. Astro writes generated
 * modules into the project's own `.astro/` folder whatever the site root, and bundles pages for an
 * output folder outside the project into `.astro/.prerender`; and two builds into one output folder
 * would clear each other's staging folder. A lock left by a build that was killed is taken over.
 */
export async function withBuildLock<T>(projectRoot: string, work: () => Promise<T>): Promise<T> {
	const release = await acquireBuildLock(projectRoot);
	try {
		return await work();
	} finally {
		await release();
	}
}

/** Takes the project's build lock (see {@link withBuildLock}), waiting for another build to end; resolves to its release. */
export async function acquireBuildLock(projectRoot: string): Promise<() => Promise<void>> {
	const lock = join(projectRoot, '.astro', 'build.lock');
	const owner = join(lock, 'pid');
	const started = Date.now();
	await mkdir(join(projectRoot, '.astro'), { recursive: true });
	for (;;) {
		try {
			await mkdir(lock);
			await writeFile(owner, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(await readFile(owner, 'utf8').catch(() => ''));
			// No pid yet means the owner is between mkdir and writeFile, or died there.
			const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
			if ((pid && !isRunning(pid)) || (!pid && age > 10_000)) {
				await rm(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`another build (pid ${pid}) has held ${lock} for 15 minutes`);
			await sleep(200);
		}
	}
	return () => rm(lock, { recursive: true, force: true });
}
