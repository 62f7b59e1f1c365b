import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { visit } from 'unist-util-visit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTabs } from '../../helpers/chromium.ts';
import { buildSite, copySampleSite, editFile } from '../../helpers/site-fixture.ts';
import { serveStatic } from '../../helpers/static-server.ts';

/** Text that would run a script if any sink wrote it out raw. */
const SCRIPT = '</script><script>alert(1)</script>';
/** Text that would add an event handler if written raw into an attribute. */
const ATTRIBUTE = '" onload="alert(2)';
const FORMULA = '=HYPERLINK("http://evil.example","点击")';
const ARTICLE = '2024-09-18/05/zhongyuan-zhengwu-fuwu';

let root: string;
let dist: string;

beforeAll(async () => {
	root = await copySampleSite('broadsheet-escaping-');
	dist = join(root, 'dist');
	// Hostile text in every field that reaches a sink: headline and summary (HTML, JSON-LD, feeds,
	// sitemaps, social card), dataset title and labels (HTML, SVG, CSV, JSON), chart title and alt (SVG).
	await editFile(root, 'content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx', (text) =>
		text
			.replace(/^headline: .*$/m, `headline: '中原区${SCRIPT}${ATTRIBUTE}'`)
			.replace(/^summary: .*$/m, `summary: '摘要${SCRIPT}'`),
	);
	await editFile(root, 'data/zhongyuan-government-services.json', (text) => {
		const dataset = JSON.parse(text);
		dataset.title = `政务${SCRIPT}${ATTRIBUTE}`;
		dataset.figures[4].label = `审批服务${SCRIPT}`;
		dataset.figures[6].label = FORMULA;
		dataset.charts[0].title = `图表${SCRIPT}${ATTRIBUTE}`;
		dataset.charts[0].alt = `说明${SCRIPT}`;
		// A figure of -0, as a spreadsheet can export it, printed in the story, a chart and the dataset's files.
		dataset.origin = { name: '测试来源' };
		dataset.figures.push({ id: 'minus-zero', label: '负零测试', value: 'MINUS_ZERO', unit: '个' });
		dataset.charts.push({ id: 'minus-zero', kind: 'bar', title: '负零测试图', alt: '负零测试为0个，审批服务原分散的部门32个。', figures: ['minus-zero', 'departments'] });
		return JSON.stringify(dataset, null, 2).replace('"MINUS_ZERO"', '-0');
	});
	await editFile(root, 'content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx', (text) => `${text}\n负零测试<Num dataset="zhongyuan-government-services" figure="minus-zero" />。\n`);
	const result = await buildSite(root, dist);
	if (result.code !== 0) throw new Error(result.stderr);
});

afterAll(() => rm(root, { recursive: true, force: true }));

const raw = (path: string) => readFile(join(dist, path), 'utf8');

describe('hostile text is escaped in every sink', () => {
	it('HTML pages: parsed as a browser would, no page has a hostile script element or event handler', async () => {
		const pages = (await readdir(dist, { recursive: true })).map(String).filter((file) => file.endsWith('.html'));
		for (const page of pages) {
			visit(fromHtml(await raw(page)), 'element', (element: Element) => {
				const handlers = Object.keys(element.properties).filter((name) => /^on/i.test(name));
				expect(handlers, `${page} <${element.tagName}>`).toEqual([]);
				// JSON-LD is data, not code; its escaping is checked below.
				if (element.tagName === 'script' && element.properties.type !== 'application/ld+json') {
					const text = element.children.map((child) => ('value' in child ? child.value : '')).join('');
					expect(text, page).not.toContain('alert(');
				}
			});
		}
		// The headline is shown to the reader as the text it is.
		expect(await raw(`${ARTICLE}/index.html`)).toMatch(/<h1[^>]*>中原区&(lt|#x3C);\/script&(gt;|>)/);
	});

	it('SVG charts: the chart title and alt text are text, not elements', async () => {
		const html = await raw('data/zhongyuan-government-services/index.html');
		const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
		expect(svg).toMatch(/图表&(lt|#x3C);\/script/);
		expect(svg).not.toContain('<script');
	});

	it('JSON-LD: the headline round-trips as data and cannot close its script element', async () => {
		const html = await raw(`${ARTICLE}/index.html`);
		const block = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1];
		expect(block).not.toContain('</script');
		expect(JSON.parse(block).headline).toBe(`中原区${SCRIPT}${ATTRIBUTE}`);
	});

	it('feeds and sitemaps: the headline is text in valid XML', async () => {
		const feed = await new Parser().parseString(await raw('feeds/all.xml'));
		expect(feed.items.map((item) => item.title)).toContain(`中原区${SCRIPT}${ATTRIBUTE}`);
		expect(await raw('feeds/all.xml')).not.toContain('<script>');
		const news = await raw('news-sitemap.xml');
		expect(news).toContain('中原区&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;alert(2)');
	});

	it('every XML file the build writes (feeds, sitemaps) is well-formed XML', async () => {
		const files = (await readdir(dist, { recursive: true })).map(String).filter((file) => file.endsWith('.xml'));
		expect(files).toEqual(expect.arrayContaining(['feeds/all.xml', 'news-sitemap.xml', 'sitemap-index.xml']));
		for (const file of files) expect(XMLValidator.validate(await raw(file)), file).toBe(true);
	});

	it('-0 in a dataset prints as 0 in the story, the chart, the dataset page, its CSV and its JSON', async () => {
		const story = await raw(`${ARTICLE}/index.html`);
		expect(story).toMatch(/负零测试<data class="num" value="0">0个<\/data>。/);
		// The text a reader sees (scripts' hashes aside), including the chart's SVG and its data table.
		const texts: string[] = [];
		visit(fromHtml(await raw('data/zhongyuan-government-services/index.html')), 'text', (node: { value: string }) => void texts.push(node.value));
		expect(texts).toContain('负零测试');
		expect(texts.filter((text) => /-0(?![\d.])/.test(text))).toEqual([]);
		expect(texts).toContain('0个');
		expect(await raw('data/zhongyuan-government-services.csv')).not.toMatch(/-0(?![\d.])/);
		const json = await raw('data/zhongyuan-government-services.json');
		expect(json).not.toMatch(/-0(?![\d.])/);
		expect(JSON.parse(json).figures.find((figure: { id: string }) => figure.id === 'minus-zero').value).toBe(0);
	});

	it('CSV: a label that starts like a formula is neutralised; JSON keeps the text', async () => {
		const csv = await raw('data/zhongyuan-government-services.csv');
		// The brackets enclose Chinese text, so they print full-width (src/core/chinese-punctuation.ts).
		expect(csv).toContain(`"'=HYPERLINK（""http://evil.example"",""点击""）"`);
		expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
		const json = JSON.parse(await raw('data/zhongyuan-government-services.json'));
		expect(json.figures[4].label).toBe(`审批服务${SCRIPT}`);
	});

	it('social card: drawn as a picture of the text', async () => {
		const card = sharp(await readFile(join(dist, 'og/2024-09-18/zhongyuan-zhengwu-fuwu.png')));
		expect(await card.metadata()).toMatchObject({ width: 1200, height: 630 });
	});

	it('in Chromium, no hostile script runs and no handler exists on any page that shows the text', async () => {
		const server = await serveStatic(dist);
		const tabs = sharedTabs();
		try {
			for (const path of [`${ARTICLE}/`, 'data/zhongyuan-government-services/', '2024-09-18/05/', '']) {
				const page = await tabs.open();
				const dialogs: string[] = [];
				page.on('dialog', async (dialog) => {
					dialogs.push(dialog.message());
					await dialog.dismiss();
				});
				await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
				expect(dialogs, path).toEqual([]);
				await expect(page.locator('[onload]').count()).resolves.toBe(0);
				await tabs.giveBack(page);
			}
		} finally {
			await server.close();
		}
	});
});
