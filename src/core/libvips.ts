import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';

let started = false;

/**
 * Starts libvips (through sharp) on the main thread. Call it before starting a worker thread that
 * loads sharp (the content check; the social cards' pool loads sharp on the main thread when it is
 * imported, src/social/card-pool.ts).
 *
 * libvips adds `VIPSHOME` to the process's environment when it starts (`setenv`). Added from a
 * worker thread, that can move the environment's array while the main thread is reading it
 * (`getenv`, which Node calls for every module it loads), and the build dies of a segmentation
 * fault: about one build in 150 here, in the first second. Started here first, the variable
 * exists before any worker runs, and a worker's start of libvips replaces it in place instead.
 */
export function startLibvipsOnMainThread(): void {
	if (started || !isMainThread) return;
	started = true;
	createRequire(import.meta.url)('sharp');
}
