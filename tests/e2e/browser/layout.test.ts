import { describe, expect, it } from 'vitest';
import { useSampleInBrowser } from '../../helpers/sample-in-browser.ts';

const PAGES = {
	front: '',
	edition: '2024-09-18/',
	page: '2024-09-18/05/',
	article: '2024-09-18/05/erqi-louyuan-zhili/',
	'tourism article': '2024-09-18/05/xingyang-zhongqiu-lvyou/',
	dataset: 'data/mid-autumn-tourism-2024/',
	archive: 'archive/',
};
const VIEWPORTS = [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 },
];

const sample = useSampleInBrowser();

describe('layout in Chromium', () => {
	for (const viewport of VIEWPORTS) {
		for (const [name, path] of Object.entries(PAGES)) {
			it(`${name} page at ${viewport.width}px renders its headline and does not overflow horizontally`, async () => {
				const page = await sample.tabs.open({ viewport });
				try {
					const response = await page.goto(`${sample.server().url}${path}`);
					expect(response?.status()).toBe(200);
					await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
					const overflow = await page.evaluate(() => {
						const width = document.documentElement.clientWidth;
						const wide = [...document.querySelectorAll('body *')]
							.filter((element) => !element.closest('.table-scroll'))
							.filter((element) => element.getBoundingClientRect().right > width + 1)
							.map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
						return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
					});
					expect(overflow.wide).toEqual([]);
					expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
				} finally {
					await sample.tabs.giveBack(page);
				}
			});
		}
	}

	it('article page follows the dark colour scheme', async () => {
		const page = await sample.tabs.open({ colorScheme: 'dark' });
		await page.goto(`${sample.server().url}${PAGES.article}`);
		const [background, text] = await page.evaluate(() => {
			const style = getComputedStyle(document.body);
			return [style.backgroundColor, style.color];
		});
		expect(background).toBe('rgb(22, 21, 19)');
		expect(text).toBe('rgb(236, 232, 223)');
		await sample.tabs.giveBack(page);
	});

	it('article page prints the story without navigation, black on white', async () => {
		const page = await sample.tabs.open();
		await page.goto(`${sample.server().url}${PAGES.article}`);
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		await expect(page.locator('.masthead__nav').isVisible()).resolves.toBe(false);
		await expect(page.locator('.prev-next').isVisible()).resolves.toBe(false);
		await expect(page.locator('.story__body').isVisible()).resolves.toBe(true);
		const [background, text] = await page.evaluate(() => {
			const style = getComputedStyle(document.body);
			return [style.backgroundColor, style.color];
		});
		expect(background).toBe('rgb(255, 255, 255)');
		expect(text).toBe('rgb(0, 0, 0)');
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.byteLength).toBeGreaterThan(10_000);
		await sample.tabs.giveBack(page);
	});

	it('the 404 page is served for an unknown address', async () => {
		const page = await sample.tabs.open();
		const response = await page.goto(`${sample.server().url}no-such-page/`);
		expect(response?.status()).toBe(404);
		await expect(page.locator('h1').textContent()).resolves.toBe('页面不存在');
		await sample.tabs.giveBack(page);
	});
});
