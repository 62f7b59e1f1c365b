import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileStamp } from '../core/list-files.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';

/** What was published last, kept beside the work folder: the output folder, and the files it got. */
interface Published {
	outDir: string;
	/** The output folder's identity (inode and time of creation): a folder deleted and made again is not the one published to. */
	folder: string;
	files: Record<string, [size: number, mtimeMs: number]>;
}

/**
 * An update of the output folder in progress, against the last record: done again by the next build
 * if this one is killed. Only the changes, with the stamps of the files copied: the record of a
 * 10,000-story site is megabytes, written once per publish.
 */
interface Journal {
	outDir: string;
	copy: Published['files'];
	remove: string[];
}

/** How a site was published. */
export interface PublishSummary {
	/** Files copied (all of them when the output folder was made anew). */
	copied: number;
	/** Files removed from the output folder. */
	removed: number;
	/** The size of the site. */
	bytes: number;
}

/**
 * Publishes the site built in `work` (`files`, as the work folder listed them) to `outDir`, where
 * readers get it. The output folder never shares a file with the work folder, which the next build
 * writes in place. {@link finishInterruptedPublish} must have run first, before the build.
 *
 * - When the output folder is the one published to last, only what changed is copied: each file is
 *   copied beside its old version and renamed over it, so a reader or an upload sees the old file
 *   or the new one. Files no longer built are removed last. The list of changes is written first,
 *   and a build killed while it applies them leaves the list for the next build to finish.
 * - Otherwise (the first build, an output folder deleted or made by something else) the site is
 *   copied into `<out>.staging`, which replaces the output folder by two renames once complete.
 */
export function publishSite(work: string, files: ReadonlyMap<string, FileStamp>, outDir: string, cacheDir: string): PublishSummary {
	const record = join(cacheDir, 'published.json');
	let bytes = 0;
	for (const stamp of files.values()) bytes += stamp.size;

	const last = readJson<Published>(record);
	if (!last || last.outDir !== outDir || !existsSync(outDir) || folderIdentity(outDir) !== last.folder) {
		const staging = `${outDir}.staging`;
		rmSync(staging, { recursive: true, force: true });
		// The work folder holds the site and nothing else (work-folder.ts); Node copies a tree natively,
		// several times faster than a copy per file from JavaScript.
		cpSync(work, staging, { recursive: true });
		swapIn(staging, outDir);
		const published: Published = { outDir, folder: folderIdentity(outDir), files: Object.fromEntries([...files].map(([file, { size, mtimeMs }]) => [file, [size, mtimeMs]])) };
		writeFileAtomically(record, JSON.stringify(published));
		return { copied: files.size, removed: 0, bytes };
	}

	const journal: Journal = { outDir, copy: {}, remove: Object.keys(last.files).filter((file) => !files.has(file)) };
	for (const [file, { size, mtimeMs }] of files) {
		const was = last.files[file];
		if (!was || was[0] !== size || was[1] !== mtimeMs) journal.copy[file] = [size, mtimeMs];
	}
	writeFileAtomically(join(cacheDir, JOURNAL), JSON.stringify(journal));
	applyJournal(work, outDir, cacheDir, journal, last);
	return { copied: Object.keys(journal.copy).length, removed: journal.remove.length, bytes };
}

const JOURNAL = 'publish-journal.json';

/**
 * Finishes what a killed build left: an update of the output folder it had begun, or the swap of a
 * new output folder (between its two renames, the last good site is in `<out>.previous`). Runs
 * before anything else writes the work folder, which still holds the files the update copies.
 */
export function finishInterruptedPublish(work: string, outDir: string, cacheDir: string): void {
	const previous = `${outDir}.previous`;
	if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
	rmSync(`${outDir}.staging`, { recursive: true, force: true });
	rmSync(previous, { recursive: true, force: true });
	if (existsSync(join(cacheDir, JOURNAL))) applyJournal(work, outDir, cacheDir, readJson<Journal>(join(cacheDir, JOURNAL)), readJson<Published>(join(cacheDir, 'published.json')));
}

/** Applies a journal to the output folder and records the result; `last` is the record it was made against. */
function applyJournal(work: string, outDir: string, cacheDir: string, journal: Journal | undefined, last: Published | undefined): void {
	const sourcesKept = journal && Object.keys(journal.copy).every((file) => existsSync(join(work, file)));
	if (journal && last && sourcesKept && journal.outDir === outDir && last.outDir === outDir && existsSync(outDir)) {
		for (const file of Object.keys(journal.copy)) {
			const target = join(outDir, file);
			const partial = `${target}.publishing`;
			mkdirSync(dirname(target), { recursive: true });
			copyFileSync(join(work, file), partial);
			renameSync(partial, target);
		}
		for (const file of journal.remove) {
			rmSync(join(outDir, file), { force: true });
			removeEmptyFolders(outDir, dirname(file));
		}
		const files = { ...last.files, ...journal.copy };
		for (const file of journal.remove) delete files[file];
		writeFileAtomically(join(cacheDir, 'published.json'), JSON.stringify({ outDir, folder: folderIdentity(outDir), files } satisfies Published));
	} else {
		// A journal for another output folder, one that cannot be read, or one whose files are gone
		// from the work folder (its cache was deleted): the next publish copies the whole site.
		rmSync(join(cacheDir, 'published.json'), { force: true });
	}
	rmSync(join(cacheDir, JOURNAL), { force: true });
}

/** Replaces `outDir` with `staging`; the last good site stays in `<out>.previous` between the two renames. */
function swapIn(staging: string, outDir: string): void {
	const previous = `${outDir}.previous`;
	if (existsSync(outDir)) renameSync(outDir, previous);
	renameSync(staging, outDir);
	rmSync(previous, { recursive: true, force: true });
}

/** Removes `folder` (relative to `root`) and its parents up to `root` while they are empty. */
function removeEmptyFolders(root: string, folder: string): void {
	for (let current = folder; current !== '.' && current !== ''; current = dirname(current)) {
		try {
			rmdirSync(join(root, current));
		} catch {
			return;
		}
	}
}

/** A folder's inode and birth time: a new folder may get the inode of one just deleted, not its birth time too. */
function folderIdentity(folder: string): string {
	const stats = statSync(folder);
	return `${stats.dev}:${stats.ino}:${stats.birthtimeMs}`;
}

function readJson<T>(file: string): T | undefined {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as T;
	} catch {
		return undefined;
	}
}
