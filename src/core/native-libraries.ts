import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';

let started = false;

/**
 * How resvg's memory allocator (mimalloc, built into `@resvg/resvg-js`) keeps the memory of a
 * drawn picture. By default it gives a freed picture's 3–4 MB back to the system after 10 ms and
 * takes it again, page by 4 KB page, for the next: a social card or a chart PNG then spends about
 * 20 ms of its CPU zeroing new pages (a chart PNG took 55 ms of CPU, 35 ms with these; measured in
 * docs/performance.md). With them it keeps freed memory for the next picture, in 2 MB pages. The
 * pictures are the same bytes; a variable already set in the environment is left as it is.
 */
export const RESVG_ALLOCATOR_OPTIONS = { MIMALLOC_ALLOW_LARGE_OS_PAGES: '1', MIMALLOC_PURGE_DELAY: '-1' } as const;

/**
 * Prepares the native libraries the build loads, on the main thread, before it starts a worker
 * thread (the content check, which loads sharp; the social cards' pool, which loads sharp and
 * resvg). Both steps write the process's environment, and must happen before any other thread reads it.
 *
 * - resvg's allocator reads its options from the environment once, when resvg is first loaded in
 *   the process (`RESVG_ALLOCATOR_OPTIONS`).
 * - libvips adds `VIPSHOME` to the process's environment when it starts (`setenv`). Added from a
 *   worker thread, that can move the environment's array while the main thread is reading it
 *   (`getenv`, which Node calls for every module it loads), and the build dies of a segmentation
 *   fault: about one build in 150 here, in the first second. Started here first, the variable
 *   exists before any worker runs, and a worker's start of libvips replaces it in place instead.
 */
export function startNativeLibraries(): void {
	if (started || !isMainThread) return;
	started = true;
	for (const [name, value] of Object.entries(RESVG_ALLOCATOR_OPTIONS)) process.env[name] ??= value;
	createRequire(import.meta.url)('sharp');
}
