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
	const started = Date.now();
	await mkdir(join(projectRoot, '.astro'), { recursive: true });
	for (;;) {
		try {
			await mkdir(lock);
			await writeFile(join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = await lockOwner(lock);
			if (owner.stale) {
				await breakStaleLock(lock, owner.pid);
				continue;
			}
			if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`another build (pid ${owner.pid}) has held ${lock} for 15 minutes`);
			await sleep(200);
		}
	}
	return () => rm(lock, { recursive: true, force: true });
}

/** Who holds `lock`, and whether it is left by a build that was killed: its owner is not running, or it has had no owner for ten seconds. */
async function lockOwner(lock: string): Promise<{ pid: number; stale: boolean }> {
	const pid = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
	if (pid) return { pid, stale: !isRunning(pid) };
	// No pid yet means the owner is between mkdir and writeFile, or died there.
	const made = (await stat(lock).catch(() => undefined))?.mtimeMs;
	return { pid, stale: made !== undefined && Date.now() - made > STALE_WITHOUT_OWNER_MS };
}

const STALE_WITHOUT_OWNER_MS = 10_000;

/**
 * Removes the lock `pid` left, one waiting build at a time: several builds waiting for a killed one
 * all find its lock stale, and the second to remove it would otherwise remove the lock the first
 * has taken since, and both would build at once. Under `<lock>.breaking`, a build looks again and
 * removes the lock only if it is still the stale one it saw.
 */
async function breakStaleLock(lock: string, pid: number): Promise<void> {
	const breaking = `${lock}.breaking`;
	try {
		await mkdir(breaking);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		// Another build is removing it; one killed in those few milliseconds left this folder behind.
		const made = (await stat(breaking).catch(() => undefined))?.mtimeMs;
		if (made !== undefined && Date.now() - made > STALE_WITHOUT_OWNER_MS) await rm(breaking, { recursive: true, force: true });
		else await sleep(50);
		return;
	}
	try {
		const owner = await lockOwner(lock);
		if (owner.stale && owner.pid === pid) await rm(lock, { recursive: true, force: true });
	} finally {
		await rm(breaking, { recursive: true, force: true });
	}
}
