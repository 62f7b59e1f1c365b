import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexForSearch, type SearchIndexSummary } from '../../src/search/index-for-search.ts';
import type { SearchParts } from '../../src/search/search-parts.ts';
import { hashFiles } from '../helpers/file-hashes.ts';

/** Three months of editions, two stories each; every story has a word of its own (`词0`…). */
const STORIES = [
	['2024-07-30', 'a'],
	['2024-07-31', 'b'],
	['2024-08-15', 'c'],
	['2024-08-16', 'd'],
	['2024-09-17', 'e'],
	['2024-09-18', 'f'],
] as const;

function storyHtml(edition: string, slug: string, text: string): string {
	return (
		`<!DOCTYPE html><html lang="zh-CN"><head><title>${slug}</title></head><body><nav>导航</nav>` +
		`<article class="story" data-pagefind-body><div hidden data-pagefind-meta="date:${edition}" data-pagefind-filter="edition:${edition}"></div>` +
		`<div hidden data-pagefind-meta="page:第01版：要闻" data-pagefind-filter="page:第01版：要闻"></div>` +
		`<h1 data-pagefind-meta="title">稿件${slug}</h1><p>${text}</p></article></body></html>`
	);
}

let root: string;
let site: string;
let cache: string;

async function writeStory(edition: string, slug: string, text: string): Promise<void> {
	await mkdir(join(site, edition, '01', slug), { recursive: true });
	await writeFile(join(site, edition, '01', slug, 'index.html'), storyHtml(edition, slug, text));
}

async function parts(): Promise<SearchParts> {
	return JSON.parse(await readFile(join(site, 'pagefind/parts.json'), 'utf8')) as SearchParts;
}

/** The text of each fragment in a part's folder, by Pagefind id, without the zero-width spaces Pagefind puts between Chinese words. */
async function fragments(folder: string): Promise<Map<string, string>> {
	const dir = join(site, 'pagefind', folder, 'fragment');
	const texts = new Map<string, string>();
	for (const file of await readdir(dir)) texts.set(file.replace('.pf_fragment', ''), gunzipSync(await readFile(join(dir, file))).toString('utf8').replaceAll('\u200b', ''));
	return texts;
}

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'broadsheet-search-parts-'));
	site = join(root, 'site');
	cache = join(root, 'cache');
	for (const [index, [edition, slug]] of STORIES.entries()) await writeStory(edition, slug, `第${index}篇稿件的正文，独有的词是词${index}。`);
	// Pages without a searchable element are not indexed.
	await mkdir(join(site, 'archive'), { recursive: true });
	await writeFile(join(site, 'archive/index.html'), '<!DOCTYPE html><html lang="zh-CN"><body><h1>往期</h1></body></html>');
});

afterAll(async () => {
	if (root) await rm(root, { recursive: true, force: true });
});

describe('indexForSearch(site, cache)', () => {
	let first: SearchIndexSummary;
	let firstTree: Map<string, string>;

	it('writes one part a month: the newest beside pagefind.js, the older ones merged, each with only the files a search loads', async () => {
		first = await indexForSearch(site, cache);
		expect(first).toEqual({ pages: 6, parts: 3, kept: 0, indexed: 6 });
		const written = await parts();
		expect(written.primary).toMatchObject({ path: '', months: ['2024-09'] });
		expect(written.merged.map((part) => [part.path, part.months])).toEqual([
			['2024-07/', ['2024-07']],
			['2024-08/', ['2024-08']],
		]);
		expect(written.replaced).toEqual({});
		expect(written.filters).toEqual({ edition: STORIES.map(([edition]) => edition), page: ['第01版：要闻'] });
		expect(existsSync(join(site, 'pagefind/pagefind.js'))).toBe(true);
		expect(existsSync(join(site, 'pagefind/pagefind-ui.js'))).toBe(false);
		const merged = (await readdir(join(site, 'pagefind/2024-07'))).map((name) => name.replace(/^pagefind\.zh-cn_\w+\.pf_meta$/, 'pagefind.<hash>.pf_meta'));
		expect(merged.sort()).toEqual(['filter', 'fragment', 'index', 'pagefind-entry.json', 'pagefind.<hash>.pf_meta']);
		// Each part holds its own month's stories.
		expect([...(await fragments('2024-08')).values()].map((text) => text.match(/"url":"([^"]+)"/)![1]).sort()).toEqual(['/2024-08-15/01/c/', '/2024-08-16/01/d/']);
		firstTree = await hashFiles(join(site, 'pagefind'));
	});

	it('takes every part from the cache when no story changed, and writes the same files', async () => {
		await rm(join(site, 'pagefind'), { recursive: true });
		expect(await indexForSearch(site, cache)).toEqual({ pages: 6, parts: 3, kept: 3, indexed: 0 });
		expect(await hashFiles(join(site, 'pagefind'))).toEqual(firstTree);
	});

	it('indexes a corrected story alone into the part of changes, naming its old version in its month’s part and its new one', async () => {
		const before = await parts();
		const oldId = [...(await fragments('2024-08')).entries()].find(([, text]) => text.includes('词2'))![0];
		await writeStory('2024-08-15', 'c', '第2篇稿件更正后的正文，更正后的词是改正词。');
		expect(await indexForSearch(site, cache)).toEqual({ pages: 6, parts: 4, kept: 3, indexed: 1 });
		const after = await parts();
		expect(after.merged.map((part) => [part.path, part.months])).toEqual([
			['2024-07/', ['2024-07']],
			['2024-08/', ['2024-08']],
			['changes/', ['2024-08']],
		]);
		// The month's part is the one written before; only the story is new.
		expect(after.merged[1].tag).toBe(before.merged[1].tag);
		const changes = [...(await fragments('changes')).entries()];
		expect(changes).toHaveLength(1);
		expect(changes[0][1]).toContain('改正词');
		expect(after.replaced).toEqual({ [oldId]: changes[0][0] });
		// The old version's text leaves the month's folder in the site (the part in the cache keeps it).
		const august = await fragments('2024-08');
		expect(august.has(oldId)).toBe(false);
		expect([...august.values()].join('')).not.toContain('词2');
		expect(existsSync(join(cache, 'search/parts', after.merged[1].tag, 'fragment', `${oldId}.pf_fragment`))).toBe(true);
	});

	it('indexes the month again when a story is taken down, so that its text leaves the index', async () => {
		await rm(join(site, '2024-07-31'), { recursive: true });
		expect(await indexForSearch(site, cache)).toEqual({ pages: 5, parts: 4, kept: 2, indexed: 1 });
		const texts = [...(await fragments('2024-07')).values()];
		expect(texts).toHaveLength(1);
		expect(texts.join('')).not.toContain('词1');
		// The correction of August is still kept apart, its old version still left out.
		expect(Object.keys((await parts()).replaced)).toHaveLength(1);
		// The cache holds the parts in use and nothing else: three months and the changes.
		expect(await readdir(join(cache, 'search/parts'))).toHaveLength(4);
	});

	it('in a site folder kept between builds, leaves the parts that did not change in place, and leaves what a new folder gets', async () => {
		const entry = () => statSync(join(site, 'pagefind/2024-08/pagefind-entry.json')).ino;
		const before = entry();
		await writeStory('2024-09-18', 'f', '第5篇稿件更正后的正文。');
		expect(await indexForSearch(site, cache)).toMatchObject({ kept: 3, indexed: 2 });
		expect(entry()).toBe(before);

		const fresh = join(root, 'fresh');
		await cp(site, fresh, { recursive: true, filter: (path) => !path.startsWith(join(site, 'pagefind')) });
		await indexForSearch(fresh, cache);
		expect(await hashFiles(join(fresh, 'pagefind'))).toEqual(await hashFiles(join(site, 'pagefind')));
	});

	it('puts an old version back in its month’s folder when its correction is undone', async () => {
		await writeStory('2024-08-15', 'c', '第2篇稿件的正文，独有的词是词2。');
		await indexForSearch(site, cache);
		expect([...(await fragments('2024-08')).values()].join('')).toContain('词2');
	});
});
