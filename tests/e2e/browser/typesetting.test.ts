import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../../helpers/axe.ts';
import { sharedTabs } from '../../helpers/chromium.ts';
import { buildSite, copySampleSite } from '../../helpers/site-fixture.ts';
import { serveStatic, type StaticServer } from '../../helpers/static-server.ts';

/**
 * The sample edition set like a newspaper (W3C clreq), with three fixture stories that print
 * numbers Pagefind alone confuses (1.8 with 18 and 187, 7.23 with 723): line breaking, punctuation,
 * the dateline, search for printed numbers, dataset tables on a phone and print, in Chromium.
 */

/** A story of the sample's page 5 with no dataset: its numbers are typed, as a reader's query is. */
function fixtureStory(headline: string, text: string): string {
	return [
		'---',
		'edition: "2024-09-18"',
		'page: 5',
		`headline: ${headline}`,
		'byline:',
		'  reporters: [测试员]',
		`summary: ${headline}。`,
		'publishedAt: "2024-09-18T06:00:00+08:00"',
		'---',
		'',
		text,
		'',
	].join('\n');
}

const FIXTURES = {
	'rainfall-1-8': fixtureStory('测试稿件甲 降水偏多', '今年全市降水量比常年偏多1.8个百分点,English, as typed (like this); ok. 共1,000人。'),
	'stations-18': fixtureStory('测试稿件乙 新建站点', '全市新建气象站点18个,覆盖各乡镇。'),
	'prices-7-23': fixtureStory('测试稿件丙 菜价上涨', '蔬菜平均价格上涨7.23个百分点。'),
};

const STORIES = {
	erqi: '2024-09-18/05/erqi-louyuan-zhili/',
	zhongmou: '2024-09-18/05/zhongmou-zhongqiu-lvyou/',
	xingyang: '2024-09-18/05/xingyang-zhongqiu-lvyou/',
	zhongyuan: '2024-09-18/05/zhongyuan-zhengwu-fuwu/',
};
const HEADLINES = {
	erqi: '二七区723个楼院实现“三类组织”全覆盖',
	zhongmou: '中牟文旅消费市场热潮涌动 中秋假期迎来76.57万人次',
	xingyang: '中秋假期荥阳接待游客40.389万人次 实现旅游收入3440万余元',
	zhongyuan: '中原区高频业务下沉街道社区 政务服务实现“就近办、家门口办”',
	'rainfall-1-8': '测试稿件甲 降水偏多',
	'stations-18': '测试稿件乙 新建站点',
	'prices-7-23': '测试稿件丙 菜价上涨',
};
const VIEWPORTS = [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 },
];

let root: string;
const tabs = sharedTabs();
let server: StaticServer;

beforeAll(async () => {
	root = await copySampleSite('broadsheet-typesetting-');
	for (const [slug, text] of Object.entries(FIXTURES)) await writeFile(join(root, 'content/2024-09-18', `${slug}.mdx`), text);
	const result = await buildSite(root, join(root, 'dist'));
	if (result.code !== 0) throw new Error(`The fixture did not build:\n${result.stdout}\n${result.stderr}`);
	server = await serveStatic(join(root, 'dist'));
}, 600_000);

afterAll(async () => {
	await server?.close();
	if (root) await rm(root, { recursive: true, force: true });
});

async function open(path: string, viewport = VIEWPORTS[0]): Promise<Page> {
	const page = await tabs.open({ viewport });
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const response = await page.goto(`${server.url}${path}`);
	expect(response?.status()).toBe(200);
	expect(errors).toEqual([]);
	return page;
}

/** The story's paragraphs measured line by line with the text set ragged, so a line left short shows as a gap at its end. */
function measureLines(page: Page) {
	return page.evaluate(() => {
		const paragraphs = [...document.querySelectorAll<HTMLElement>('.story__body > p')];
		return paragraphs.map((paragraph) => {
			paragraph.style.textAlign = 'left';
			const style = getComputedStyle(paragraph);
			const em = parseFloat(style.fontSize);
			const box = paragraph.getBoundingClientRect();
			const left = box.left + parseFloat(style.paddingLeft);
			const right = box.right - parseFloat(style.paddingRight);
			const chars: { char: string; left: number; right: number; top: number; nowrap: number }[] = [];
			const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const nowrapElement = node.parentElement!.closest<HTMLElement>('.num, .person');
				const nowrap = nowrapElement ? nowrapElement.getBoundingClientRect().width : 0;
				for (let index = 0; index < node.textContent!.length; index++) {
					const range = document.createRange();
					range.setStart(node, index);
					range.setEnd(node, index + 1);
					const rect = range.getClientRects()[0];
					if (rect) chars.push({ char: node.textContent![index], left: rect.left, right: rect.right, top: Math.round(rect.top), nowrap });
				}
			}
			const lines: (typeof chars)[] = [];
			for (const char of chars) {
				if (lines.length === 0 || lines.at(-1)![0].top !== char.top) lines.push([char]);
				else lines.at(-1)!.push(char);
			}
			const indent = parseFloat(style.textIndent);
			paragraph.style.textAlign = '';
			return {
				em,
				lines: lines.map((line, index) => ({
					text: line.map((char) => char.char).join(''),
					start: line[0].left - left - (index === 0 ? indent : 0),
					gap: right - Math.max(...line.map((char) => char.right)),
					// What the next line starts with and cannot be broken: a figure or a name, else one character.
					nextUnbreakable: lines[index + 1] ? Math.max(lines[index + 1][0].nowrap, lines[index + 1][0].right - lines[index + 1][0].left) : 0,
				})),
			};
		});
	});
}

describe('Chinese line breaking and punctuation in Chromium', () => {
	for (const viewport of VIEWPORTS) {
		for (const [name, path] of Object.entries(STORIES)) {
			it(`${name} at ${viewport.width}px: no line is left short by more than the figure or name that starts the next, and no line starts with a space`, async () => {
				const page = await open(path, viewport);
				for (const { em, lines } of await measureLines(page)) {
					lines.slice(0, -1).forEach((line) => {
						// Kinsoku (a mark never starts a line) may carry one character with it: 2em.
						expect(line.gap, `line "${line.text}" ends ${line.gap.toFixed(1)}px short`).toBeLessThanOrEqual(line.nextUnbreakable + 2 * em);
					});
					for (const line of lines) expect(Math.abs(line.start), `line "${line.text}" starts ${line.start.toFixed(1)}px in`).toBeLessThan(1);
				}
				await tabs.giveBack(page);
			});
		}
	}

	it('what cannot break is exactly a figure with its unit or a name, nothing around it', async () => {
		for (const path of Object.values(STORIES)) {
			const page = await open(path);
			const unbreakable = await page.evaluate(() =>
				[...document.querySelectorAll<HTMLElement>('.story__body p *')]
					.filter((element) => getComputedStyle(element).whiteSpace === 'nowrap')
					.map((element) => ({ className: element.className, text: element.textContent ?? '' })),
			);
			expect(unbreakable.length).toBeGreaterThan(0);
			for (const { className, text } of unbreakable) {
				if (className === 'num') expect(text).toMatch(/^[近约超]?(\d+(\.\d+)?|[十百千万])[万亿]?余?[^\d，。；：、\s]{0,3}$/);
				else expect({ className, text }).toMatchObject({ className: 'person', text: expect.stringMatching(/^\p{Script=Han}{2,4}$/u) });
			}
			await tabs.giveBack(page);
		}
	});

	it('prints the punctuation of Chinese sentences full-width, and leaves numbers and Latin text alone', async () => {
		for (const path of Object.values(STORIES)) {
			const page = await open(path);
			const text = await page.locator('.story').evaluate((story) => {
				const copy = story.cloneNode(true) as HTMLElement;
				copy.querySelectorAll('script, .story__chart').forEach((element) => element.remove());
				return copy.textContent ?? '';
			});
			expect(text.match(/\p{Script=Han}[,;:()!?]|[,;:()!?]\p{Script=Han}/gu) ?? []).toEqual([]);
			await tabs.giveBack(page);
		}
		const page = await open('2024-09-18/05/rainfall-1-8/');
		await expect(page.locator('.story__body p').first().textContent()).resolves.toBe('今年全市降水量比常年偏多1.8个百分点，English, as typed (like this); ok. 共1,000人。');
		await tabs.giveBack(page);
	});

	// Between Han characters; beside another mark (”“, 、“) clreq sets the pair closer, half a character each.
	it('prints quotation marks in body text full-width, 1em wide between Han characters', async () => {
		const page = await open(STORIES.erqi);
		const widths = await page.evaluate(() => {
			const paragraph = document.querySelector<HTMLElement>('.story__body > p')!;
			const em = parseFloat(getComputedStyle(paragraph).fontSize);
			const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
			const found: number[] = [];
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				for (const match of node.textContent!.matchAll(/(?<=\p{Script=Han})[“”‘’](?=\p{Script=Han})/gu)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + 1);
					found.push(range.getBoundingClientRect().width / em);
				}
			}
			return found;
		});
		expect(widths.length).toBeGreaterThan(3);
		for (const width of widths) expect(width).toBeGreaterThan(0.9);
	});

	it('runs the dateline into the first paragraph, and keeps each name whole', async () => {
		for (const name of ['zhongmou', 'xingyang', 'zhongyuan'] as const) {
			const page = await open(STORIES[name]);
			const first = page.locator('.story__body > p').first();
			await expect(first.locator('.dateline').count()).resolves.toBe(1);
			const text = (await first.textContent()) ?? '';
			expect(text).toMatch(/^本报讯（记者 [^）]+）[\p{Script=Han}“]/u);
			const [dateline, paragraph] = await first.evaluate((p) => [getComputedStyle(p.querySelector('.dateline')!).display, p.getClientRects().length]);
			expect([dateline, paragraph]).toEqual(['inline', 1]);
			const names = await page.locator('.person').evaluateAll((people) => people.map((person) => person.getClientRects().length));
			expect(names.length).toBeGreaterThan(0);
			expect(names.every((rects) => rects === 1)).toBe(true);
			await tabs.giveBack(page);
		}
	});

	it('gives every story its byline in the same place, the header', async () => {
		for (const path of Object.values(STORIES)) {
			const page = await open(path);
			await expect(page.locator('.story__header .byline').textContent()).resolves.toMatch(/^记者 /);
			await expect(page.locator('.story__body .byline').count()).resolves.toBe(0);
			await tabs.giveBack(page);
		}
	});
});

/** Searches as a reader does; gives the status line, the headlines and the excerpts listed. */
async function search(query: string): Promise<{ status: string; headlines: string[]; excerpts: string[] }> {
	const page = await open(`search/?q=${encodeURIComponent(query)}`);
	await page.waitForFunction(() => {
		const text = document.querySelector('.search-status')?.textContent ?? '';
		return text !== '' && !text.startsWith('正在');
	});
	const found = {
		status: (await page.locator('.search-status').textContent()) ?? '',
		headlines: await page.locator('.search-result__headline').allTextContents(),
		excerpts: await page.locator('.search-result__excerpt').allTextContents(),
	};
	await tabs.giveBack(page);
	return found;
}

describe('search for printed numbers in Chromium', () => {
	it.each([
		['76.57万', 'zhongmou'],
		['76.57万人次', 'zhongmou'],
		['40.389', 'xingyang'],
		['3440.67万元', 'xingyang'],
		['近30万', 'zhongmou'],
		['723', 'erqi'],
		['187', 'zhongyuan'],
		['1.8', 'rainfall-1-8'],
		['18', 'stations-18'],
		['7.23', 'prices-7-23'],
		['1000', 'rainfall-1-8'],
	] as const)('searching %s lists only the stories that print it, %s first', async (query, story) => {
		const { headlines } = await search(query);
		expect(headlines[0]).toBe(HEADLINES[story]);
		// 1.8 is not 18 or 187; 7.23 is not 723; 723 is not 7.23.
		const confusions: Record<string, string[]> = { '1.8': ['stations-18', 'zhongyuan'], '18': ['rainfall-1-8', 'zhongyuan'], '7.23': ['erqi'], '723': ['prices-7-23'], '187': ['stations-18', 'rainfall-1-8'] };
		for (const other of confusions[query] ?? []) expect(headlines).not.toContain(HEADLINES[other as keyof typeof HEADLINES]);
	});

	it.each(['1884.5万', '76.58万', '4.0389'])('searching %s, printed nowhere, finds nothing', async (query) => {
		const { status, headlines } = await search(query);
		expect(headlines).toEqual([]);
		expect(status).toContain('没有找到');
	});

	it('shows excerpts from the story’s text, joined with Chinese punctuation, not from its chart or controls', async () => {
		for (const query of ['76.57万', '3440.67万元', '中秋']) {
			const { excerpts } = await search(query);
			expect(excerpts.length).toBeGreaterThan(0);
			for (const excerpt of excerpts) {
				expect(excerpt).not.toMatch(/\p{Script=Han}\. /u);
				expect(excerpt).not.toMatch(/下载|CSV|单位：|来源：|本报讯/);
			}
		}
	});
});

describe('dataset tables and print in Chromium', () => {
	it.each(['mid-autumn-tourism-2024', 'erqi-governance', 'zhongyuan-government-services'])(
		'the %s table at 360px reflows into cards, with no horizontal scrolling and no violation axe finds',
		async (id) => {
			const page = await open(`data/${id}/`);
			const layout = await page.evaluate(() => {
				const scroller = document.querySelector<HTMLElement>('.table-scroll')!;
				return {
					pageWidth: document.documentElement.scrollWidth,
					tableWidth: scroller.scrollWidth - scroller.clientWidth,
					labelWidth: Math.min(...[...document.querySelectorAll('.figure-table tbody th')].map((th) => th.getBoundingClientRect().width)),
					header: document.querySelector('.figure-table thead')!.getBoundingClientRect().height,
				};
			});
			expect(layout.pageWidth).toBeLessThanOrEqual(360);
			expect(layout.tableWidth).toBe(0);
			// The label takes the card's width, not one character's.
			expect(layout.labelWidth).toBeGreaterThan(200);
			expect(layout.header).toBeLessThanOrEqual(1);
			// Still a table to a screen reader: a row per figure, a header and five cells in each.
			const cdp = await page.context().newCDPSession(page);
			const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string } }[] };
			const count = (role: string) => nodes.filter((node) => node.role?.value === role).length;
			const rows = await page.locator('.figure-table tbody tr').count();
			expect([count('table'), count('row'), count('rowheader'), count('cell')]).toEqual([1, rows + 1, rows, rows * 5]);
			const violations = await axeViolations(page);
			expect(violations, formatViolations(violations)).toEqual([]);
			await tabs.giveBack(page);
		},
	);

	it('the 精确值 column gives the exact value grouped, with the qualifier the paper printed', async () => {
		const page = await open('data/mid-autumn-tourism-2024/', VIEWPORTS[1]);
		const exact = async (figure: string) => (await page.locator(`#figure-${figure} td`).nth(1).textContent())?.trim();
		await expect(exact('zhongmou-theatre-visits')).resolves.toBe('近300,000');
		await expect(exact('zhongmou-activities')).resolves.toBe('20余');
		await expect(exact('xingyang-revenue')).resolves.toBe('34,406,700');
		await expect(exact('xingyang-visitors')).resolves.toBe('403,890');
		// At 1280px it is a table, its header row shown.
		await expect(page.locator('.figure-table thead').isVisible()).resolves.toBe(true);
		await tabs.giveBack(page);
	});

	it('a printed story leaves out the empty photo placeholder and dead controls, and prints its address and citation line', async () => {
		const page = await open(STORIES.erqi, VIEWPORTS[1]);
		await expect(page.locator('.story__url').isVisible()).resolves.toBe(false);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.photo').isVisible()).resolves.toBe(false);
		await expect(page.locator('.story__datasets').isVisible()).resolves.toBe(false);
		await expect(page.locator('.citation').textContent()).resolves.toBe('《示例日报》（2024年9月18日 05版）');
		await expect(page.locator('.citation').isVisible()).resolves.toBe(true);
		await expect(page.locator('.story__url').isVisible()).resolves.toBe(true);
		await expect(page.locator('.story__url').textContent()).resolves.toBe(`本文网址：https://example.org/${STORIES.erqi}`);
		await tabs.giveBack(page);
	});
});
