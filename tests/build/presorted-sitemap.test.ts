import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { presortedSitemap } from '../../src/build/presorted-sitemap.ts';

const folders: string[] = [];
afterAll(async () => {
	for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** Runs the integration's hooks as an Astro build would, and returns the URLs of the sitemap it writes. */
async function sitemapUrls(pathnames: string[]): Promise<string[]> {
	const dir = await mkdtemp(join(tmpdir(), 'broadsheet-sitemap-'));
	folders.push(dir);
	const hooks = presortedSitemap({}).hooks as Record<string, (params: object) => Promise<void> | void>;
	const logger = { warn: () => {}, info: () => {}, error: () => {}, debug: () => {}, fork: () => logger };
	const config = { site: 'https://example.org', base: '/', trailingSlash: 'always', build: { format: 'directory' } };
	await hooks['astro:routes:resolved']({ routes: [], logger });
	await hooks['astro:config:done']({ config, logger });
	await hooks['astro:build:done']({ dir: pathToFileURL(`${dir}/`), pages: pathnames.map((pathname) => ({ pathname })), logger });
	const xml = await readFile(join(dir, 'sitemap-0.xml'), 'utf8');
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
}

describe('presortedSitemap', () => {
	it('writes every page, in the order @astrojs/sitemap sorts URLs in, whatever order Astro lists them in', async () => {
		const pathnames = ['data/b/', '2024-09-18/10/', '', '2024-09-18/9/', '2024-09-18/zhongyuan/', '2024-09-17/01/', 'archive/2024/', 'Data/a/'];
		const expected = pathnames.map((pathname) => `https://example.org/${pathname}`).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
		expect(await sitemapUrls(pathnames)).toEqual(expected);
		expect(await sitemapUrls([...pathnames].reverse())).toEqual(expected);
	});
});
