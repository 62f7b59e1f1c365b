import { describe, expect, it } from 'vitest';
import { useSampleInBrowser } from '../helpers/sample-in-browser.ts';

const PAGES = [
	'2024-09-18/05/erqi-louyuan-zhili/',
	'2024-09-18/05/xingyang-zhongqiu-lvyou/',
	'2024-09-18/05/zhongyuan-zhengwu-fuwu/',
	'data/mid-autumn-tourism-2024/',
];

const sample = useSampleInBrowser();

describe('charts in Chromium', () => {
	for (const width of [360, 1280]) {
		for (const path of PAGES) {
			it(`${path} at ${width}px: every chart's text stays inside its SVG and no two labels overlap`, async () => {
				const page = await sample.browser().newPage({ viewport: { width, height: 900 } });
				await page.goto(`${sample.server().url}${path}`);
				const charts = page.locator('figure.chart-figure svg');
				const count = await charts.count();
				expect(count).toBeGreaterThan(0);
				for (let index = 0; index < count; index++) {
					const chart = charts.nth(index);
					await chart.scrollIntoViewIfNeeded();
					const problems = await chart.evaluate((svg) => {
						const box = svg.getBoundingClientRect();
						const texts = [...svg.querySelectorAll('text')].map((text) => ({ text: text.textContent, rect: text.getBoundingClientRect() }));
						const outside = texts
							.filter(({ rect }) => rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > box.bottom + 1)
							.map(({ text }) => `outside: ${text}`);
						const overlapping: string[] = [];
						texts.forEach((a, i) =>
							texts.slice(i + 1).forEach((b) => {
								const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
								const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
								if (x > 1 && y > 1) overlapping.push(`overlap: ${a.text} / ${b.text}`);
							}),
						);
						return { width: box.width, problems: [...outside, ...overlapping] };
					});
					expect(problems.problems).toEqual([]);
					expect(problems.width).toBeGreaterThan(200);
					await chart.screenshot({ path: `test-results/charts/${path.replace(/\W+/g, '-')}${index}-${width}.png` });
				}
				await page.close();
			});
		}
	}
});
