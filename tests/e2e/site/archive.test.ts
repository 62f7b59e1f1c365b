import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { formatterFactory, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSiteAddress } from '../../../src/tools/built-site.ts';
import { checkLinks, formatBrokenLinks } from '../../helpers/link-check.ts';
import { ARCHIVE_EDITIONS, builtArchiveSite, OUTSIDE_TABLES } from '../../helpers/archive-fixture.ts';

let root: string;
let dist: string;

beforeAll(async () => {
	({ root, dist } = await builtArchiveSite());
}, 600_000);

/** A page of the build by its address (`/archive/2024/`). */
const page = (address: string) => readFile(join(dist, address, 'index.html'), 'utf8');
/** The page's own content, without the masthead's links. */
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
const relLink = (html: string, rel: 'prev' | 'next') => new RegExp(`href="([^"]+)" rel="${rel}"`).exec(main(html))?.[1];
const editionLinks = (html: string) => hrefs(main(html)).filter((href) => /^\/\d{4}-\d{2}-\d{2}\/$/.test(href));
const monthLinks = (html: string) => hrefs(main(html)).filter((href) => /^\/archive\/\d{4}\/\d{2}\/$/.test(href));
/** The edition dates the 往期 calendar table of a page links to, in calendar order. */
const calendarLinks = (html: string) => hrefs(/<table class="archive-calendar"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '').filter((href) => /^\/\d{4}-\d{2}-\d{2}\/$/.test(href));
const datasetLinks = (html: string) => hrefs(main(html)).filter((href) => /^\/data\/[^/]+\/$/.test(href));

/** Every archive page a reader reaches from /archive/ by the archive's own links. */
async function crawlArchive(): Promise<Map<string, string>> {
	const pages = new Map<string, string>();
	const queue = ['/archive/'];
	while (queue.length > 0) {
		const address = queue.shift()!;
		if (pages.has(address)) continue;
		const html = await page(address);
		pages.set(address, html);
		queue.push(...hrefs(main(html)).filter((href) => href.startsWith('/archive/')));
	}
	return pages;
}

describe('the archive of a site with editions in five months of two years', () => {
	it('reaches every edition from /archive/ through its year and month pages, and has a page for every year and month', async () => {
		const pages = await crawlArchive();
		const reached = new Set([...pages.values()].flatMap(editionLinks));
		expect([...reached].sort()).toEqual(ARCHIVE_EDITIONS.map((date) => `/${date}/`));
		expect([...pages.keys()].sort()).toEqual([
			'/archive/',
			'/archive/2023/',
			'/archive/2023/12/',
			'/archive/2024/',
			'/archive/2024/01/',
			'/archive/2024/02/',
			'/archive/2024/09/',
			'/archive/2024/10/',
		]);
	});

	it('lists on each page one month’s editions or one year’s months, never more', async () => {
		for (const [address, html] of await crawlArchive()) {
			const year = /^\/archive\/(\d{4})\/$/.exec(address)?.[1];
			const month = /^\/archive\/(\d{4})\/(\d{2})\/$/.exec(address);
			if (year) {
				expect(editionLinks(html), address).toEqual([]);
				expect(new Set(monthLinks(html).map((href) => href.slice(9, 13))), address).toEqual(new Set([year]));
			} else if (month) {
				const dates = ARCHIVE_EDITIONS.filter((date) => date.startsWith(`${month[1]}-${month[2]}`));
				// The calendar in date order, then the list newest first, as the archive has always listed them.
				expect(calendarLinks(html), address).toEqual(dates.map((date) => `/${date}/`));
				expect(editionLinks(html).slice(dates.length), address).toEqual(dates.reverse().map((date) => `/${date}/`));
			} else {
				// The front of the archive: the newest month's calendar, and a link per year.
				expect(new Set(editionLinks(html))).toEqual(new Set(['/2024-10-01/']));
				expect(calendarLinks(html)).toEqual(['/2024-10-01/']);
				expect(hrefs(main(html)).filter((href) => /^\/archive\/\d{4}\/$/.test(href))).toEqual(['/archive/2024/', '/archive/2023/']);
			}
		}
	});

	it('prints each edition’s date with its 版面 and stories counted, and each month as 2024年9月', async () => {
		const html = main(await page('/archive/2024/09/'));
		expect(html).toContain('<h1 class="page-title">2024年9月</h1>');
		expect(html).toMatch(/<a href="\/2024-09-18\/">2024年9月18日 星期三<\/a>\s*<span class="archive-list__meta">1个版面 · 4篇稿件<\/span>/);
		expect(main(await page('/archive/2024/'))).toMatch(/<a href="\/archive\/2024\/09\/">2024年9月<\/a>\s*<span class="archive-list__meta">4期 · 16篇稿件<\/span>/);
	});

	it('links each month to the months before and after it that have editions, across years and gaps', async () => {
		const neighbours = async (address: string) => {
			const html = await page(address);
			return [relLink(html, 'prev'), relLink(html, 'next')];
		};
		expect(await neighbours('/archive/2024/01/')).toEqual(['/archive/2023/12/', '/archive/2024/02/']);
		expect(await neighbours('/archive/2024/09/')).toEqual(['/archive/2024/02/', '/archive/2024/10/']);
		expect(await neighbours('/archive/2023/12/')).toEqual([undefined, '/archive/2024/01/']);
		expect(await neighbours('/archive/2024/10/')).toEqual(['/archive/2024/09/', undefined]);
		expect(await neighbours('/archive/2024/')).toEqual(['/archive/2023/', undefined]);
		expect(await neighbours('/archive/')).toEqual(['/archive/2024/09/', undefined]);
	});

	it('shows where a year or month page sits in the archive with the site’s breadcrumb', async () => {
		const breadcrumb = (html: string) => /<nav class="breadcrumb" aria-label="位置">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
		expect(hrefs(breadcrumb(await page('/archive/2024/09/')))).toEqual(['/archive/', '/archive/2024/']);
		expect(breadcrumb(await page('/archive/2024/09/'))).toContain('>2024年</a>');
		expect(hrefs(breadcrumb(await page('/archive/2023/')))).toEqual(['/archive/']);
	});
});

describe('the list of datasets of a site with more than two pages of them', () => {
	/** The pages of the list, from /data/ following 下一页. */
	async function listPages(): Promise<Map<string, string>> {
		const pages = new Map<string, string>();
		for (let address: string | undefined = '/data/'; address && !pages.has(address); ) {
			const html = await page(address);
			pages.set(address, html);
			address = relLink(html, 'next');
		}
		return pages;
	}

	it('links every dataset exactly once, at most 100 a page, page 1 at /data/', async () => {
		const pages = await listPages();
		expect([...pages.keys()]).toEqual(['/data/', '/data/page/2/', '/data/page/3/']);
		for (const [address, html] of pages) expect(datasetLinks(html).length, address).toBeLessThanOrEqual(100);
		const linked = [...pages.values()].flatMap(datasetLinks);
		const published = (await readdir(join(root, 'data'))).map((file) => `/data/${file.replace(/\.json$/, '')}/`);
		expect(linked).toHaveLength(OUTSIDE_TABLES + 3);
		expect([...linked].sort()).toEqual(published.sort());
	});

	it('shows the datasets stories used newest first with the date they were first printed, outside tables after them', async () => {
		const first = await page('/data/');
		expect(datasetLinks(first).slice(0, 3).sort()).toEqual(['/data/erqi-governance/', '/data/mid-autumn-tourism-2024/', '/data/zhongyuan-government-services/']);
		expect(datasetLinks(first)[3]).toBe('/data/household-table-000/');
		expect(first).toContain('2023年12月30日见报 · 19项');
	});

	it('numbers the pages and says which one is shown', async () => {
		const html = main(await page('/data/page/2/'));
		expect(html).toContain('第2页，共3页');
		expect(html).toContain('<a href="/data/page/2/" aria-current="page" aria-label="第2页">2</a>');
		expect(relLink(html, 'prev')).toBe('/data/');
		expect(await page('/data/page/3/').then((last) => relLink(last, 'next'))).toBeUndefined();
	});
});

describe('sitemaps of a site with many editions', () => {
	const xml = new XMLParser();
	const locs = async (file: string): Promise<string[]> => {
		const { urlset } = xml.parse(await readFile(join(dist, file), 'utf8'));
		return [urlset.url ?? []].flat().map((url: { loc: string }) => url.loc);
	};

	it('the news sitemap holds the stories of the last two days, from every edition in them, and no older ones', async () => {
		const urls = await locs('news-sitemap.xml');
		const editions = new Set(urls.map((url) => new URL(url).pathname.split('/')[1]));
		// 2024-09-30 is within two days of the newest story (2024-10-01 00:00), 2024-09-28 is not.
		expect([...editions].sort()).toEqual(['2024-09-30', '2024-10-01']);
		expect(urls).toHaveLength(8);
	});

	it('the sitemap lists every archive page and every page of the list of datasets', async () => {
		const urls = await locs('sitemap-0.xml');
		for (const path of ['archive/', 'archive/2023/', 'archive/2023/12/', 'archive/2024/02/', 'data/', 'data/page/2/', 'data/page/3/']) {
			expect(urls).toContain(`https://example.org/${path}`);
		}
	});
});

describe('links and markup of the archive and the list of datasets', () => {
	it('every link of the built site resolves, the archive’s and the pagination’s included', async () => {
		const report = await checkLinks(dist, readSiteAddress(dist));
		expect(formatBrokenLinks(report.broken)).toBe('');
	});

	it('the archive pages and the pages of the list are valid HTML', async () => {
		// The presets of the HTML validity gate, which sees only the sample's one month and one page of datasets.
		const validator = new HtmlValidate({
			extends: ['html-validate:recommended', 'html-validate:document'],
			rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
		});
		for (const address of ['/archive/', '/archive/2024/', '/archive/2024/09/', '/data/', '/data/page/2/']) {
			const report = await validator.validateString(await page(address), address);
			expect(report.valid ? '' : formatterFactory('text')(report.results)).toBe('');
		}
	});
});
