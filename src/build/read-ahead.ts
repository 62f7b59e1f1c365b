import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A look at one of the folder's files, its subfolder's listing included, takes about 0.1 ms from the cache and 0.6 ms or more from the disk (10,000 stories). */
const COLD_LOOK_MS = 0.3;

/** How many of the folder's subfolders are looked into, spread over its listing. */
const LOOKS = 16;

/**
 * Reads the names and metadata of every file in `folder` (the work folder) in a worker thread when
 * they are not in the operating system's cache, so that they are there when Astro looks at the
 * folder page by page, seconds later. After other work on the machine has pushed them out, Astro's
 * look took 2.5 s more of a 10,000-story correction; read ahead on the other core while the build
 * starts, it takes none of the main thread's time. When they are in the cache, reading them again
 * would only take a core from the build (most of a second at 10,000 stories), so a look at a few
 * files decides. Nothing waits for the read ahead, and nothing it finds is used.
 */
export function readAhead(folder: string): void {
	if (!looksUncached(folder)) return;
	const worker = new Worker(new URL('./read-ahead-worker.ts', import.meta.url), { workerData: folder });
	// Only a read ahead: a failure costs the build nothing but the time it would have saved.
	worker.on('error', () => {});
	worker.unref();
}

/** Whether a look at a few of the folder's files (one in each of `LOOKS` subfolders spread over its listing) is slow enough to come from the disk. */
function looksUncached(folder: string): boolean {
	const started = performance.now();
	let looks = 0;
	try {
		const names = readdirSync(folder);
		for (let at = 0; at < names.length && looks < LOOKS; at += Math.ceil(names.length / LOOKS)) {
			const name = names[at];
			const entries = readdirSync(join(folder, name), { withFileTypes: true });
			if (entries.length > 0) lstatSync(join(folder, name, entries[0].name));
			looks++;
		}
	} catch {
		// A file rather than a subfolder, or no folder yet (a first build): the looks so far decide.
	}
	return looks > 0 && (performance.now() - started) / looks > COLD_LOOK_MS;
}
