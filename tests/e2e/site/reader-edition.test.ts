import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { formatterFactory, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, formatBrokenLinks } from '../../helpers/link-check.ts';
import { nuCheckerErrors } from '../../helpers/nu-checker.ts';
import { readSiteAddress } from '../../../src/tools/built-site.ts';
import { CORRECTION, EARLIER_CORRECTION, EDITION, REGIONS, builtReaderEditionSite } from '../../helpers/reader-edition-fixture.ts';

/**
 * The reader's edition built from a fixture with what the sample has none of: a page scan with
 * story regions and a PDF, a page without a scan, three editions with a day between two of them
 * without one, corrections of two stories and a corrected dataset figure.
 */

let root: string;
let dist: string;

beforeAll(async () => {
	({ root, dist } = await builtReaderEditionSite());
}, 600_000);

const page = (address: string) => readFile(join(dist, address, 'index.html'), 'utf8');
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const headLink = (html: string, rel: 'prev' | 'next') => new RegExp(`<link rel="${rel}" href="([^"]+)"`).exec(html)?.[1];
const bodyLink = (html: string, rel: 'prev' | 'next') => new RegExp(`href="([^"]+)" rel="${rel}"`).exec(main(html))?.[1];
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]));
const headlines = new Map([
	['erqi-louyuan-zhili', '二七区723个楼院实现“三类组织”全覆盖'],
	['zhongmou-zhongqiu-lvyou', '中牟文旅消费市场热潮涌动 中秋假期迎来76.57万人次'],
	['xingyang-zhongqiu-lvyou', '中秋假期荥阳接待游客40.389万人次 实现旅游收入3440万余元'],
]);
const XINGYANG = `${EDITION}/05/xingyang-zhongqiu-lvyou/`;

describe('page views', () => {
	it('draw a page with a scan as the image with one link per story region, named by its headline, and link the PDF', async () => {
		const html = main(await page(`${EDITION}/05/`));
		const regions = /<svg class="page-scan__regions" viewBox="0 0 1000 1400"[^>]*>([\s\S]*?)<\/svg>/.exec(html)?.[1] ?? '';
		const links = [...regions.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"><rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"><\/rect><\/a>/g)];
		expect(links.map((link) => [link[1], link[2], ...link.slice(3).map(Number)])).toEqual(
			REGIONS.map((region) => [`/${EDITION}/05/${region.story}/`, headlines.get(region.story), region.x, region.y, region.width, region.height]),
		);
		// The scan goes through the image service: a responsive image in modern formats, with a description.
		expect(html).toMatch(/<picture><source srcset="[^"]+\.avif 360w[^"]*" type="image\/avif"/);
		expect(html).toContain('alt="第05版：区县新闻版面图"');
		expect(html).toContain(`<a href="/${EDITION}/05/${EDITION}-05.pdf" download>下载本版 PDF</a>`);
		expect((await readFile(join(dist, EDITION, '05', `${EDITION}-05.pdf`), 'utf8')).startsWith('%PDF-')).toBe(true);
		// The page's stories are listed beside the image too.
		for (const headline of headlines.values()) expect(html).toContain(`>${headline}</a></h3>`);
	});

	it('draw a page without a scan as a schematic of its stories that says it is one', async () => {
		const html = main(await page(`${EDITION}/01/`));
		expect(html).toContain('版面示意：按稿件在版面上的顺序和篇幅绘制，不是版面原图。');
		expect(html).toContain(`<a class="page-schematic__headline" href="/${EDITION}/01/zhongyuan-zhengwu-fuwu/">中原区高频业务下沉街道社区 政务服务实现“就近办、家门口办”</a>`);
		expect(html).not.toContain('<picture>');
		// Its story places a chart: the schematic draws it small.
		expect(html).toMatch(/<div class="page-schematic__chart" aria-hidden="true"><svg/);
	});

	it('link 上一版/下一版 in the page and in <head>', async () => {
		const first = await page(`${EDITION}/01/`);
		const second = await page(`${EDITION}/05/`);
		expect([headLink(first, 'prev'), headLink(first, 'next'), bodyLink(first, 'next')]).toEqual([undefined, `/${EDITION}/05/`, `/${EDITION}/05/`]);
		expect([headLink(second, 'prev'), bodyLink(second, 'prev'), headLink(second, 'next')]).toEqual([`/${EDITION}/01/`, `/${EDITION}/01/`, undefined]);
		expect(main(second)).toContain('上一版</span>第01版：要闻');
	});
});

describe('edition pages', () => {
	it('show every page as a thumbnail, scan or schematic, with 第05版：区县新闻 under it', async () => {
		const html = main(await page(`${EDITION}/`));
		const thumbnails = [...html.matchAll(/<a class="page-thumbnail" href="([^"]+)">([\s\S]*?)<\/a>/g)];
		expect(thumbnails.map((thumbnail) => thumbnail[1])).toEqual([`/${EDITION}/01/`, `/${EDITION}/05/`]);
		expect(thumbnails[0][2]).toContain('第01版：要闻');
		expect(thumbnails[0][2]).toContain('版面示意');
		expect(thumbnails[1][2]).toContain('第05版：区县新闻');
		// The scan thumbnail is described by the label under it: an empty alt.
		expect(thumbnails[1][2]).toMatch(/<picture>[\s\S]*<img [^>]*\salt(="")?[\s>]/);
	});

	it('link 上一期/下一期 in the page and in <head>, across a day without an edition', async () => {
		const middle = await page('2024-09-18/');
		expect([headLink(middle, 'prev'), headLink(middle, 'next')]).toEqual(['/2024-09-16/', `/${EDITION}/`]);
		expect([bodyLink(middle, 'prev'), bodyLink(middle, 'next')]).toEqual(['/2024-09-16/', `/${EDITION}/`]);
		expect(main(middle)).toContain('上一期</span>2024年9月16日 星期一');
		const latest = await page(`${EDITION}/`);
		expect([headLink(latest, 'prev'), headLink(latest, 'next')]).toEqual(['/2024-09-18/', undefined]);
	});

	it('answer a date without an edition at its address, saying so and linking the editions before and after it', async () => {
		const html = await page('2024-09-17/');
		expect(main(html)).toContain('这一天没有出版数字报');
		expect([bodyLink(html, 'prev'), bodyLink(html, 'next')]).toEqual(['/2024-09-16/', '/2024-09-18/']);
		expect(html).toContain('<meta name="robots" content="noindex">');
		const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
		expect(sitemap).not.toContain('/2024-09-17/');
		expect(sitemap).toContain('/2024-09-16/');
	});
});

describe('the 往期 calendar', () => {
	it('links every edition date of the month under its weekday column, marks the latest, and leaves other dates unlinked', async () => {
		const html = main(await page('archive/2024/09/'));
		const table = /<table class="archive-calendar"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
		expect([...table.matchAll(/<th scope="col" abbr="(星期.)">/g)].map((match) => match[1])).toEqual(['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']);
		expect([...table.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1])).toEqual(['/2024-09-16/', '/2024-09-18/', `/${EDITION}/`]);
		expect(table).toMatch(/<td class="archive-calendar__day archive-calendar__day--edition archive-calendar__day--latest"><a href="\/2024-09-19\/">[\s\S]*?最新/);
		expect(table).toContain('<td class="archive-calendar__day">17</td>');
		// A week is a row: 16 (Monday) opens the fourth row under a Monday-first calendar.
		const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => row[1]);
		expect(rows[4]).toMatch(/^<td class="archive-calendar__day archive-calendar__day--edition"><a href="\/2024-09-16\/">/);
	});
});

describe('corrections', () => {
	it('are shown on the story above and below its text, with the link to the dataset’s change log', async () => {
		const html = main(await page(XINGYANG));
		const notices = [...html.matchAll(/<aside class="correction-notice" aria-label="([^"]+)"[^>]*>([\s\S]*?)<\/aside>/g)];
		expect(notices.map((notice) => notice[1])).toEqual(['更正', '数据更正', '文末更正']);
		for (const notice of [notices[0], notices[2]]) {
			expect(notice[2]).toContain(`<time datetime="${CORRECTION.date}">2024年9月20日 10:00</time>${CORRECTION.text}`);
			expect(notice[2]).toContain('<a href="/data/mid-autumn-tourism-2024/#changes">查看数据更正记录</a>');
		}
		expect(html.indexOf('aria-label="更正"')).toBeLessThan(html.indexOf('class="story__body"'));
		expect(html.indexOf('aria-label="文末更正"')).toBeGreaterThan(html.indexOf('class="story__body"'));
	});

	it('are in the story’s NewsArticle JSON-LD as CorrectionComment, and move dateModified', async () => {
		const article = jsonLd(await page(XINGYANG)).find((value) => value['@type'] === 'NewsArticle');
		expect(article.correction).toEqual([{ '@type': 'CorrectionComment', datePublished: CORRECTION.date, text: CORRECTION.text }]);
		expect(article.dateModified).toBe(CORRECTION.date);
		expect(article.publisher.correctionsPolicy).toBe('https://example.org/corrections/policy/');
		const uncorrected = jsonLd(await page(`${EDITION}/05/erqi-louyuan-zhili/`)).find((value) => value['@type'] === 'NewsArticle');
		expect(uncorrected.correction).toBeUndefined();
	});

	it('are listed on the 更正 page, newest first, each with its story, date and text', async () => {
		const html = main(await page('corrections/'));
		const items = [...html.matchAll(/<li class="corrections-list__item">([\s\S]*?)<\/li>/g)].map((item) => item[1]);
		expect(items).toHaveLength(2);
		expect(items[0]).toContain(`<a href="/${XINGYANG}#correction-1">${headlines.get('xingyang-zhongqiu-lvyou')}</a>`);
		expect(items[0]).toContain(`<time datetime="${CORRECTION.date}">`);
		expect(items[0]).toContain(`更正：${CORRECTION.text}`);
		expect(items[1]).toContain('<a href="/2024-09-16/05/zhongmou-zhongqiu-lvyou/#correction-1">');
		expect(items[1]).toContain(`更正：${EARLIER_CORRECTION.text}`);
		expect(items[1]).toContain('原刊于2024年9月16日 星期一 第05版');
	});

	it('are in the corrections feed, newest first, as an XML parser reads it', async () => {
		const feed = new XMLParser({ ignoreAttributes: false }).parse(await readFile(join(dist, 'feeds/corrections.xml'), 'utf8'));
		const items = feed.rss.channel.item;
		expect(items.map((item: { title: string; link: string; description: string; pubDate: string }) => [item.title, item.link, item.description, item.pubDate])).toEqual([
			[`更正：${headlines.get('xingyang-zhongqiu-lvyou')}`, `https://example.org/${XINGYANG}#correction-1`, CORRECTION.text, 'Fri, 20 Sep 2024 10:00:00 +0800'],
			['更正：中牟文旅消费市场热潮涌动 中秋假期迎来76.57万人次', 'https://example.org/2024-09-16/05/zhongmou-zhongqiu-lvyou/#correction-1', EARLIER_CORRECTION.text, 'Tue, 17 Sep 2024 09:00:00 +0800'],
		]);
		// Each item's link leads to the correction on the story page.
		expect(main(await page(XINGYANG))).toContain(`<li id="correction-1"><time datetime="${CORRECTION.date}">`);
		expect(await page('corrections/')).toContain('<link rel="alternate" type="application/rss+xml" title="示例日报 更正" href="/feeds/corrections.xml">');
	});

	it('follow a policy page whose text is the site’s configuration, named by the publisher’s JSON-LD', async () => {
		const policy = await page('corrections/policy/');
		expect(main(policy)).toContain('<p>本页为示例配置的更正政策文字，不代表任何真实报纸的做法。</p>');
		const organization = jsonLd(await page('')).find((value) => value['@type'] === 'NewsMediaOrganization');
		expect(organization).toEqual({ '@context': 'https://schema.org', '@type': 'NewsMediaOrganization', name: '示例日报', url: 'https://example.org/', correctionsPolicy: 'https://example.org/corrections/policy/' });
	});

	it('of a dataset figure show on every story printing it, old and new printed figures, and the dataset lists those stories', async () => {
		for (const date of ['2024-09-16', '2024-09-18', EDITION]) {
			expect(main(await page(`${date}/05/xingyang-zhongqiu-lvyou/`)), date).toContain('荥阳市旅游收入由“3440万元”更正为“3440.67万元”。');
		}
		expect(main(await page(`${EDITION}/05/zhongmou-zhongqiu-lvyou/`))).not.toContain('数据更正');
		// A story whose printed figure was corrected has changed: its JSON-LD and page say when.
		const story = await page('2024-09-18/05/xingyang-zhongqiu-lvyou/');
		expect(jsonLd(story).find((value) => value['@type'] === 'NewsArticle').dateModified).toBe(CORRECTION.date);
		expect(main(story)).toContain(`更新 <time datetime="${CORRECTION.date}">`);
		const dataset = main(await page('data/mid-autumn-tourism-2024/'));
		expect(dataset).toContain('<div id="changes">');
		expect(dataset).toContain('荥阳市旅游收入：由“3440万元”更正为“3440.67万元”');
		const listed = /<section class="figure-change"[\s\S]*?<\/section>/.exec(dataset)?.[0] ?? '';
		expect([...listed.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]).sort()).toEqual(['/2024-09-16/05/xingyang-zhongqiu-lvyou/', '/2024-09-18/05/xingyang-zhongqiu-lvyou/', `/${XINGYANG}`]);
	});
});

describe('the new page types', () => {
	const addresses = () => [`${EDITION}/05/`, `${EDITION}/01/`, `${EDITION}/`, '2024-09-17/', 'archive/2024/09/', 'archive/2024/', 'archive/', 'corrections/', 'corrections/policy/', XINGYANG, 'data/mid-autumn-tourism-2024/'];

	it('are valid HTML (html-validate: recommended and document)', async () => {
		const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document'], rules: { 'require-sri': ['error', { target: 'crossorigin' }] } });
		for (const address of addresses()) {
			const report = await validator.validateString(await page(address), address);
			expect(report.valid ? '' : formatterFactory('text')(report.results), address).toBe('');
		}
	});

	it('are valid HTML (the Nu Html Checker)', async () => {
		expect(await nuCheckerErrors(addresses().map((address) => join(dist, address, 'index.html')))).toBe('');
	});

	it('link only to files that exist', async () => {
		const report = await checkLinks(dist, readSiteAddress(dist));
		expect(formatBrokenLinks(report.broken)).toBe('');
	});
});
