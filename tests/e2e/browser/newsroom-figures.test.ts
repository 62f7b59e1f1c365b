import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtNewsroomSite, EDITION } from '../../fixtures/newsroom-figures.ts';
import { axeViolations, formatViolations } from '../../helpers/axe.ts';
import { sharedTabs } from '../../helpers/chromium.ts';
import { screenshotForPeople } from '../../helpers/screenshots.ts';
import { serveStatic, type StaticServer } from '../../helpers/static-server.ts';

/** The holiday report with changes and an outside origin, read in Chromium on a phone and a desktop, light and dark. */
let server: StaticServer;
const tabs = sharedTabs();

beforeAll(async () => {
	server = await serveStatic((await builtNewsroomSite()).dist);
}, 300_000);

afterAll(async () => {
	await server?.close();
});

describe('a change chart in the browser', () => {
	it.each([
		[360, 'light'],
		[1280, 'dark'],
	] as const)('at %i px (%s) the change chart keeps every label inside the chart and axe finds no violation', async (width, scheme) => {
		const page = await tabs.open({ viewport: { width, height: 900 }, colorScheme: scheme });
		await page.goto(`${server.url}${EDITION}/03/guoqing-lvyou/`);
		// The chart is laid out for several widths; the one the column shows is the one a reader sees.
		const chart = page.locator('svg.chart--diverging-bar').filter({ visible: true });
		const box = (await chart.boundingBox())!;
		const labels = await chart.locator('text').evaluateAll((texts) => texts.map((text) => ({ text: text.textContent, ...text.getBoundingClientRect().toJSON() })));
		for (const label of labels) {
			expect(label.left, label.text!).toBeGreaterThanOrEqual(box.x - 1);
			expect(label.right, label.text!).toBeLessThanOrEqual(box.x + box.width + 1);
		}
		expect(labels.map((label) => label.text)).toEqual(expect.arrayContaining(['下降5.1%', '减少3.4%', '增长25.3%']));
		await screenshotForPeople(`newsroom/change-chart-${width}-${scheme}.png`, (path) => page.screenshot({ path, fullPage: true }));
		expect(formatViolations(await axeViolations(page))).toBe('');
		await tabs.giveBack(page);
	});
});
