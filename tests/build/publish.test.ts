import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishInterruptedPublish, publishSite } from '../../src/build/publish.ts';
import { WorkFolder } from '../../src/build/work-folder.ts';
import { listFiles } from '../../src/core/list-files.ts';

let root: string;
let work: WorkFolder;
let cache: string;
let out: string;

beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'broadsheet-publish-'));
	cache = join(root, 'cache/broadsheet');
	work = new WorkFolder(join(root, 'cache'), cache);
	out = join(root, 'dist');
});
afterEach(() => rm(root, { recursive: true, force: true }));

function write(folder: string, file: string, text: string): void {
	mkdirSync(dirname(join(folder, file)), { recursive: true });
	writeFileSync(join(folder, file), text);
}

/** The files of a folder with their text. */
function contents(folder: string): Record<string, string> {
	return Object.fromEntries(listFiles(folder).map((file) => [file, readFileSync(join(folder, file), 'utf8')]));
}

/** What a build does to the work folder: `pages` are its routes' files, `other` what else it writes. */
function build(pages: Record<string, string>, other: Record<string, string> = {}): ReturnType<WorkFolder['finish']> {
	work.prepare();
	for (const [file, text] of Object.entries({ ...pages, ...other })) {
		// Astro leaves an unchanged page alone; a page written again gets a new time.
		if (!existsSync(join(work.path, file)) || readFileSync(join(work.path, file), 'utf8') !== text) write(work.path, file, text);
	}
	return work.finish(Object.keys(pages), work.collect(Object.keys(pages)));
}

/** Sets a file's time back, as if a build long ago had written it. */
function age(file: string): void {
	utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
}

describe('the work folder', () => {
	it('keeps the last build’s pages and its search index, and removes what else a build wrote, which the next one writes again', () => {
		build({ 'a/index.html': 'a', 'feed.xml': 'feed' }, { '_astro/site.1.css': 'css', 'sitemap-0.xml': 'map', 'pagefind/parts.json': '{}' });
		work.prepare();
		expect(listFiles(work.path)).toEqual(['a/index.html', 'feed.xml', 'pagefind/parts.json']);
	});

	it('without a record of its last build keeps nothing', () => {
		write(work.path, 'a/index.html', 'from a cache of unknown age');
		work.prepare();
		expect(listFiles(work.path)).toEqual([]);
	});

	it('removes the pages of the last build that this one did not make', () => {
		build({ 'a/index.html': 'a', 'b/index.html': 'b' });
		const files = build({ 'a/index.html': 'a' });
		expect([...files.keys()]).toEqual(['a/index.html']);
		expect(listFiles(work.path)).toEqual(['a/index.html']);
	});

	it('after a build that did not finish, removes the pages it wrote: their record describes what they were before', () => {
		build({ 'a/index.html': 'a', 'b/index.html': 'b' });
		for (const file of ['a/index.html', 'b/index.html']) age(join(work.path, file));
		work.prepare();
		// The build writes a new version of page a, and is killed.
		write(work.path, 'a/index.html', 'a, edited');
		work.prepare();
		expect(listFiles(work.path)).toEqual(['b/index.html']);
	});
});

describe('publishing', () => {
	it('copies the whole site into a new output folder, sharing no file with the work folder', () => {
		const files = build({ 'index.html': 'front', 'a/index.html': 'a' });
		const summary = publishSite(work.path, files, out, cache);
		expect(contents(out)).toEqual({ 'index.html': 'front', 'a/index.html': 'a' });
		expect(summary).toEqual({ copied: 2, removed: 0, bytes: 6 });
		expect(statSync(join(out, 'index.html')).ino).not.toBe(statSync(join(work.path, 'index.html')).ino);
	});

	it('then copies only what changed and removes what is no longer built, folders included', () => {
		publishSite(work.path, build({ 'index.html': 'front', 'a/index.html': 'a', 'b/c/index.html': 'c' }), out, cache);
		const before = statSync(join(out, 'a/index.html')).ino;
		const summary = publishSite(work.path, build({ 'index.html': 'front, corrected', 'a/index.html': 'a' }), out, cache);
		expect(summary).toMatchObject({ copied: 1, removed: 1 });
		expect(contents(out)).toEqual({ 'index.html': 'front, corrected', 'a/index.html': 'a' });
		expect(existsSync(join(out, 'b'))).toBe(false);
		expect(statSync(join(out, 'a/index.html')).ino).toBe(before);
	});

	it('copies the whole site again when the output folder was deleted or replaced since', () => {
		publishSite(work.path, build({ 'index.html': 'front' }), out, cache);
		rmSync(out, { recursive: true });
		mkdirSync(out);
		write(out, 'stray.html', 'not ours');
		const summary = publishSite(work.path, build({ 'index.html': 'front' }), out, cache);
		expect(summary.copied).toBe(1);
		expect(contents(out)).toEqual({ 'index.html': 'front' });
	});

	it('left part-way by a failure, is finished by the next build before it writes the work folder', () => {
		publishSite(work.path, build({ 'a/index.html': 'a', 'b/index.html': 'b', 'c/index.html': 'c' }), out, cache);
		const files = build({ 'a/index.html': 'a2', 'b/index.html': 'b2' });
		// Page b cannot be read: the publish stops after copying page a, before removing page c.
		rmSync(join(work.path, 'b/index.html'));
		mkdirSync(join(work.path, 'b/index.html'));
		expect(() => publishSite(work.path, files, out, cache)).toThrow();
		expect(contents(out)).toEqual({ 'a/index.html': 'a2', 'b/index.html': 'b', 'c/index.html': 'c' });

		rmSync(join(work.path, 'b/index.html'), { recursive: true });
		write(work.path, 'b/index.html', 'b2');
		finishInterruptedPublish(work.path, out, cache);
		expect(contents(out)).toEqual({ 'a/index.html': 'a2', 'b/index.html': 'b2' });
	});
});
