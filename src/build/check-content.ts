import { cacheLocation } from '../cache/registry.ts';
import { Worker } from 'node:worker_threads';
import { startNativeLibraries } from '../core/native-libraries.ts';
import type { Problem } from '../core/problem.ts';

/** What a build needs to know of the content once it is checked. */
export interface CheckedContent {
	problems: Problem[];
	warnings: number;
	/** The characters the headline font must hold. */
	headlineCharacters: string;
	editions: number;
	stories: number;
	datasets: number;
	charts: number;
	/** What readers will see: drafts, and datasets made only for drafts, are left out. */
	published: { stories: number; datasets: number; charts: number };
}

/** The worker thread that checks content, kept for the process's next check; see {@link checkContentInWorker}. */
let checker: Worker | undefined;
/** The checks of this process, one after another: the worker checks one site at a time. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Checks the content of the site at `siteRoot` (`validateSite`) in a worker thread, so that it runs
 * on the other core while Astro loads its config and its content store. Only the summary crosses
 * back: the checked site itself is tens of megabytes at 10,000 stories.
 *
 * The worker is kept for the next check of the same process (a process that builds several sites,
 * as the tests do, would otherwise load the whole of validation again for every build, about half a
 * second of CPU); it holds no content between checks, which are given the site and the caches each
 * time, and does not keep the process alive while idle. A worker that failed is not used again.
 */
export function checkContentInWorker(siteRoot: string): Promise<CheckedContent> {
	// The thread starts loading validation now rather than when the queue comes to the check: the
	// build imports Astro next, which keeps this thread from running callbacks for a third of a second.
	checker ??= startChecker();
	const checked = queue.then(() => check(siteRoot));
	queue = checked.catch(() => undefined);
	return checked;
}

const startChecker = () => {
	// The check reads images with sharp (src/validation/reader-edition.ts); the build draws cards and
	// chart PNGs with resvg once it is checked.
	startNativeLibraries();
	return new Worker(new URL('./check-content-worker.ts', import.meta.url));
};

function check(siteRoot: string): Promise<CheckedContent> {
	const worker = (checker ??= startChecker());
	worker.ref();
	return new Promise((resolve, reject) => {
		const settle = (done: () => void, broken: boolean) => {
			worker.off('message', onMessage).off('error', onError).off('exit', onExit);
			if (broken) {
				if (checker === worker) checker = undefined;
				void worker.terminate();
			} else worker.unref();
			done();
		};
		const onMessage = (content: CheckedContent) => settle(() => resolve(content), false);
		const onError = (error: Error) => settle(() => reject(error), true);
		const onExit = (code: number) => settle(() => reject(new Error(`the content check stopped (exit code ${code}) before it reported`)), true);
		worker.on('message', onMessage).on('error', onError).on('exit', onExit);
		// The worker keeps its checks in this build's cache folder (a thread has its own copy of the registry).
		worker.postMessage({ siteRoot, caches: cacheLocation() });
	});
}
