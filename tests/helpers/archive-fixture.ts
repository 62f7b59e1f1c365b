import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { sharedTabs, type Tabs } from './chromium.ts';
import { copySharedSite, sharedSite, type SharedSite } from './shared-site.ts';
import { copySampleSite } from './site-fixture.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** Editions added to the sample's 2024-09-18: two years, five months, a leap day, and a gap from February to September. */
export const ADDED_EDITIONS = ['2023-12-30', '2023-12-31', '2024-01-02', '2024-02-29', '2024-09-17', '2024-09-28', '2024-09-30', '2024-10-01'];

/** Every edition of the fixture, oldest first. */
export const ARCHIVE_EDITIONS = [...ADDED_EDITIONS, '2024-09-18'].sort();

/** Tables of an outside publication, which no story uses: with the sample's three, three pages of the list of datasets. */
export const OUTSIDE_TABLES = 205;

/**
 * A copy of the sample with an archive to page through: the sample edition again under each date of
 * {@link ADDED_EDITIONS}, and {@link OUTSIDE_TABLES} small datasets named `household-table-000`….
 */
export async function copyArchiveSite(prefix = 'broadsheet-archive-'): Promise<string> {
	const root = await copySampleSite(prefix);
	for (const date of ADDED_EDITIONS) {
		const folder = join(root, 'content', date);
		await cp(join(root, 'content/2024-09-18'), folder, { recursive: true });
		for (const file of await readdir(folder)) {
			const path = join(folder, file);
			await writeFile(path, (await readFile(path, 'utf8')).replaceAll('2024-09-18', date));
		}
	}
	for (let index = 0; index < OUTSIDE_TABLES; index++) {
		const id = `household-table-${String(index).padStart(3, '0')}`;
		await writeFile(
			join(root, 'data', `${id}.json`),
			JSON.stringify({
				kind: 'governance',
				title: `楼院登记住户第${index + 1}表`,
				region: '二七区',
				origin: { name: '测试用生成数据' },
				figures: [{ id: 'households', label: '登记住户', value: index, unit: '户' }],
			}),
		);
	}
	return root;
}

/** The archive fixture, built once for the test run (tests/helpers/shared-site.ts); a file that changes it takes a copy. */
export function builtArchiveSite(): Promise<SharedSite> {
	return sharedSite('archive', () => copyArchiveSite());
}

/** The archive fixture built, served and open to Chromium, for a browser test file. */
export interface ArchiveInBrowser {
	root: string;
	dist: string;
	server: StaticServer;
	tabs: Tabs;
}

/**
 * For a browser test file: serves the archive fixture before the tests and stops serving it after
 * them; tests open their tabs from `tabs`, the process's Chromium (`sharedTabs`). A file whose tests change the site gives `copy`, the prefix of its own copy,
 * which is removed after them. The fields are set once the file's `beforeAll` has run.
 */
export function useArchiveInBrowser({ copy }: { copy?: string } = {}): ArchiveInBrowser {
	const site = { tabs: sharedTabs() } as ArchiveInBrowser;
	beforeAll(async () => {
		const built = await builtArchiveSite();
		const { root, dist } = copy ? await copySharedSite(built, copy) : built;
		Object.assign(site, { root, dist });
		site.server = await serveStatic(site.dist);
	}, 600_000);
	afterAll(async () => {
		await site.server?.close();
		if (copy && site.root) await rm(site.root, { recursive: true, force: true });
	});
	return site;
}
