import { describe, expect, it } from 'vitest';
import { useArchiveInBrowser } from '../../helpers/archive-fixture.ts';
import { axeViolations, formatViolations, inEachScheme } from '../../helpers/axe.ts';

/**
 * The archive's year and month pages with their previous/next links, and a middle page of the list
 * of datasets with its page numbers: none of these appear in the sample, which has one month and
 * one page of datasets, so the accessibility and layout gates never see them.
 */
const PAGES = ['archive/', 'archive/2024/', 'archive/2024/09/', 'data/page/2/'];
const VIEWPORTS = [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 },
];

const site = useArchiveInBrowser();

describe('archive pages and the list of datasets of a larger site in Chromium', () => {
	for (const viewport of VIEWPORTS) {
		for (const path of PAGES) {
			it(`/${path} at ${viewport.width}px has no axe violations and does not overflow, in light or dark mode`, async () => {
				const page = await site.tabs.open({ viewport });
				try {
					expect((await page.goto(`${site.server.url}${path}`))?.status()).toBe(200);
					await inEachScheme(page, async (colorScheme) => {
						expect(formatViolations(await axeViolations(page)), colorScheme).toBe('');
						const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
						expect(overflow, colorScheme).toBeLessThanOrEqual(0);
					});
				} finally {
					await site.tabs.giveBack(page);
				}
			});
		}
	}
});
