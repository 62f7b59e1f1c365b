/**
 * Every cache Broadsheet keeps between builds, in one table: where each store lives (one folder per
 * store under one cache root), what its keys hold (a hash of the code that makes its entries, from
 * that code's import closure, and the versions of the packages it uses), and how its entries are
 * pruned and cleared. A store's module asks for its handle here (`cacheStore('cards')`) and keys
 * its entries with it; it holds no folder list, version number or path of its own.
 *
 * Pruning: a build marks every entry it asks for (`CacheStore.use`, which sets the entry's time, or
 * writes it afresh), in any thread or process, and the entries of pages Astro copied from its own
 * cache (`CacheStore.usePages`); at the end of a successful build `pruneCaches` removes the entries
 * of each store that the build did not mark. Entries made by code since
 * edited are never asked for again, so they go with the first build after the edit.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, utimesSync, writeFileSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { broadsheetCacheDir, projectRoot as defaultProjectRoot } from '../config/site-root.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';
import { codeHash } from './code-hash.ts';

interface StoreDefinition {
	/** The module that makes the store's entries (relative to the project): its import closure keys them. */
	producer: string;
	/** Packages whose version changes the entries without the producer importing them by name. */
	packages?: readonly string[];
	/**
	 * The store's entry files, by name, which `pruneCaches` removes when a build did not use them. A
	 * store without it keeps one index file that holds only what its last build asked for.
	 */
	entries?: RegExp;
}

/** The pages a store's entries made, by the route's name for each page (see `CacheStore.recordPage`). */
const PAGES = 'pages.tsv';

/** A file written aside and not yet renamed into place (`.partial`, or `.tmp` by `writeFileAtomically`): what a build killed meanwhile leaves. */
const PARTIAL = /\.(partial|tmp)$/;

/** The stores, by the name of their folder under the cache root. */
export const CACHE_STORES = {
	/**
	 * Compiled story bodies, by the story file's content (src/stories/story-cache.ts); the hashes of
	 * story files by size and time. Keyed on the content config, which holds the story loader and the
	 * schema its entries are parsed with.
	 */
	stories: { producer: 'src/content.config.ts', entries: /\.html$/ },
	/** What checking a story found, and datasets found without problems (src/validation/check-cache.ts). */
	checks: { producer: 'src/validation/validate-site.ts', entries: /\.dataset$/ },
	/**
	 * The digests of edition and dataset files, which Astro's content store keeps the parsed entries
	 * under; the datasets' parsed data, by digest, which the store leaves out (src/loaders/kept-data.ts).
	 */
	loaders: { producer: 'src/content.config.ts', entries: /\.data$/ },
	/** Social cards (PNG) by what they show and the headline face. */
	cards: { producer: 'src/social/card-worker.ts', entries: /\.png$/ },
	/** Charts drawn for pages (SVG in eight widths) and schematics' thumbnails, a folder per dataset entry, a file per drawing. */
	charts: { producer: 'src/site/chart-layouts.ts', entries: /\.json$/ },
	/** Chart downloads (PNG) by their SVG and the headline face. */
	'chart-png': { producer: 'src/site/chart-download.ts', entries: /\.png$/ },
	/** The headline face cut down to the characters a site prints, by those characters. */
	fonts: { producer: 'src/fonts/headline-font.ts', packages: ['@expo-google-fonts/noto-serif-sc'], entries: /\.(woff2|ttf)$/ },
	/** The search index in parts, by what Pagefind was given; the store removes the parts a build no longer places itself. */
	search: { producer: 'src/search/index-for-search.ts', packages: ['pagefind'] },
	/** The digests of page scans by size and time, which key the pages showing them. */
	scans: { producer: 'src/loaders/scan-files.ts' },
	/** Page schematics' blocks by story content. */
	schematics: { producer: 'src/site/page-schematic.ts' },
} satisfies Record<string, StoreDefinition>;

export type CacheStoreName = keyof typeof CACHE_STORES;

/** Where the caches live, and the project whose code keys them. */
export interface CacheLocation {
	/** The folder holding one folder per store. */
	root: string;
	/** The project folder (where package.json is), from which producers are read. */
	projectRoot: string;
}

let location: CacheLocation = { root: broadsheetCacheDir, projectRoot: defaultProjectRoot };
const stores = new Map<CacheStoreName, CacheStore>();

/** Points every store at another cache root or project (a test's temporary folder). */
export function configureCaches(next: CacheLocation): void {
	location = next;
	stores.clear();
}

/** The folder holding every store. */
export const cacheRoot = (): string => location.root;

/** Where the caches live now, to hand to a worker thread. */
export const cacheLocation = (): CacheLocation => ({ ...location });

/** One store of the registry. */
export class CacheStore {
	readonly name: CacheStoreName;
	/** The store's folder. */
	readonly dir: string;
	readonly #definition: StoreDefinition;
	readonly #projectRoot: string;

	constructor(name: CacheStoreName, { root, projectRoot }: CacheLocation) {
		this.name = name;
		this.dir = join(root, name);
		this.#definition = CACHE_STORES[name];
		this.#projectRoot = projectRoot;
	}

	/** The hash of the code that makes this store's entries, and of the packages it uses; once per process. */
	get code(): string {
		return codeHash(this.#projectRoot, this.#definition.producer, this.#definition.packages);
	}

	/** An entry's key: the store's code and `parts` (what the entry is made from), 32 hex digits. */
	key(...parts: (string | Uint8Array)[]): string {
		const hash = createHash('sha256').update(this.name).update('\0').update(this.code);
		for (const part of parts) hash.update('\0').update(part);
		return hash.digest('hex').slice(0, 32);
	}

	/** A file in the store's folder. */
	file(name: string): string {
		return join(this.dir, name);
	}

	/**
	 * Marks an entry as used by this build, so `pruneCaches` keeps it; false when there is no such
	 * entry (to be made, which marks it too).
	 */
	use(file: string): boolean {
		return useEntry(file);
	}

	/**
	 * Records that the page `page` (a route's own name for it: a story id, `dataset/chart`) was made
	 * from the entry `file`. Astro's incremental build copies an unchanged page from its own cache
	 * without rendering it, so the build never asks for that page's entry: `usePages` marks it.
	 */
	recordPage(page: string, file: string): void {
		mkdirSync(this.dir, { recursive: true });
		appendFileSync(this.file(PAGES), `${page}\t${relative(this.dir, file)}\n`);
	}

	/**
	 * Marks as used the entries recorded for this build's pages (every page a route has, rendered or
	 * copied), and forgets the pages the build no longer has. Called by the route before any page renders.
	 */
	usePages(pages: Iterable<string>): void {
		let recorded: Map<string, string>;
		try {
			recorded = new Map(
				readFileSync(this.file(PAGES), 'utf8')
					.split('\n')
					.filter(Boolean)
					.map((line) => line.split('\t') as [string, string]),
			);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
			throw error;
		}
		const kept: string[] = [];
		for (const page of pages) {
			const file = recorded.get(page);
			if (file !== undefined && useEntry(join(this.dir, file))) kept.push(`${page}\t${file}\n`);
		}
		writeFileAtomically(this.file(PAGES), kept.join(''));
	}

	/** Removes every entry. */
	clear(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}

/**
 * Marks a cache entry (a file of any store) as used by this build, so `pruneCaches` keeps it; false
 * when there is no such entry. Setting the file's time costs what asking whether it exists costs.
 */
export function useEntry(file: string): boolean {
	const now = new Date();
	try {
		utimesSync(file, now, now);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw error;
	}
}

/** The store named `name`, at the registry's cache root. */
export function cacheStore(name: CacheStoreName): CacheStore {
	let store = stores.get(name);
	if (!store) {
		store = new CacheStore(name, location);
		stores.set(name, store);
	}
	return store;
}

/** Written when a build starts using the caches: its time is the build's start, for `pruneCaches`. */
const BUILD_STARTED = 'build-started';

/**
 * How long before the build's start an entry may be dated and still count as used: a file written
 * gets the time of the kernel's coarse clock, a few milliseconds behind the one `use` sets. An entry
 * used that shortly before a build and not by it stays one build longer.
 */
const CLOCK_SLACK_MS = 100;

/** Marks the start of a build: entries it does not use before `pruneCaches` are removed then. */
export function startCacheUse(): void {
	mkdirSync(location.root, { recursive: true });
	writeFileSync(join(location.root, BUILD_STARTED), '');
}

/** Entries removed from each store by `pruneCaches`. */
export type PruneSummary = Partial<Record<CacheStoreName, number>>;

/**
 * Removes, from each store with entry files, the entries the build started by `startCacheUse` did
 * not use, and the half-written files of killed builds. Call it only at the end of a successful
 * build: a failed one may not have asked for what the next needs. Times are compared as the file
 * system keeps them, so the build's start and its entries' times come from one clock.
 */
export function pruneCaches(): PruneSummary {
	let since: number;
	try {
		since = lstatSync(join(location.root, BUILD_STARTED)).mtimeMs - CLOCK_SLACK_MS;
	} catch {
		return {}; // No build started here: nothing is known to be unused.
	}
	const summary: PruneSummary = {};
	for (const [name, definition] of Object.entries(CACHE_STORES) as [CacheStoreName, StoreDefinition][]) {
		const removed = definition.entries ? pruneFolder(join(location.root, name), definition.entries, since) : 0;
		if (removed > 0) summary[name] = removed;
	}
	rmSync(join(location.root, BUILD_STARTED), { force: true });
	return summary;
}

/** Removes unused entries and partial files under `folder`, and the folders they leave empty; how many entries went. */
function pruneFolder(folder: string, entries: RegExp, since: number): number {
	let names: Dirent[];
	try {
		names = readdirSync(folder, { withFileTypes: true });
	} catch {
		return 0;
	}
	let removed = 0;
	for (const entry of names) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) {
			removed += pruneFolder(path, entries, since);
			try {
				rmdirSync(path);
			} catch {
				// Not empty: it holds entries still in use.
			}
		} else if ((entries.test(entry.name) || PARTIAL.test(entry.name)) && lstatSync(path).mtimeMs < since) {
			rmSync(path, { force: true });
			if (!PARTIAL.test(entry.name)) removed++;
		}
	}
	return removed;
}
