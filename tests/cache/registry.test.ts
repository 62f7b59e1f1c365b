import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_STORES, cacheStore, configureCaches, pruneCaches, startCacheUse } from '../../src/cache/registry.ts';
import { importClosure } from '../../src/cache/code-hash.ts';
import { projectRoot } from '../helpers/site-fixture.ts';

/**
 * The registry: every store's folder under one root, keys holding the code that makes the entries,
 * and pruning of what a build did not ask for, so cache folders do not grow with every edit.
 */

let root: string;

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'broadsheet-caches-'));
	configureCaches({ root, projectRoot });
});

afterAll(() => rm(root, { recursive: true, force: true }));

/** An entry left by an earlier build: written, and dated a minute ago. */
async function earlierEntry(file: string): Promise<void> {
	await mkdir(join(file, '..'), { recursive: true });
	await writeFile(file, 'kept');
	const minuteAgo = new Date(Date.now() - 60_000);
	await utimes(file, minuteAgo, minuteAgo);
}

describe('the cache registry', () => {
	it('names a producer for every store that exists in the project', () => {
		for (const { producer } of Object.values(CACHE_STORES)) expect(importClosure(projectRoot, producer).files).toContain(producer);
	});

	it('keys entries on the store, its code and what the entry is made from', () => {
		const cards = cacheStore('cards');
		expect(cards.dir).toBe(join(root, 'cards'));
		expect(cards.key('a')).toMatch(/^[0-9a-f]{32}$/);
		expect(cards.key('a')).toBe(cards.key('a'));
		expect(cards.key('a')).not.toBe(cards.key('b'));
		expect(cards.key('a')).not.toBe(cacheStore('chart-png').key('a'));
	});

	it('at the end of a build removes the entries it did not use, keeps those it used or wrote, and leaves index files alone', async () => {
		const stories = cacheStore('stories');
		const [used, unused, partial, aside, index] = ['used.html', 'unused.html', 'x.html.1-0-1.partial', 'story-hashes.json.1.tmp', 'story-hashes.json'].map((name) => stories.file(name));
		for (const file of [used, unused, partial, aside, index]) await earlierEntry(file);
		startCacheUse();
		expect(stories.use(used)).toBe(true);
		expect(stories.use(stories.file('never-made.html'))).toBe(false);
		await writeFile(stories.file('new.html'), 'made by this build');
		expect(pruneCaches()).toEqual({ stories: 1 });
		expect((await readdir(stories.dir)).sort()).toEqual(['new.html', 'story-hashes.json', 'used.html']);
		// Without a build started, nothing is known to be unused.
		expect(pruneCaches()).toEqual({});
		expect(existsSync(used)).toBe(true);
	});

	it('keeps the entries of pages Astro copied from its own cache, which the build did not render', async () => {
		const cards = cacheStore('cards');
		const [first, second, gone] = ['first.png', 'second.png', 'gone.png'].map((name) => cards.file(name));
		for (const file of [first, second, gone]) await earlierEntry(file);
		startCacheUse();
		// A build that renders the three stories' cards.
		cards.usePages([]);
		for (const [story, file] of [['2024-09-18/a', first], ['2024-09-18/b', second], ['2024-09-18/c', gone]] as const) {
			cards.use(file);
			cards.recordPage(story, file);
		}
		expect(pruneCaches().cards).toBeUndefined();
		for (const file of [first, second, gone]) await earlierEntry(file);
		// The next build has stories a and b, and renders neither: their cards stay, the taken-down story's goes.
		startCacheUse();
		cards.usePages(['2024-09-18/a', '2024-09-18/b']);
		expect(pruneCaches().cards).toBe(1);
		expect((await readdir(cards.dir)).sort()).toEqual(['first.png', 'pages.tsv', 'second.png']);
	});

	it('clears a store', async () => {
		const checks = cacheStore('checks');
		await earlierEntry(checks.file('a.dataset'));
		checks.clear();
		expect(existsSync(checks.dir)).toBe(false);
	});
});
