import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, formatViolations, inEachScheme } from '../../helpers/axe.ts';
import { sharedTabs, type TabSettings } from '../../helpers/chromium.ts';
import { CORRECTION, EDITION, REGIONS, builtReaderEditionSite } from '../../helpers/reader-edition-fixture.ts';
import { screenshotForPeople } from '../../helpers/screenshots.ts';
import { serveStatic, type StaticServer } from '../../helpers/static-server.ts';
import { lowContrastSvgText } from '../../helpers/svg-contrast.ts';

/**
 * The reader's edition in Chromium at a phone's and a desk's width, light and dark: the page scan
 * with a focusable link per story, the sample's schematic page, 上一期/下一期 and 上一版/下一版,
 * the 往期 calendar and a correction. With SCREENSHOTS set (`npm run screenshots`), a screenshot of
 * every page type is written to its `reader-edition/` folder for a person to look at.
 */

const VIEWPORTS = [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 },
];
/** One page of each new type, in the fixture. */
const FIXTURE_PAGES = {
	scan: `${EDITION}/05/`,
	schematic: `${EDITION}/01/`,
	edition: `${EDITION}/`,
	'no edition': '2024-09-17/',
	calendar: 'archive/2024/09/',
	year: 'archive/2024/',
	corrections: 'corrections/',
	policy: 'corrections/policy/',
	'corrected story': `${EDITION}/05/xingyang-zhongqiu-lvyou/`,
	'corrected dataset': 'data/mid-autumn-tourism-2024/',
};

const tabs = sharedTabs();
let fixture: StaticServer;
let sample: StaticServer;

beforeAll(async () => {
	fixture = await serveStatic((await builtReaderEditionSite()).dist);
	sample = await serveStatic(inject('sampleDist'));
}, 600_000);

afterAll(async () => {
	await fixture?.close();
	await sample?.close();
});

async function open(server: StaticServer, path: string, settings: TabSettings = {}): Promise<Page> {
	const page = await tabs.open(settings);
	const response = await page.goto(`${server.url}${path}`);
	expect(response?.status(), path).toBe(200);
	return page;
}

describe('the reader’s edition in Chromium', () => {
	for (const viewport of VIEWPORTS) {
		for (const [kind, path] of Object.entries(FIXTURE_PAGES)) {
			it(`${kind} page /${path} at ${viewport.width}px has no axe violations and does not overflow, in light or dark mode`, async () => {
				const page = await open(fixture, path, { viewport });
				try {
					await inEachScheme(page, async (colorScheme) => {
						expect(formatViolations(await axeViolations(page)), colorScheme).toBe('');
						expect(await lowContrastSvgText(page), colorScheme).toEqual([]);
						expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), colorScheme).toBeLessThanOrEqual(0);
						await screenshotForPeople(`reader-edition/${kind.replace(/\W+/g, '-')}-${viewport.width}-${colorScheme}.png`, (path) => page.screenshot({ path, fullPage: true }));
					});
				} finally {
					await tabs.giveBack(page);
				}
			});
		}

		it(`a page scan at ${viewport.width}px has one keyboard-focusable link per story over the image, named by its headline and visibly focused`, async () => {
			const page = await open(fixture, FIXTURE_PAGES.scan, { viewport });
			try {
				const image = (await page.locator('.page-scan img').boundingBox())!;
				expect(image.width).toBeGreaterThan(viewport.width / 3);
				// Tab from the top of the page until the focus leaves the scan's regions.
				const focused: { name: string | null; href: string | null; box: DOMRect; stroke: string; unfocused: string }[] = [];
				for (let step = 0; step < 40 && focused.length < REGIONS.length + 1; step++) {
					await page.keyboard.press('Tab');
					const info = await page.evaluate(() => {
						const element = document.activeElement;
						if (!element?.closest('.page-scan__regions')) return undefined;
						const rect = element.querySelector('rect')!;
						const others = [...document.querySelectorAll('.page-scan__regions rect')].find((other) => other !== rect)!;
						return {
							name: element.getAttribute('aria-label'),
							href: element.getAttribute('href'),
							box: element.getBoundingClientRect().toJSON(),
							stroke: getComputedStyle(rect).strokeWidth,
							unfocused: getComputedStyle(others).strokeWidth,
						};
					});
					if (info) focused.push(info);
					else if (focused.length > 0) break;
				}
				expect(focused.map(({ name, href }) => [name, href])).toEqual([
					['二七区723个楼院实现“三类组织”全覆盖', `/${EDITION}/05/erqi-louyuan-zhili/`],
					['中牟文旅消费市场热潮涌动 中秋假期迎来76.57万人次', `/${EDITION}/05/zhongmou-zhongqiu-lvyou/`],
					['中秋假期荥阳接待游客40.389万人次 实现旅游收入3440万余元', `/${EDITION}/05/xingyang-zhongqiu-lvyou/`],
				]);
				for (const [index, { box, stroke, unfocused }] of focused.entries()) {
					// Each link covers its region of the image, scaled with it.
					const scale = image.width / 1000;
					expect(box.x).toBeCloseTo(image.x + REGIONS[index].x * scale, 0);
					expect(box.width).toBeCloseTo(REGIONS[index].width * scale, 0);
					expect(parseFloat(stroke)).toBeGreaterThan(parseFloat(unfocused));
				}
				// A click on a region (Playwright clicks its middle, over the image) opens its story.
				await page.locator('.page-scan__regions a').nth(2).click();
				await page.waitForURL(`**/${EDITION}/05/xingyang-zhongqiu-lvyou/`);
			} finally {
				await tabs.giveBack(page);
			}
		});

		it(`the sample’s page view at ${viewport.width}px is a schematic with every story of the page linked`, async () => {
			const page = await open(sample, '2024-09-18/05/', { viewport });
			try {
				await expect(page.getByText('版面示意：按稿件在版面上的顺序和篇幅绘制，不是版面原图。').isVisible()).resolves.toBe(true);
				const blocks = page.locator('.page-schematic__headline');
				const hrefs = await blocks.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
				expect(hrefs).toEqual([
					'/2024-09-18/05/erqi-louyuan-zhili/',
					'/2024-09-18/05/zhongmou-zhongqiu-lvyou/',
					'/2024-09-18/05/xingyang-zhongqiu-lvyou/',
					'/2024-09-18/05/zhongyuan-zhengwu-fuwu/',
				]);
				for (const block of await blocks.all()) await expect(block.isVisible()).resolves.toBe(true);
				// Longer stories get taller blocks: the lead story (the longest) has the tallest.
				const heights = await page.locator('.page-schematic__block').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().height));
				expect(Math.max(...heights)).toBe(heights[0]);
				// axe checks this page in light and dark at both widths in the accessibility gate (tests/e2e/gates).
				await screenshotForPeople(`reader-edition/sample-schematic-${viewport.width}.png`, (path) => page.screenshot({ path, fullPage: true }));
			} finally {
				await tabs.giveBack(page);
			}
		});

		it(`edition pages show 上一期/下一期 and page views 上一版/下一版 at ${viewport.width}px`, async () => {
			const page = await open(fixture, '2024-09-18/', { viewport });
			try {
				await expect(page.getByRole('link', { name: '上一期 2024年9月16日 星期一' }).isVisible()).resolves.toBe(true);
				await page.getByRole('link', { name: '下一期 2024年9月19日 星期四' }).click();
				await page.waitForURL(`**/${EDITION}/`);
				await expect(page.getByRole('link', { name: '第05版：区县新闻' }).first().isVisible()).resolves.toBe(true);
				await page.goto(`${fixture.url}${EDITION}/01/`);
				await page.getByRole('link', { name: '下一版 第05版：区县新闻' }).click();
				await page.waitForURL(`**/${EDITION}/05/`);
				await expect(page.getByRole('link', { name: '上一版 第01版：要闻' }).isVisible()).resolves.toBe(true);
			} finally {
				await tabs.giveBack(page);
			}
		});
	}

	it('往期 shows a calendar that links every edition date', async () => {
		const page = await open(fixture, 'archive/');
		try {
			const dates = await page.locator('.archive-calendar a').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent]));
			expect(dates).toEqual([
				['/2024-09-16/', '2024年9月16日'],
				['/2024-09-18/', '2024年9月18日'],
				['/2024-09-19/', '2024年9月19日最新'],
			]);
			const link = page.locator('.archive-calendar a[href="/2024-09-18/"]');
			// Read aloud as the whole date, though it shows the day alone.
			expect(await link.evaluate((element) => element.textContent)).toBe('2024年9月18日');
			await expect(link.isVisible()).resolves.toBe(true);
			await link.click();
			await page.waitForURL('**/2024-09-18/');
		} finally {
			await tabs.giveBack(page);
		}
	});

	it('a correction shows on its story and in the JSON-LD the browser reads', async () => {
		const page = await open(fixture, FIXTURE_PAGES['corrected story']);
		try {
			await expect(page.getByRole('complementary', { name: '更正', exact: true }).getByText(CORRECTION.text).isVisible()).resolves.toBe(true);
			await expect(page.getByRole('complementary', { name: '文末更正' }).getByText(CORRECTION.text).isVisible()).resolves.toBe(true);
			const corrections = await page.evaluate(() =>
				[...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? '{}')).find((value) => value['@type'] === 'NewsArticle')?.correction,
			);
			expect(corrections).toEqual([{ '@type': 'CorrectionComment', datePublished: CORRECTION.date, text: CORRECTION.text }]);
		} finally {
			await tabs.giveBack(page);
		}
	});
});
