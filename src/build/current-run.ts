import type { BuildRun } from './build-site.ts';

/**
 * The build run `buildSite` started in this process, kept on `globalThis`: the integration is loaded
 * by Astro through Vite, and Astro's log (astro-log.ts) is bundled with the pages, so each has its
 * own copy of the modules. This module imports nothing, so that the pages' bundle, which holds the
 * log, does not take in the build pipeline with it.
 */
const CURRENT = Symbol.for('broadsheet.build-run');

type Slot = Record<symbol, BuildRun | undefined>;

/** The run `buildSite` started in this process, which the integration drives; undefined under plain `astro build`. */
export function currentBuildRun(): BuildRun | undefined {
	return (globalThis as Slot)[CURRENT];
}

/** Makes `run` the current run (`undefined`: none). */
export function setCurrentBuildRun(run: BuildRun | undefined): void {
	(globalThis as Slot)[CURRENT] = run;
}
