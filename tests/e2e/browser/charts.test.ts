import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { useSampleInBrowser } from '../../helpers/sample-in-browser.ts';
import { screenshotForPeople } from '../../helpers/screenshots.ts';

const PAGES = [
	'2024-09-18/05/erqi-louyuan-zhili/',
	'2024-09-18/05/xingyang-zhongqiu-lvyou/',
	'2024-09-18/05/zhongyuan-zhengwu-fuwu/',
	'data/mid-autumn-tourism-2024/',
];

/** A4 at Chromium's default print margins: the width a printed page lays out in, in CSS px. */
const PRINT_WIDTH = 718;

const sample = useSampleInBrowser();

/**
 * What a reader sees of each chart figure: how many layouts show, the chart's width against the
 * column's, the chart text's size in CSS px against the body text's, and any line (axis,
 * gridline, reference line) that runs through a label.
 */
async function measureCharts(page: Page) {
	return page.evaluate(() => {
		const body = document.querySelector('.story__body > p') ?? document.body;
		const bodyPx = Number.parseFloat(getComputedStyle(body).fontSize);
		return [...document.querySelectorAll('figure.chart-figure')].map((figure) => {
			const shown = [...figure.querySelectorAll('svg.chart')].filter((svg) => svg.getBoundingClientRect().width > 0) as SVGSVGElement[];
			const svg = shown[0]!;
			const box = svg.getBoundingClientRect();
			const scale = box.width / svg.viewBox.baseVal.width;
			const texts = [...svg.querySelectorAll('text')].map((text) => ({ text: text.textContent ?? '', rect: text.getBoundingClientRect(), px: Number.parseFloat(getComputedStyle(text).fontSize) * scale }));
			const crossings: string[] = [];
			for (const line of svg.querySelectorAll('line')) {
				const l = line.getBoundingClientRect();
				for (const { text, rect } of texts) {
					// The glyphs' middle: a text's box includes the font's full ascent and descent.
					const inset = rect.height * 0.2;
					if (l.left < rect.right && rect.left < l.right && l.top < rect.bottom - inset && rect.top + inset < l.bottom) crossings.push(`${line.getAttribute('class')} through "${text}"`);
				}
			}
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
			return {
				title: figure.querySelector('.chart-figure__title')?.textContent ?? '',
				shown: shown.length,
				chartWidth: box.width,
				// A story's text column; elsewhere the figure, which is as wide as a story's column at most.
				columnWidth: (figure.closest('.story__body') ?? figure).getBoundingClientRect().width,
				bodyPx,
				minPx: Math.min(...texts.map((text) => text.px)),
				maxPx: Math.max(...texts.map((text) => text.px)),
				problems: [...outside, ...overlapping, ...crossings],
			};
		});
	});
}

function expectReadableCharts(charts: Awaited<ReturnType<typeof measureCharts>>) {
	expect(charts.length).toBeGreaterThan(0);
	for (const chart of charts) {
		expect(chart.shown, chart.title).toBe(1);
		expect(chart.problems, chart.title).toEqual([]);
		// As wide as the text column…
		expect(Math.abs(chart.chartWidth - chart.columnWidth), chart.title).toBeLessThanOrEqual(1);
		// …with its text at reading size, never larger than the body text.
		expect(chart.minPx, chart.title).toBeGreaterThanOrEqual(12);
		expect(chart.maxPx, chart.title).toBeLessThanOrEqual(15);
		expect(chart.maxPx, chart.title).toBeLessThanOrEqual(chart.bodyPx);
	}
}

describe('charts in Chromium', () => {
	for (const width of [360, 1280]) {
		for (const path of PAGES) {
			it(`${path} at ${width}px: charts span the column with 12–15 px text, inside the SVG, apart, and no line through a label`, async () => {
				const page = await sample.tabs.open({ viewport: { width, height: 900 } });
				await page.goto(`${sample.server().url}${path}`);
				expectReadableCharts(await measureCharts(page));
				const charts = page.locator('figure.chart-figure .chart-figure__chart');
				for (let index = 0; index < (await charts.count()); index++) {
					await screenshotForPeople(`charts/${path.replace(/\W+/g, '-')}${index}-${width}.png`, (file) => charts.nth(index).screenshot({ path: file }));
				}
				await sample.tabs.giveBack(page);
			});
		}
	}

	it('between phone and desktop widths (320–800 px) chart text stays 12–15 px and the chart spans the column', async () => {
		const page = await sample.tabs.open({ viewport: { width: 320, height: 900 } });
		await page.goto(`${sample.server().url}${PAGES[0]}`);
		for (const width of [320, 400, 480, 560, 640, 720, 800]) {
			await page.setViewportSize({ width, height: 900 });
			expectReadableCharts(await measureCharts(page));
		}
		await sample.tabs.giveBack(page);
	});

	it('in print, charts span the column with text no larger than the 11 pt body, and controls are hidden', async () => {
		const page = await sample.tabs.open({ viewport: { width: PRINT_WIDTH, height: 1000 } });
		await page.goto(`${sample.server().url}${PAGES[0]}`);
		await page.emulateMedia({ media: 'print' });
		const charts = await measureCharts(page);
		expectReadableCharts(charts);
		// Below 11 pt, the size printed body text is set in.
		for (const chart of charts) expect(chart.maxPx).toBeLessThanOrEqual((11 * 96) / 72);
		const controls = await page.locator('.chart-figure__data, .chart-figure__downloads').evaluateAll((elements) => elements.map((element) => getComputedStyle(element).display));
		expect(controls.length).toBeGreaterThan(0);
		expect(new Set(controls)).toEqual(new Set(['none']));
		await screenshotForPeople('charts/print.png', (path) => page.locator('figure.chart-figure').first().screenshot({ path }));
		await sample.tabs.giveBack(page);
	});

	it('a printed story keeps each chart on one page with its title and source, wherever the page breaks', async () => {
		const page = await sample.tabs.open();
		await page.goto(`${sample.server().url}${PAGES[0]}`);
		const titles = await page.locator('.chart-figure__title').allTextContents();
		expect(titles.length).toBe(2);
		// Pushes the charts down step by step, so that a page break falls through each of them in turn.
		for (const spacer of [0, 150, 300, 450, 600, 750, 900]) {
			await page.evaluate((height) => {
				document.querySelector('#print-spacer')?.remove();
				const div = document.createElement('div');
				div.id = 'print-spacer';
				div.style.height = `${height}px`;
				document.querySelector('.story__body')!.prepend(div);
			}, spacer);
			const pdf = await page.pdf({ format: 'A4' });
			const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
			const document_ = await task.promise;
			const pages: string[] = [];
			for (let number = 1; number <= document_.numPages; number++) {
				const content = await (await document_.getPage(number)).getTextContent();
				pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
			}
			await task.destroy();
			// The printed text in reading order, and on which page each character lies.
			const text = pages.join('');
			const pageAt = (offset: number) => pages.findIndex((_, index) => pages.slice(0, index + 1).join('').length > offset);
			// Each chart's title and the source line under it (and so the chart between them) are on one page.
			for (const title of titles) {
				const start = text.indexOf(title);
				const end = text.indexOf('来源：', start);
				expect(start, `spacer ${spacer}: ${title} printed`).toBeGreaterThanOrEqual(0);
				expect(end, `spacer ${spacer}: the source of ${title} printed`).toBeGreaterThan(start);
				expect(pageAt(end), `spacer ${spacer}: ${title} and its chart on one page`).toBe(pageAt(start));
			}
						// Controls that do nothing on paper are not printed.
			expect(text).not.toMatch(/查看数据表|下载数据|下载图表/);
		}
		await sample.tabs.giveBack(page);
	});
});
