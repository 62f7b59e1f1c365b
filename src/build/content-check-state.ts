import type { Problem } from '../core/problem.ts';

/** The latest validation of the site `astro dev` serves, shared by the integration and its middleware. */
export interface ContentCheckState {
	problems: Problem[];
	warnings: Problem[];
	/** Settles when the validation under way, if any, has finished: a request waits for it. */
	ready: Promise<void>;
}

// The integration runs in Astro's process and the middleware in Vite's module runner, which loads
// its own copy of every module: a global is what they both see.
const KEY = Symbol.for('broadsheet.content-check');

/** The state `astro dev` keeps, or undefined outside `astro dev`. */
export function contentCheckState(): ContentCheckState | undefined {
	return (globalThis as Record<symbol, ContentCheckState | undefined>)[KEY];
}

/** Sets the state; the integration calls this once when the dev server starts. */
export function setContentCheckState(state: ContentCheckState): void {
	(globalThis as Record<symbol, ContentCheckState | undefined>)[KEY] = state;
}
