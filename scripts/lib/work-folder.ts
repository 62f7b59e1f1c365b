import { lstatSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles } from '../../src/lib/list-files.ts';
import { writeFileAtomically } from './publish.ts';

/**
 * The folder Astro builds into, kept between builds.
 *
 * Astro's incremental build keeps a copy of every page it renders under `<cacheDir>/dist/`, to copy
 * back into a new output folder when the page is unchanged. Building into that folder itself makes
 * the kept copy the page: an unchanged page is neither rendered nor copied (at 10,000 stories,
 * copying 29,000 unchanged files took longer than everything else a correction costs). Readers
 * never see this folder: `publish.ts` copies what changed into the output folder.
 *
 * The folder must hold the last build's files and nothing else, or stale files would be published:
 * - before a build, every file that is not a page, feed or card of the last finished build (the
 *   bundled CSS and scripts, the sitemaps: all written again) is removed, so what a build writes is
 *   what it leaves; the search index, `pagefind/`, is kept up to date by `indexForSearch` itself;
 * - a page of the last build that this build no longer makes (a story taken down) is removed after it;
 * - a build that failed or was killed may have rewritten pages that Astro's record still lists
 *   with their old cache keys; the next build removes every file written since that build started,
 *   so Astro renders them again rather than taking them for the old ones.
 */
/** The search index's folder, which `src/search/index-for-search.ts` updates in place. */
const SEARCH_INDEX = 'pagefind/';

export class WorkFolder {
	readonly path: string;
	readonly #record: string;
	readonly #started: string;

	constructor(astroCacheDir: string, broadsheetCacheDir: string) {
		this.path = join(astroCacheDir, 'dist');
		this.#record = join(broadsheetCacheDir, 'work-folder.json');
		this.#started = join(broadsheetCacheDir, 'work-folder.building');
	}

	/** Leaves the folder holding only what the next build may reuse, and marks it as being written. */
	prepare(): void {
		const keep = this.#lastBuild();
		const interrupted = this.#interruptedSince();
		for (const file of listFiles(this.path)) {
			const kept = keep !== undefined && (keep.has(file) || file.startsWith(SEARCH_INDEX));
			const reusable = kept && (interrupted === undefined || lstatSync(join(this.path, file)).mtimeMs < interrupted);
			if (!reusable) rmSync(join(this.path, file), { force: true });
		}
		mkdirSync(this.path, { recursive: true });
		mkdirSync(dirname(this.#started), { recursive: true });
		// The marker's own time is the file system's clock, which stamps everything the build writes.
		writeFileSync(this.#started, '');
	}

	/**
	 * Records a finished build: `pages` are the files its routes made (pages, feeds, cards). Pages of
	 * the last build that this one did not make are removed. Returns every file the folder now holds
	 * with its size and time, which is the site to publish.
	 */
	finish(pages: readonly string[]): Map<string, FileStamp> {
		const made = new Set(pages);
		for (const file of this.#lastBuild() ?? []) if (!made.has(file)) rmSync(join(this.path, file), { force: true });
		const files = new Map<string, FileStamp>();
		for (const file of listFiles(this.path)) {
			const stats = lstatSync(join(this.path, file));
			files.set(file, { size: stats.size, mtimeMs: stats.mtimeMs });
		}
		writeFileAtomically(this.#record, JSON.stringify({ pages: [...made].sort() }));
		rmSync(this.#started, { force: true });
		return files;
	}

	/** The route files of the last finished build, or nothing when there is no record of one. */
	#lastBuild(): Set<string> | undefined {
		try {
			return new Set((JSON.parse(readFileSync(this.#record, 'utf8')) as { pages: string[] }).pages);
		} catch {
			return undefined;
		}
	}

	/** When a build that did not finish started writing the folder. */
	#interruptedSince(): number | undefined {
		try {
			return statSync(this.#started).mtimeMs;
		} catch {
			return undefined;
		}
	}
}

/** What decides whether a published file is up to date: a file written again gets a new time. */
export interface FileStamp {
	size: number;
	mtimeMs: number;
}
