import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSampleInBrowser } from '../../helpers/sample-in-browser.ts';

/**
 * Every browser test checks its pages in a tab the others used before (tests/helpers/chromium.ts):
 * a check at 360 px in dark mode is only one if the tab it is given is at 360 px in dark mode.
 */

const sample = useSampleInBrowser();
const ARTICLE = '2024-09-18/05/erqi-louyuan-zhili/';

/** What the page in the tab sees of its window: width, height, colour scheme and medium, and the `<body>` background it paints. */
const seen = (page: Page) =>
	page.evaluate(() => ({
		width: window.innerWidth,
		height: window.innerHeight,
		dark: matchMedia('(prefers-color-scheme: dark)').matches,
		print: matchMedia('print').matches,
		background: getComputedStyle(document.body).backgroundColor,
	}));

describe('tabs reused from test to test', () => {
	it('take the viewport and colour scheme each test asks for, and nothing a test before left on them', async () => {
		const dark = await sample.tabs.open({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
		await dark.goto(`${sample.server().url}${ARTICLE}`);
		const inDark = await seen(dark);
		expect(inDark).toMatchObject({ width: 360, height: 740, dark: true, print: false });
		// What a test may leave behind: print emulation and a listener of its own.
		await dark.emulateMedia({ media: 'print' });
		const messages: string[] = [];
		dark.on('console', (message) => messages.push(message.text()));
		await sample.tabs.giveBack(dark);

		const light = await sample.tabs.open({ viewport: { width: 1280, height: 800 } });
		// The same tab, given out again: this is what the test is about.
		expect(light).toBe(dark);
		expect(light.url()).toBe('about:blank');
		await light.goto(`${sample.server().url}${ARTICLE}`);
		const inLight = await seen(light);
		expect(inLight).toMatchObject({ width: 1280, height: 800, dark: false, print: false });
		// The page paints the scheme, not only reports it.
		expect(inLight.background).not.toBe(inDark.background);
		await light.evaluate(() => console.log('after'));
		expect(messages).toEqual([]);
		await sample.tabs.giveBack(light);
	});
});
