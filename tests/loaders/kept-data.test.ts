import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheStore, pruneCaches, startCacheUse } from '../../src/cache/registry.ts';
import { jsonFolderLoader } from '../../src/loaders/json-folder-loader.ts';
import { keptData } from '../../src/loaders/kept-data.ts';

/**
 * Datasets are kept out of Astro's content store, which Astro bundles whole into the pages' code:
 * the store holds each entry's digest, the loaders' cache its parsed data, which the edition index
 * reads back. The caches are the test file's own (tests/setup-caches.ts).
 */

let root: string;

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'broadsheet-kept-data-'));
	await mkdir(join(root, 'data'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

interface Stored {
	id: string;
	data: Record<string, unknown>;
	digest?: string;
}

/** Astro's store as the loader uses it, and how many entries were parsed. */
function context(entries: Map<string, Stored>) {
	const parsed: string[] = [];
	const ctx = {
		store: {
			get: (id: string) => entries.get(id),
			set: (entry: Stored) => void entries.set(entry.id, entry),
			keys: () => [...entries.keys()],
			delete: (id: string) => void entries.delete(id),
		},
		parseData: async ({ id, data }: { id: string; data: unknown }) => (parsed.push(id), data),
		generateDigest: (text: string) => String(text.length) + text.slice(-12).replace(/\W/g, ''),
		config: { root: pathToFileURL(`${root}/`) },
	} as unknown as LoaderContext;
	return { ctx, parsed };
}

const load = (ctx: LoaderContext) =>
	jsonFolderLoader({ folder: join(root, 'data'), include: (path) => path.endsWith('.json'), id: (path) => path.slice(0, -5), keepDataOutside: true }).load(ctx);

const keptFiles = async () => (await readdir(cacheStore('loaders').dir)).filter((name) => name.endsWith('.data'));

describe('a loader keeping its entries’ data outside Astro’s store', () => {
	const entries = new Map<string, Stored>();
	const rows = { title: '郑州市旅游收入', figures: Array.from({ length: 1000 }, (_, i) => ({ id: `f${i}`, value: i * 1.5, unit: '亿元' })) };

	it('stores each entry with its digest and no data, and keeps the parsed data (full-width punctuation included) under the digest', async () => {
		await writeFile(join(root, 'data/tourism.json'), JSON.stringify({ ...rows, description: '来源:河南省文化和旅游厅' }));
		const { ctx, parsed } = context(entries);
		await load(ctx);
		expect(parsed).toEqual(['tourism']);
		const entry = entries.get('tourism')!;
		expect(entry.data).toEqual({});
		expect(entry.digest).toBeTruthy();
		expect(keptData('tourism', entry.digest)).toEqual({ ...rows, description: '来源：河南省文化和旅游厅' });
	});

	it('does not parse an unchanged file again while its data is kept, and marks the kept data used, so pruning keeps it', async () => {
		const [file] = await keptFiles();
		const minuteAgo = new Date(Date.now() - 60_000);
		await utimes(join(cacheStore('loaders').dir, file!), minuteAgo, minuteAgo);
		// An entry of an earlier version of the file, which no build asks for any more.
		await writeFile(join(cacheStore('loaders').dir, 'old-digest.data'), 'old');
		await utimes(join(cacheStore('loaders').dir, 'old-digest.data'), minuteAgo, minuteAgo);
		startCacheUse();
		const { ctx, parsed } = context(entries);
		await load(ctx);
		expect(parsed).toEqual([]);
		expect(pruneCaches()).toEqual({ loaders: 1 });
		expect(await keptFiles()).toEqual([file]);
		// The digests of the files, which are not entries, stay.
		expect(existsSync(cacheStore('loaders').file('data.json'))).toBe(true);
	});

	it('parses the file again when its kept data is gone though Astro’s store still has the entry (a cache restored in part)', async () => {
		await rm(cacheStore('loaders').dir, { recursive: true });
		const { ctx, parsed } = context(entries);
		await load(ctx);
		expect(parsed).toEqual(['tourism']);
		expect(keptData('tourism', entries.get('tourism')!.digest)).toMatchObject(rows);
	});

	it('names the entry when its data is missing', () => {
		expect(() => keptData('tourism', 'no-such-digest')).toThrow(/The data of entry "tourism" is missing from the loaders' cache .*expected a file named by its digest \(no-such-digest\)/);
	});
});
