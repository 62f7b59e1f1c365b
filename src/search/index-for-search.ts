import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheStore } from '../cache/registry.ts';
import type { FileStamp } from '../core/list-files.ts';
import { planParts, type CachedPart, type PartPlan } from './part-plan.ts';
import { findSearchPages, type ScanRecord, type SearchPage } from './search-pages.ts';
import { CHANGES_PART, type SearchPart, type SearchParts } from './search-parts.ts';
import { PAGEFIND_CONFIG, writeSearchPart } from './write-part.ts';

/** What the build log says about the search index. */
export interface SearchIndexSummary {
	/** Pages search finds. */
	pages: number;
	/** Parts the index is in, the part of changes included. */
	parts: number;
	/** Parts taken from the cache as an earlier build wrote them. */
	kept: number;
	/** Pages Pagefind indexed in this build. */
	indexed: number;
}

/** The cache's record of the parts it holds, `<cache>/search/manifest.json`. */
interface SearchCacheManifest {
	/** Pagefind's configuration, and the code that indexes (this module's import closure, Pagefind's version): when any changes, nothing cached is used. */
	config: string;
	/** The part each month has in the cache. */
	parts: Record<string, CachedPart>;
	/** What the last build's scan of the site found, so that unchanged pages are not read again. */
	scan?: ScanRecord;
	/** The fragments of old versions of corrected pages left out of each month's folder in the site, by month. */
	left?: Record<string, string[]>;
}

/** The files of a part that a merged part needs; the primary also needs Pagefind's script, worker and WebAssembly. */
const INDEX_FILES = /^(pagefind-entry\.json|pagefind\..*\.pf_meta|index|fragment|filter)$/;

/** The folders of `pagefind/` that hold a part: a month's, or the part of changes. */
const PART_FOLDER = new RegExp(`^(\\d{4}-\\d{2}|${CHANGES_PART})$`);

/**
 * Builds the search index of a built site into `<site>/pagefind/`, in parts: one Pagefind index for
 * each month of editions, which the search page merges in the browser (see `search-parts.ts`).
 *
 * Parts are indexed one after another, each by a Pagefind process of its own that exits when the
 * part is written, so memory holds one month rather than the archive. Each part is kept in
 * `cacheDir`, and a later build whose pages of that month are what Pagefind was given before
 * takes the part from there. When only a few pages of a month changed (corrections), the month's
 * part is kept and those pages are indexed into a small part of changes; the search page leaves
 * out what the kept part holds of their old versions (see `part-plan.ts` for when a month is
 * indexed again instead). `files`, the site's files with their size and time, spare the scan a walk
 * of the site when the caller has one.
 */
export async function indexForSearch(siteDir: string, cacheDir: string, files?: ReadonlyMap<string, FileStamp>): Promise<SearchIndexSummary> {
	const cacheRoot = join(cacheDir, 'search');
	const config = configKey();
	const manifest = await readManifest(cacheRoot, config);
	const { pages, scanned } = findSearchPages(siteDir, manifest.scan, files);
	const byPart = new Map<string, SearchPage[]>();
	for (const page of pages) {
		const part = byPart.get(page.part);
		if (part) part.push(page);
		else byPart.set(page.part, [page]);
	}
	const months = [...byPart.keys()].sort();
	const sorted = new Map(months.map((month) => [month, byPart.get(month)!]));

	// A part whose folder is gone (a cache restored in part) is indexed again.
	const cached = Object.fromEntries(Object.entries(manifest.parts).filter(([, part]) => existsSync(join(cacheRoot, 'parts', part.key, 'page-ids.json'))));
	const plans = planParts(sorted, cached);

	const next: SearchCacheManifest = { config, parts: {}, scan: scanned };
	let indexed = 0;
	for (const plan of plans) {
		if (plan.action === 'keep') {
			next.parts[plan.part] = plan.cached;
			continue;
		}
		const key = partKey(config, plan.part, plan.pages);
		const ids = await cachedPart(siteDir, cacheRoot, key, plan.pages);
		indexed += ids.indexed;
		next.parts[plan.part] = { key, pages: Object.fromEntries(plan.pages.map((page) => [page.sourcePath, { hash: page.hash, id: ids.ids.get(page.sourcePath)! }])) };
	}

	const changed = plans.flatMap((plan) => (plan.action === 'keep' ? plan.changed : [])).sort((a, b) => a.sourcePath.localeCompare(b.sourcePath));
	const changesKey = changed.length > 0 ? partKey(config, CHANGES_PART, changed) : undefined;
	const replaced: Record<string, string> = {};
	if (changesKey) {
		const changes = await cachedPart(siteDir, cacheRoot, changesKey, changed);
		indexed += changes.indexed;
		for (const plan of plans) {
			if (plan.action !== 'keep') continue;
			for (const [sourcePath, oldId] of plan.replaced) {
				const newId = changes.ids.get(sourcePath)!;
				// Pagefind names a page by what it indexed: the same id is the same record, not an old version.
				if (newId !== oldId) replaced[oldId] = newId;
			}
		}
	}

	const parts = await writeParts(siteDir, cacheRoot, plans, next, changed, changesKey, replaced);
	next.left = await leaveOutOldVersions(siteDir, cacheRoot, plans, next, replaced, manifest.left ?? {});
	await writeManifest(cacheRoot, next, changesKey);
	return { pages: pages.length, parts: (parts.primary ? 1 : 0) + parts.merged.length, kept: plans.filter((plan) => plan.action === 'keep').length, indexed };
}

/**
 * The part with this key from the cache, indexing it first when the cache does not have it. The
 * part is written beside its final folder and renamed into place, so a build killed meanwhile
 * leaves no half-written part under a key.
 */
async function cachedPart(siteDir: string, cacheRoot: string, key: string, pages: readonly SearchPage[]): Promise<{ ids: Map<string, string>; indexed: number }> {
	const folder = join(cacheRoot, 'parts', key);
	const idsFile = join(folder, 'page-ids.json');
	if (existsSync(idsFile)) {
		const ids = JSON.parse(await readFile(idsFile, 'utf8')) as Record<string, string>;
		return { ids: new Map(Object.entries(ids)), indexed: 0 };
	}
	const partial = `${folder}.partial`;
	const ids = await writeSearchPart(siteDir, pages, partial);
	await writeFile(join(partial, 'page-ids.json'), JSON.stringify(Object.fromEntries(ids)));
	await rm(folder, { recursive: true, force: true });
	await rename(partial, folder);
	return { ids, indexed: pages.length };
}

/** Lays the parts out in `<site>/pagefind/` and writes `parts.json`. */
async function writeParts(
	siteDir: string,
	cacheRoot: string,
	plans: readonly PartPlan[],
	manifest: SearchCacheManifest,
	changed: readonly SearchPage[],
	changesKey: string | undefined,
	replaced: Record<string, string>,
): Promise<SearchParts> {
	const out = join(siteDir, 'pagefind');
	const months = plans.map((plan) => plan.part);
	const newest = months.at(-1);
	const merged: SearchPart[] = [];
	let primary: SearchPart | null = null;
	/** Where each part goes, relative to `out` ('' for the newest month's, with Pagefind's scripts). */
	const placed = new Map<string, string>();
	for (const month of months) {
		const { key } = manifest.parts[month];
		if (month === newest) {
			placed.set('', key);
			primary = { path: '', tag: key, months: [month] };
		} else {
			placed.set(month, key);
			merged.push({ path: `${month}/`, tag: key, months: [month] });
		}
	}
	if (changesKey) {
		placed.set(CHANGES_PART, changesKey);
		merged.push({ path: `${CHANGES_PART}/`, tag: changesKey, months: [...new Set(changed.map((page) => page.part))].sort() });
	}
	await placeParts(out, cacheRoot, placed);
	const filters: Record<string, Set<string>> = {};
	for (const plan of plans) {
		for (const page of plan.pages) {
			for (const [name, value] of Object.entries(page.filters)) (filters[name] ??= new Set()).add(value);
		}
	}
	const parts: SearchParts = {
		primary,
		merged,
		replaced: Object.fromEntries(Object.entries(replaced).sort(([a], [b]) => a.localeCompare(b))),
		filters: Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, [...values].sort()])),
	};
	await writeFile(join(out, 'parts.json'), JSON.stringify(parts));
	return parts;
}

/**
 * Lays each part out where `placed` puts it. The site folder is kept between builds, so a folder
 * already holding its part (its entry file is the cached part's, hard-linked) is left alone:
 * correcting a story of a ten-year archive relinks the part of changes, not 100 months of index.
 */
async function placeParts(out: string, cacheRoot: string, placed: ReadonlyMap<string, string>): Promise<void> {
	await mkdir(out, { recursive: true });
	// Folders of parts no longer placed: a month taken down, or no part of changes any more.
	for (const entry of await readdir(out, { withFileTypes: true })) {
		if (entry.isDirectory() && PART_FOLDER.test(entry.name) && !placed.has(entry.name)) await rm(join(out, entry.name), { recursive: true, force: true });
	}
	for (const [folder, key] of placed) {
		const from = join(cacheRoot, 'parts', key);
		const to = join(out, folder);
		if (sameFile(join(from, 'pagefind-entry.json'), join(to, 'pagefind-entry.json'))) continue;
		if (folder === '') {
			// The newest month's part shares the folder with the others' folders: only its own files go.
			for (const entry of await readdir(out, { withFileTypes: true })) {
				if (!(entry.isDirectory() && PART_FOLDER.test(entry.name))) await rm(join(out, entry.name), { recursive: true, force: true });
			}
			await linkTree(from, out, (name) => name !== 'page-ids.json');
		} else {
			await rm(to, { recursive: true, force: true });
			await linkTree(from, to, (name) => INDEX_FILES.test(name));
		}
	}
}

/**
 * Takes the fragments of corrected pages' old versions out of their months' folders in the site, so
 * that the published index no longer holds the old text (a wrong figure a reader could still find
 * in the index's files); the search page already leaves these versions out of its results, before
 * it would load their fragments. A fragment left out by an earlier build whose page is no longer
 * replaced (the month indexed again, or the correction undone) is linked back from the cache.
 * Returns the fragments left out, by month, for the next build.
 */
async function leaveOutOldVersions(
	siteDir: string,
	cacheRoot: string,
	plans: readonly PartPlan[],
	manifest: SearchCacheManifest,
	replaced: Readonly<Record<string, string>>,
	lastLeft: Readonly<Record<string, string[]>>,
): Promise<Record<string, string[]>> {
	const newest = plans.at(-1)?.part;
	const left: Record<string, string[]> = {};
	for (const plan of plans) {
		const folder = join(siteDir, 'pagefind', plan.part === newest ? '' : plan.part, 'fragment');
		const cached = join(cacheRoot, 'parts', manifest.parts[plan.part].key, 'fragment');
		const now = plan.action === 'keep' ? [...plan.replaced.values()].filter((id) => id in replaced).sort() : [];
		for (const id of lastLeft[plan.part] ?? []) {
			const [source, target] = [join(cached, `${id}.pf_fragment`), join(folder, `${id}.pf_fragment`)];
			if (!now.includes(id) && existsSync(source) && !existsSync(target)) await linkFile(source, target);
		}
		for (const id of now) await rm(join(folder, `${id}.pf_fragment`), { force: true });
		if (now.length > 0) left[plan.part] = now;
	}
	return left;
}

/** True when both paths are one file (hard links to it), as a part linked from the cache is. */
function sameFile(a: string, b: string): boolean {
	try {
		const [first, second] = [statSync(a), statSync(b)];
		return first.ino === second.ino && first.dev === second.dev;
	} catch {
		return false;
	}
}

/**
 * Hard-links the files of a cached part into the site (a copy where the two folders are on
 * different file systems): an archive's index is tens of thousands of small files, and neither the
 * build nor the cache ever writes into a file once it is written.
 */
async function linkTree(from: string, to: string, include: (name: string) => boolean): Promise<void> {
	await mkdir(to, { recursive: true });
	const entries = (await readdir(from, { withFileTypes: true })).filter((entry) => include(entry.name));
	const files: [string, string][] = [];
	for (const entry of entries) {
		if (entry.isDirectory()) {
			await mkdir(join(to, entry.name));
			for (const name of await readdir(join(from, entry.name))) files.push([join(from, entry.name, name), join(to, entry.name, name)]);
		} else {
			files.push([join(from, entry.name), join(to, entry.name)]);
		}
	}
	let next = 0;
	const linkNext = async (): Promise<void> => {
		while (next < files.length) {
			const [source, target] = files[next++];
			await linkFile(source, target);
		}
	};
	await Promise.all(Array.from({ length: 32 }, linkNext));
}

/** Hard-links a file of the cache into the site, or copies it where a link cannot be made. */
function linkFile(source: string, target: string): Promise<void> {
	return link(source, target).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'EXDEV' || error.code === 'EPERM' || error.code === 'EMLINK') return copyFile(source, target);
		throw error;
	});
}

/** A part's cache key: what Pagefind is given for it, and how Pagefind is configured. */
function partKey(config: string, part: string, pages: readonly SearchPage[]): string {
	const hash = createHash('sha256').update(`${config}\0${part}\0`);
	for (const page of pages) hash.update(`${page.sourcePath}\0${page.hash}\0`);
	return hash.digest('base64url').slice(0, 24);
}

/** What every part is indexed with: Pagefind's configuration and the search store's code key (its version among it). */
function configKey(): string {
	return `${JSON.stringify(PAGEFIND_CONFIG)} code ${cacheStore('search').code}`;
}

async function readManifest(cacheRoot: string, config: string): Promise<SearchCacheManifest> {
	try {
		const manifest = JSON.parse(await readFile(join(cacheRoot, 'manifest.json'), 'utf8')) as SearchCacheManifest;
		if (manifest.config === config) return manifest;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
	}
	return { config, parts: {} };
}

/** Records the parts now in use, and removes every other part from the cache so it does not grow with each build. */
async function writeManifest(cacheRoot: string, manifest: SearchCacheManifest, changesKey: string | undefined): Promise<void> {
	await mkdir(join(cacheRoot, 'parts'), { recursive: true });
	const keep = new Set([...Object.values(manifest.parts).map((part) => part.key), ...(changesKey ? [changesKey] : [])]);
	for (const name of await readdir(join(cacheRoot, 'parts')).catch(() => [])) {
		if (!keep.has(name)) await rm(join(cacheRoot, 'parts', name), { recursive: true, force: true });
	}
	await writeFile(join(cacheRoot, 'manifest.json.partial'), JSON.stringify(manifest));
	await rename(join(cacheRoot, 'manifest.json.partial'), join(cacheRoot, 'manifest.json'));
}
