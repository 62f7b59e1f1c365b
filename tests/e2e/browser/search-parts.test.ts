import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { indexForSearch } from '../../../src/search/index-for-search.ts';
import type { SearchParts } from '../../../src/search/search-parts.ts';
import { ARCHIVE_EDITIONS, useArchiveInBrowser } from '../../helpers/archive-fixture.ts';

/**
 * Search over an index in parts: the archive fixture's nine editions fall in five months, so its
 * index has five parts, which the search page merges in the browser.
 */
// Its tests change the site's pages and index: it has a copy of its own.
const site = useArchiveInBrowser({ copy: 'broadsheet-search-parts-' });

/** Opens the search page for a query; gives the status line, the results' links and the index files the page fetched. */
async function search(query: string, extra = ''): Promise<{ status: string; links: string[]; headlines: string[]; fetched: string[] }> {
	const page: Page = await site.tabs.open();
	const fetched: string[] = [];
	const errors: string[] = [];
	page.on('request', (request) => {
		const path = new URL(request.url()).pathname;
		if (path.startsWith('/pagefind/')) fetched.push(path);
	});
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}${extra}`);
	await page.waitForFunction(() => {
		const text = document.querySelector('.search-status')?.textContent ?? '';
		return text !== '' && !text.startsWith('正在');
	});
	const status = (await page.locator('.search-status').textContent()) ?? '';
	const links = await page.locator('.search-result__headline a').evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
	const headlines = await page.locator('.search-result__headline').allTextContents();
	await site.tabs.giveBack(page);
	expect(errors).toEqual([]);
	return { status, links, headlines, fetched };
}

const erqi = (edition: string) => `/${edition}/05/erqi-louyuan-zhili/`;

describe('search over an index in parts, in Chromium', () => {
	it('the index has a part for each month, the newest beside pagefind.js', async () => {
		const parts = JSON.parse(await readFile(join(site.dist, 'pagefind/parts.json'), 'utf8')) as SearchParts;
		expect(parts.primary?.months).toEqual(['2024-10']);
		expect(parts.merged.map((part) => part.path)).toEqual(['2023-12/', '2024-01/', '2024-02/', '2024-09/']);
	});

	it('searching 楼院 finds the Erqi story of every edition, from every part', async () => {
		const { status, links } = await search('楼院');
		expect(links.filter((link) => link.endsWith('/erqi-louyuan-zhili/')).sort()).toEqual(ARCHIVE_EDITIONS.map(erqi).sort());
		expect(status).toMatch(/^找到\d+篇与“楼院”相关的稿件。$/);
	});

	it('with a date picked, only that month’s part is fetched, and only that date’s stories are listed', async () => {
		const { links, fetched } = await search('楼院', '&edition=2024-01-02');
		expect(links).toContain(erqi('2024-01-02'));
		expect(links.every((link) => link.startsWith('/2024-01-02/'))).toBe(true);
		expect(fetched.some((path) => path.startsWith('/pagefind/2024-01/'))).toBe(true);
		expect(fetched.filter((path) => /^\/pagefind\/(2023-12|2024-02|2024-09)\//.test(path))).toEqual([]);
	});

	it('a story corrected after the index was written is found by its new words, and listed once, as corrected', async () => {
		const file = join(site.dist, '2024-02-29/05/erqi-louyuan-zhili/index.html');
		const html = await readFile(file, 'utf8');
		await writeFile(file, html.replaceAll('楼院', '院落').replaceAll('723', '724').replace('</h1>', '</h1><p>更正说明（编号qxcorrigendum）：本文所述名称已统一改称院落。</p>'));
		const summary = await indexForSearch(site.dist, join(site.root, '.astro-cache/broadsheet'));
		expect(summary).toMatchObject({ kept: 5, indexed: 1 });

		expect((await search('qxcorrigendum')).links).toEqual([erqi('2024-02-29')]);
		// The old version, still in February's part, would be a second result with the old headline.
		const { links, headlines } = await search('三类组织');
		const corrected = links.flatMap((link, index) => (link === erqi('2024-02-29') ? [headlines[index]] : []));
		expect(corrected).toEqual(['二七区724个院落实现“三类组织”全覆盖']);
		expect(links.filter((link) => link.endsWith('/erqi-louyuan-zhili/')).sort()).toEqual(ARCHIVE_EDITIONS.map(erqi).sort());
		// The wrong figure the correction took out no longer finds the corrected story, only the others that still print it.
		const old = await search('723');
		expect(old.links.filter((link) => link.endsWith('/erqi-louyuan-zhili/')).sort()).toEqual(ARCHIVE_EDITIONS.filter((date) => date !== '2024-02-29').map(erqi).sort());
	});

	it('an archive longer than the months searched at once is searched a period at a time, newest first, with a link to the period before', async () => {
		// The page searches 12 months at once; the fixture's five months take three periods at two.
		const file = join(site.dist, 'search/index.html');
		await writeFile(file, (await readFile(file, 'utf8')).replace('data-months-at-once="12"', 'data-months-at-once="2"'));
		const page = await site.tabs.open();
		const periods: { status: string; dates: string[] }[] = [];
		await page.goto(`${site.server.url}search/?q=${encodeURIComponent('三类组织')}`);
		for (;;) {
			await page.waitForFunction(() => {
				const text = document.querySelector('.search-status')?.textContent ?? '';
				return text !== '' && !text.startsWith('正在');
			});
			const links = await page.locator('.search-result__headline a').evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
			periods.push({ status: (await page.locator('.search-status').textContent()) ?? '', dates: [...new Set(links.map((link) => link.slice(1, 11)))].sort() });
			const more = page.locator('.search-more a');
			if (!(await more.isVisible())) break;
			await Promise.all([page.waitForURL(/before=/), more.click()]);
		}
		await site.tabs.giveBack(page);
		expect(periods).toEqual([
			{ status: '在2024年9月至2024年10月的稿件中找到5篇与“三类组织”相关的稿件。', dates: ['2024-09-17', '2024-09-18', '2024-09-28', '2024-09-30', '2024-10-01'] },
			{ status: '在2024年1月至2024年2月的稿件中找到2篇与“三类组织”相关的稿件。', dates: ['2024-01-02', '2024-02-29'] },
			{ status: '在2023年12月的稿件中找到2篇与“三类组织”相关的稿件。', dates: ['2023-12-30', '2023-12-31'] },
		]);
	});
});
