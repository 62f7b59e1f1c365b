import { lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { listFiles, stampFiles, type FileStamp } from '../core/list-files.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';

/** The search index's folder, which `src/search/index-for-search.ts` keeps up to date in place. */
const SEARCH_INDEX = 'pagefind/';

/** What the work folder held when its last build finished. */
interface LastBuild {
	/** The files its routes made (pages, feeds, downloads, cards), which Astro keeps when unchanged. */
	pages: string[];
	/** What else it held but the search index (bundled CSS and scripts, sitemaps), all written again by a build. */
	others: string[];
}

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
 * - before a build, what the last build wrote besides its pages and search index is removed (a
 *   build writes it all again), so what a build writes is what it leaves;
 * - a page of the last build that this build no longer makes (a story taken down) is removed after it;
 * - a build that failed or was killed may have rewritten pages that Astro's record still lists
 *   with their old cache keys; the next build removes every file written since that build started,
 *   so Astro renders them again rather than taking them for the old ones. Without a record of the
 *   last build, the folder is emptied.
 */
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
		const last = this.#lastBuild();
		const interrupted = this.#interruptedSince();
		if (last && interrupted === undefined) {
			for (const file of last.others) rmSync(join(this.path, file), { force: true });
		} else {
			const keep = new Set(last?.pages);
			for (const file of listFiles(this.path)) {
				const kept = last !== undefined && (keep.has(file) || file.startsWith(SEARCH_INDEX));
				if (!kept || (interrupted !== undefined && lstatSync(join(this.path, file)).mtimeMs >= interrupted)) rmSync(join(this.path, file), { force: true });
			}
		}
		mkdirSync(this.path, { recursive: true });
		mkdirSync(dirname(this.#started), { recursive: true });
		// The marker's own time is the file system's clock, which stamps everything the build writes.
		writeFileSync(this.#started, '');
	}

	/**
	 * After Astro's build: removes the pages of the last build that this one did not make (`pages`
	 * are the files its routes made), and returns every file but the search index, with its size
	 * and time.
	 */
	collect(pages: readonly string[]): Map<string, FileStamp> {
		const made = new Set(pages);
		for (const file of this.#lastBuild()?.pages ?? []) if (!made.has(file)) rmSync(join(this.path, file), { force: true });
		return stampFiles(this.path, listFiles(this.path, (folder) => folder === SEARCH_INDEX));
	}

	/**
	 * After the search index: records the build as finished. `collected` is what `collect` returned.
	 * Returns every file of the site, which is what to publish.
	 */
	finish(pages: readonly string[], collected: ReadonlyMap<string, FileStamp>): Map<string, FileStamp> {
		const made = new Set(pages);
		const files = new Map([...collected, ...stampFiles(this.path, listFiles(join(this.path, SEARCH_INDEX)).map((file) => `${SEARCH_INDEX}${file}`))]);
		const record: LastBuild = { pages: [...made].sort(), others: [...collected.keys()].filter((file) => !made.has(file)) };
		writeFileAtomically(this.#record, JSON.stringify(record));
		rmSync(this.#started, { force: true });
		return files;
	}

	#lastBuild(): LastBuild | undefined {
		try {
			const last = JSON.parse(readFileSync(this.#record, 'utf8')) as LastBuild;
			return Array.isArray(last.pages) && Array.isArray(last.others) ? last : undefined;
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

/**
 * Astro bundles a static site's pages into `<outDir>/.prerender` when it takes the output folder to
 * be inside the folder the build runs in, and into `<cwd>/.astro/.prerender` otherwise. It tells the
 * two apart by comparing the paths as text (`getOutDirWithinCwd` in
 * astro/dist/core/build/common.js, the same in Astro 7.4.8). Builds run in the project folder, so a
 * work folder outside the project whose path begins with the project's (a site in
 * `/srv/paper-site` built from `/srv/paper`) gets the bundle, whose imports of packages then
 * resolve from nowhere: the build fails with "Cannot find package …". In that case a link to the
 * project's packages is put beside the work folder, in the site's cache folder (never published),
 * where Node looks for them.
 */
export function linkPackagesBesideWorkFolder(work: string, projectRoot: string, cwd = process.cwd()): void {
	const bundledInWorkFolder = work.startsWith(cwd);
	if (!bundledInWorkFolder || !relative(projectRoot, work).startsWith('..')) return;
	const link = join(dirname(work), 'node_modules');
	const packages = join(projectRoot, 'node_modules');
	let stats;
	try {
		stats = lstatSync(link);
	} catch {
		// No link yet.
	}
	if (stats?.isSymbolicLink()) {
		if (readlinkSync(link) === packages) return;
		rmSync(link);
	} else if (stats) {
		throw new Error(`${link} is in the way: the build links the project's packages there for Astro's bundle (see linkPackagesBesideWorkFolder in src/build/work-folder.ts); remove it`);
	}
	symlinkSync(packages, link, 'junction');
}
