import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('sampleDist');
const ORIGIN = 'https://example.org/';
const ARTICLES = [
	'2024-09-18/05/erqi-louyuan-zhili',
	'2024-09-18/05/zhongmou-zhongqiu-lvyou',
	'2024-09-18/05/xingyang-zhongqiu-lvyou',
	'2024-09-18/05/zhongyuan-zhengwu-fuwu',
];
const xml = new XMLParser({ ignoreAttributes: false });

/** The file in dist/ that serves an absolute URL of the site, or undefined. */
function fileFor(url: string): string | undefined {
	if (!url.startsWith(ORIGIN)) return undefined;
	const path = decodeURIComponent(url.slice(ORIGIN.length));
	const file = join(dist, path.endsWith('/') || path === '' ? `${path}index.html` : path);
	return existsSync(file) ? file : undefined;
}

const jsonLdOf = async (path: string) => {
	const html = await readFile(join(dist, path, 'index.html'), 'utf8');
	return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]));
};

describe('feeds', () => {
	it('the site feed is RSS 2.0 in zh-cn with every story, stable guids and +0800 dates', async () => {
		const feed = await new Parser().parseString(await readFile(join(dist, 'feeds/all.xml'), 'utf8'));
		expect(feed.items).toHaveLength(4);
		expect(feed.language).toBe('zh-cn');
		for (const item of feed.items) {
			expect(item.guid).toBe(item.link);
			expect(fileFor(item.link!), item.link).toBeDefined();
			expect(item.pubDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0800$/);
			expect(item.contentSnippet ?? item.content).toBeTruthy();
		}
		expect(feed.items.map((item) => item.title)).toContain('靶向施策提升楼院治理水平：二七区723个楼院实现“三类组织”全覆盖');
	});

	it('each page and each column has its own feed', async () => {
		const page = await new Parser().parseString(await readFile(join(dist, 'feeds/page-05.xml'), 'utf8'));
		expect(page.items).toHaveLength(4);
		const column = await new Parser().parseString(await readFile(join(dist, 'feeds/column-文旅看台.xml'), 'utf8'));
		expect(column.items.map((item) => item.link)).toEqual([
			`${ORIGIN}2024-09-18/05/zhongmou-zhongqiu-lvyou/`,
			`${ORIGIN}2024-09-18/05/xingyang-zhongqiu-lvyou/`,
		]);
	});

	it('article pages announce the site, page and column feeds', async () => {
		const html = await readFile(join(dist, ARTICLES[1], 'index.html'), 'utf8');
		const feeds = [...html.matchAll(/<link rel="alternate" type="application\/rss\+xml" title="[^"]*" href="([^"]+)"/g)].map((m) => m[1]);
		expect(feeds).toEqual(['/feeds/all.xml', '/feeds/page-05.xml', '/feeds/column-文旅看台.xml']);
	});
});

describe('sitemaps', () => {
	it('the sitemap lists every edition, page, story and dataset page, and only pages that exist', async () => {
		const index = xml.parse(await readFile(join(dist, 'sitemap-index.xml'), 'utf8'));
		const sitemaps = [index.sitemapindex.sitemap].flat().map((entry: { loc: string }) => entry.loc);
		const urls: string[] = [];
		for (const sitemap of sitemaps) {
			const file = fileFor(sitemap);
			expect(file, sitemap).toBeDefined();
			urls.push(...[xml.parse(await readFile(file!, 'utf8')).urlset.url].flat().map((entry: { loc: string }) => entry.loc));
		}
		for (const url of urls) expect(fileFor(url), url).toBeDefined();
		for (const path of ['', '2024-09-18/', '2024-09-18/05/', ...ARTICLES.map((a) => `${a}/`), 'data/erqi-governance/', 'archive/']) {
			expect(urls).toContain(`${ORIGIN}${path}`);
		}
		expect(urls.some((url) => /404|search/.test(url))).toBe(false);
	});

	it('the news sitemap has the stories of the last two days with publication, language, date and title', async () => {
		const news = xml.parse(await readFile(join(dist, 'news-sitemap.xml'), 'utf8'));
		const urls = [news.urlset.url].flat();
		expect(urls).toHaveLength(4);
		for (const url of urls) {
			expect(fileFor(url.loc)).toBeDefined();
			expect(url['news:news']['news:publication']).toEqual({ 'news:name': '示例日报', 'news:language': 'zh-cn' });
			expect(url['news:news']['news:publication_date']).toMatch(/\+08:00$/);
			expect(url['news:news']['news:title']).toBeTruthy();
		}
	});

	it('robots.txt points at both sitemaps', async () => {
		const robots = await readFile(join(dist, 'robots.txt'), 'utf8');
		expect(robots).toContain('Sitemap: https://example.org/sitemap-index.xml');
		expect(robots).toContain('Sitemap: https://example.org/news-sitemap.xml');
	});
});

describe('news metadata', () => {
	it.each(ARTICLES)('%s has a complete NewsArticle JSON-LD', async (path) => {
		const [article] = await jsonLdOf(path);
		expect(article['@type']).toBe('NewsArticle');
		expect(article.url).toBe(`${ORIGIN}${path}/`);
		expect(article.headline).toBeTruthy();
		expect(article.inLanguage).toBe('zh-CN');
		expect(article.datePublished).toMatch(/T\d{2}:\d{2}:\d{2}\+08:00$/);
		expect(article.dateModified).toMatch(/\+08:00$/);
		expect(article.author.length).toBeGreaterThan(0);
		for (const author of article.author) expect(author['@type']).toBe('Person');
		expect(article.printPage).toBe('05');
		expect(article.printSection).toBe('区县新闻');
		expect(article.printEdition).toBeTruthy();
		expect(article.isPartOf['@type']).toBe('PublicationIssue');
		expect(article.isPartOf.datePublished).toBe('2024-09-18T00:00:00+08:00');
		expect(fileFor(article.image[0])).toBeDefined();
	});

	it('the Erqi story names both reporters as authors and its kicker as alternative headline', async () => {
		const [article] = await jsonLdOf(ARTICLES[0]);
		expect(article.author.map((author: { name: string }) => author.name)).toEqual(['刘伟平', '朱翔宇']);
		expect(article.alternativeHeadline).toBe('靶向施策提升楼院治理水平');
		expect((await jsonLdOf(ARTICLES[1]))[0].printColumn).toBe('文旅看台');
	});

	it('article pages carry canonical, description, Open Graph and Twitter card tags and visible times', async () => {
		const html = await readFile(join(dist, ARTICLES[2], 'index.html'), 'utf8');
		expect(html).toContain(`<link rel="canonical" href="${ORIGIN}${ARTICLES[2]}/">`);
		expect(html).toMatch(/<meta name="description" content="今年中秋假期/);
		expect(html).toContain('<meta property="og:type" content="article">');
		expect(html).toContain(`<meta property="og:image" content="${ORIGIN}og/2024-09-18/xingyang-zhongqiu-lvyou.png">`);
		expect(html).toContain('<meta property="article:published_time" content="2024-09-18T00:00:00+08:00">');
		expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
		// Published with the date alone: the page shows no made-up 00:00, the machines get the day's first moment.
		expect(html).toContain('发布 <time datetime="2024-09-18">2024年9月18日</time>');
	});
});

describe('social cards', () => {
	it.each(ARTICLES)('%s has a 1200×630 PNG card that is not blank', async (path) => {
		const file = join(dist, 'og', `${path.replace('/05/', '/')}.png`);
		const image = sharp(await readFile(file));
		expect(await image.metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
		const { channels } = await image.stats();
		// A blank card is one flat colour; text and rules make the luminance vary.
		expect(channels[0].stdev).toBeGreaterThan(20);
	});
});

describe('Chinese type', () => {
	it('headlines use a serif face served from the site itself, subset to the characters it prints', async () => {
		const html = await readFile(join(dist, 'index.html'), 'utf8');
		const css = await readFile(join(dist, html.match(/<link rel="stylesheet" href="\/([^"]+\.css)"/)![1]), 'utf8');
		const font = css.match(/@font-face\{font-family:Broadsheet Headline;src:url\(\/([^)]+\.woff2)\)/)?.[1];
		expect(font, css.slice(0, 300)).toBeDefined();
		const bytes = (await readFile(join(dist, font!))).byteLength;
		// The whole face is 14 MB; the subset holds a few hundred glyphs.
		expect(bytes).toBeLessThan(200_000);
		expect(css).not.toMatch(/fonts\.googleapis|fonts\.gstatic|cdn/);
	});
});
