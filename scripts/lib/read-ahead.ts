import { Worker } from 'node:worker_threads';

/**
 * Reads the names and metadata of every file in `folder` (the work folder) in a worker thread, so
 * that the operating system has them in its cache when Astro looks at the folder page by page,
 * seconds later. When they were let go from the cache (after other work on the machine), Astro's
 * look took 2.5 s more of a 10,000-story correction; read ahead on the other core while the build
 * starts, it takes none of the main thread's time. Nothing waits for it, and nothing it finds is used.
 */
export function readAhead(folder: string): void {
	const worker = new Worker(new URL('./read-ahead-worker.ts', import.meta.url), { workerData: folder });
	// Only a read ahead: a failure costs the build nothing but the time it would have saved.
	worker.on('error', () => {});
	worker.unref();
}
