import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listPages, pageKind, pageRoute } from '../../../src/tools/built-site.ts';
import { axeViolations, formatViolations, inEachScheme } from '../../helpers/axe.ts';
import { sharedTabs } from '../../helpers/chromium.ts';
import { serveStatic, type StaticServer } from '../../helpers/static-server.ts';
import { lowContrastSvgText } from '../../helpers/svg-contrast.ts';

const dist = inject('sampleDist');

/**
 * One page of each type a reader meets (front page, edition, 版面, article, dataset, data index,
 * archive, corrections and their policy, search, 404), and every page of no known type, opened at the address a reader opens it:
 * the 404 page at an unknown address, the search page with a query so its results are checked too.
 * Pages of one type share their markup, so the first of each stands for the rest.
 */
const PAGES = [
	...Map.groupBy(listPages(dist), (file) => pageKind(file) ?? `other ${file}`).values(),
].map(([file]) => {
	const kind = pageKind(file) ?? 'other';
	if (kind === '404') return { kind, path: 'no-such-page/' };
	if (kind === 'search') return { kind, path: `${pageRoute(file)}?q=${encodeURIComponent('楼院')}` };
	return { kind, path: pageRoute(file) };
});
const VIEWPORTS = [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 },
];

const tabs = sharedTabs();
let server: StaticServer;

beforeAll(async () => {
	server = await serveStatic(dist);
});

afterAll(async () => {
	await server?.close();
});

describe('accessibility (axe-core, WCAG 2.2 A and AA, and the contrast of chart text) in Chromium', () => {
	it('covers every page type of the sample', () => {
		const kinds = new Set(PAGES.map((page) => page.kind));
		const types = ['front', 'edition', 'page', 'article', 'dataset', 'data index', 'archive', 'corrections', 'corrections policy', 'search', '404'];
		expect(types.filter((type) => !kinds.has(type))).toEqual([]);
	});

	for (const viewport of VIEWPORTS) {
		describe(`at ${viewport.width}px`, () => {
			for (const { kind, path } of PAGES) {
				it(`${kind} /${path} has no violations in light or dark mode`, async () => {
					const page = await tabs.open({ viewport });
					try {
						// The search page fills in its results after loading the index; wait until it has.
						await page.goto(`${server.url}${path}`, { waitUntil: kind === 'search' ? 'networkidle' : 'load' });
						await inEachScheme(page, async (colorScheme) => {
							expect(formatViolations(await axeViolations(page)), colorScheme).toBe('');
							expect(await lowContrastSvgText(page), colorScheme).toEqual([]);
						});
					} finally {
						await tabs.giveBack(page);
					}
				});
			}
		});
	}
});
