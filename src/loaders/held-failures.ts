/**
 * What the content loaders could not load during a build, held for the build to report once
 * Astro has finished loading the content, instead of thrown at Astro while it loads.
 *
 * A loader that throws stops Astro's load of the content part-way, and Astro then leaves the save
 * of its content store pending for half a second: a process that builds again at once (the tests
 * do, a watch mode would) had that late save written over the store its next build had loaded, and
 * pages rendered from content already repaired. And the content check reports the same file with a
 * friendlier message. So during a build a loader leaves the entry out and holds the error; the build
 * reports the check's problems, or else the first error held, before it bundles anything. Outside
 * a build (`astro dev`, `astro sync`) loaders throw as before.
 *
 * The slot is on `globalThis`: Astro loads the loaders through Vite, with modules of their own.
 */
const SLOT = Symbol.for('broadsheet.held-load-failures');

interface Held {
	failures: unknown[];
	/** The content check found problems: the build stops before it bundles, whatever is loaded. */
	stopped: boolean;
}

const slot = globalThis as Record<symbol, Held | undefined>;

/** From now until {@link takeHeldFailures}, loaders hold their failures instead of throwing them. */
export function holdLoadFailures(): void {
	slot[SLOT] = { failures: [], stopped: false };
}

/** The failures held since {@link holdLoadFailures}; loaders throw again from now on. */
export function takeHeldFailures(): unknown[] {
	const held = slot[SLOT]?.failures ?? [];
	slot[SLOT] = undefined;
	return held;
}

/** In a loader: holds `error` during a build, throws it otherwise. The caller has left the entry out. */
export function failLoad(error: unknown): void {
	const held = slot[SLOT];
	if (!held) throw error;
	held.failures.push(error);
}

/**
 * Called once the content check has found problems: the build will stop before it bundles, so the
 * loaders may stop loading (a cold archive's stories take minutes to compile) and the build report
 * the problems as soon as Astro's load is over.
 */
export function stopLoading(): void {
	if (slot[SLOT]) slot[SLOT].stopped = true;
}

/** True when a loader may stop loading: the build in progress will not use what it loads. */
export function loadingStopped(): boolean {
	return slot[SLOT]?.stopped ?? false;
}
