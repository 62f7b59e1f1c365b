import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CHART_LAYOUT_WIDTHS } from '../../../src/charts/chart-figure.ts';
import { buildSite, copySampleSite, editFile } from '../../helpers/site-fixture.ts';

const dist = inject('sampleDist');
const page = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');
const CHARTS = {
	'2024-09-18/05/erqi-louyuan-zhili': ['chart-erqi-governance-organisations', 'chart-erqi-governance-grid-levels'],
	'2024-09-18/05/zhongmou-zhongqiu-lvyou': ['chart-mid-autumn-tourism-2024-visitors'],
	'2024-09-18/05/xingyang-zhongqiu-lvyou': ['chart-mid-autumn-tourism-2024-visitors'],
	'2024-09-18/05/zhongyuan-zhengwu-fuwu': ['chart-zhongyuan-government-services-delegated-items'],
};

const fixtures: string[] = [];
afterAll(async () => {
	for (const root of fixtures) await rm(root, { recursive: true, force: true });
});

describe('charts in the built sample', () => {
	it.each(Object.entries(CHARTS))('%s shows its charts as inline SVG with title, description, unit, source, data table and downloads', async (path, prefixes) => {
		const html = await page(path);
		for (const prefix of prefixes) {
			const figure = html.slice(html.indexOf(`<figure class="chart-figure" aria-labelledby="${prefix}-caption"`));
			expect(figure.length, prefix).toBeGreaterThan(0);
			const svg = figure.slice(figure.indexOf('<svg'), figure.indexOf('</svg>'));
			expect(svg).toMatch(/role="img"/);
			expect(svg).toMatch(/aria-labelledby="[^"]+"/);
			expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
			expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
			expect(svg).not.toMatch(/NaN|Infinity|style=/);
			const rest = figure.slice(0, figure.indexOf('</figure>'));
			expect(rest).toMatch(/单位：/);
			expect(rest).toMatch(/来源：本报2024年9月18日05版《/);
			expect(rest).toMatch(/<summary>查看数据表<\/summary>/);
			expect(rest).toMatch(/<table>/);
			expect(rest).toMatch(/href="\/data\/[a-z0-9-]+\.csv" download/);
			expect(rest).toMatch(/href="\/data\/[a-z0-9-]+\.json" download/);
			// One layout per width, a description generated from the data, PNG and SVG downloads.
			expect(rest.match(/<div class="chart-layout chart-layout--\d+"><svg/g)).toHaveLength(CHART_LAYOUT_WIDTHS.length);
			expect(rest).toMatch(new RegExp(`aria-describedby="${prefix}-description"`));
			expect(rest).toMatch(new RegExp(`<p class="chart-figure__description" id="${prefix}-description">[^<]+：[^<]*\\d[^<]*。</p>`));
			for (const format of ['png', 'svg']) {
				const href = new RegExp(`href="(/data/[a-z0-9-]+/[a-z0-9-]+\\.${format})" download`).exec(rest)?.[1];
				expect(href, `${prefix} links its ${format}`).toBeDefined();
				const file = await readFile(join(dist, href!));
				expect(file.length).toBeGreaterThan(1000);
			}
		}
	});

	it('a place comparison highlights, in each story, the place that story reports, and neither on the dataset page', async () => {
		const own = async (path: string) => {
			const html = await readFile(join(dist, path, 'index.html'), 'utf8');
			const layout = html.slice(html.indexOf('<div class="chart-layout chart-layout--657">'));
			return [...layout.slice(0, layout.indexOf('</svg>')).matchAll(/class="chart__text chart__label chart__label--highlight"[^>]*>([^<]+)</g)].map((match) => match[1]);
		};
		expect(await own('2024-09-18/05/xingyang-zhongqiu-lvyou')).toEqual(['荥阳市（本文）']);
		expect(await own('2024-09-18/05/zhongmou-zhongqiu-lvyou')).toEqual(['中牟县（本文）']);
		expect(await own('data/mid-autumn-tourism-2024')).toEqual([]);
		expect(await page('2024-09-18/05/xingyang-zhongqiu-lvyou')).toContain('突出显示的是本文报道的荥阳市。');
	});

	it('chart downloads are a standalone SVG with its paint written in and a PNG twice as wide', async () => {
		const svg = await readFile(join(dist, 'data/erqi-governance/organisations.svg'), 'utf8');
		expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 712 \d+" width="712"/);
		expect(svg).toContain('<title id="chart-erqi-governance-organisations-download-title">二七区“三类组织”数量</title>');
		expect(svg).toContain('来源：本报2024年9月18日05版《');
		expect(svg).not.toContain('var(--');
		const png = await readFile(join(dist, 'data/erqi-governance/organisations.png'));
		expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
		expect(png.readUInt32BE(16)).toBe(1424);
	});

	it('bound figures print exactly as the paper did, with their exact value', async () => {
		const html = await page('2024-09-18/05/xingyang-zhongqiu-lvyou');
		expect(html).toContain('<data class="num" value="403890">40.389万人次</data>');
		expect(html).toContain('<data class="num" value="34406700">3440.67万元</data>');
		const zhongmou = await page('2024-09-18/05/zhongmou-zhongqiu-lvyou');
		expect(zhongmou).toContain('观剧人次<data class="num" value="300000">近30万</data>');
	});

	it('dataset pages show every chart of the dataset and the computed figures, labelled as such', async () => {
		const html = await page('data/mid-autumn-tourism-2024');
		expect(html).toContain('aria-labelledby="chart-mid-autumn-tourism-2024-visitors-caption"');
		expect(html).toContain('荥阳市游客人均旅游收入');
		expect(html).toContain('85.19元');
		expect(html).toContain('本报计算');
	});

	it('the CSV download opens in Excel as Chinese: UTF-8 with a byte-order mark', async () => {
		const csv = await readFile(join(dist, 'data/erqi-governance.csv'));
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(csv.toString('utf8')).toContain('grids-micro,微网格,6281,个,,6281个');
		const json = JSON.parse(await readFile(join(dist, 'data/erqi-governance.json'), 'utf8'));
		expect(json.figures).toHaveLength(19);
	});
});

describe('prose bound to data', () => {
	it('changing a figure in a dataset without changing its sentence fails the build, blaming the value with both printed forms', async () => {
		const root = await copySampleSite();
		fixtures.push(root);
		await editFile(root, 'data/mid-autumn-tourism-2024.json', (text) => text.replace('"value": 403890', '"value": 403900'));
		const result = await buildSite(root, join(root, 'dist'));
		expect(result.code).not.toBe(0);
		expect(result.stderr).toContain('data/mid-autumn-tourism-2024.json:64  figures[4].value  figure "xingyang-visitors": the data now prints "40.390万人次"');
		expect(result.stderr).toContain('printed "40.389万人次"');
		expect(result.stderr).toContain('content/2024-09-18/xingyang-zhongqiu-lvyou.mdx');
		expect(result.stderr).toContain('全市旅游接待游客40.389万人次,实现旅游收入3440.67万元。');
	});
});
