import { describe, expect, it } from 'vitest';
import { CHANGES_LIMIT, PART_CHANGES_LIMIT, planParts, type CachedPart } from '../../src/search/part-plan.ts';
import type { SearchPage } from '../../src/search/search-pages.ts';

/** `count` pages of a month, `2024-09-01/01/story-0/index.html`…, each at hash `v1`. */
function monthPages(month: string, count: number, hash = 'v1'): SearchPage[] {
	return Array.from({ length: count }, (_, index) => ({
		sourcePath: `${month}-01/01/story-${index}/index.html`,
		part: month,
		hash,
		filters: { edition: `${month}-01` },
	}));
}

/** The cached part an earlier build wrote for these pages, each page's id `id-<path>`. */
function cachedPart(pages: readonly SearchPage[]): CachedPart {
	return { key: `key-${pages[0].part}`, pages: Object.fromEntries(pages.map((page) => [page.sourcePath, { hash: page.hash, id: `id-${page.sourcePath}` }])) };
}

function withHash(pages: readonly SearchPage[], changed: number, hash = 'v2'): SearchPage[] {
	return pages.map((page, index) => (index < changed ? { ...page, hash } : page));
}

describe('planParts', () => {
	it('planParts(parts, {}) indexes every month when nothing is cached', () => {
		const plans = planParts(new Map([['2024-08', monthPages('2024-08', 3)], ['2024-09', monthPages('2024-09', 2)]]), {});
		expect(plans.map((plan) => [plan.part, plan.action, plan.pages.length])).toEqual([
			['2024-08', 'index', 3],
			['2024-09', 'index', 2],
		]);
	});

	it('planParts(parts, cache) keeps a month whose pages are all as cached, with no changes', () => {
		const pages = monthPages('2024-09', 5);
		const [plan] = planParts(new Map([['2024-09', pages]]), { '2024-09': cachedPart(pages) });
		expect(plan).toMatchObject({ action: 'keep', changed: [], replaced: new Map() });
	});

	it('planParts(parts, cache) keeps a month with a changed page, giving the old version’s id', () => {
		const cached = monthPages('2024-09', 5);
		const [plan] = planParts(new Map([['2024-09', withHash(cached, 1)]]), { '2024-09': cachedPart(cached) });
		expect(plan.action).toBe('keep');
		if (plan.action !== 'keep') return;
		expect(plan.changed.map((page) => page.sourcePath)).toEqual(['2024-09-01/01/story-0/index.html']);
		expect([...plan.replaced]).toEqual([['2024-09-01/01/story-0/index.html', 'id-2024-09-01/01/story-0/index.html']]);
	});

	it('planParts(parts, cache) indexes a month again when a page was added to it, so that the new story ranks against its month', () => {
		const cached = monthPages('2024-09', 5);
		const [plan] = planParts(new Map([['2024-09', monthPages('2024-09', 6)]]), { '2024-09': cachedPart(cached) });
		expect(plan.action).toBe('index');
		expect(plan.pages).toHaveLength(6);
	});

	it('planParts(parts, cache) indexes a month again when a page was removed from it', () => {
		const cached = monthPages('2024-09', 5);
		const [plan] = planParts(new Map([['2024-09', cached.slice(1)]]), { '2024-09': cachedPart(cached) });
		expect(plan.action).toBe('index');
		expect(plan.pages).toHaveLength(4);
	});

	it(`planParts(parts, cache) indexes a month again when more than ${PART_CHANGES_LIMIT} of its pages changed`, () => {
		const cached = monthPages('2024-09', PART_CHANGES_LIMIT + 10);
		const atLimit = planParts(new Map([['2024-09', withHash(cached, PART_CHANGES_LIMIT)]]), { '2024-09': cachedPart(cached) });
		const overLimit = planParts(new Map([['2024-09', withHash(cached, PART_CHANGES_LIMIT + 1)]]), { '2024-09': cachedPart(cached) });
		expect(atLimit[0].action).toBe('keep');
		expect(overLimit[0].action).toBe('index');
	});

	it(`planParts(parts, cache) keeps at most ${CHANGES_LIMIT} changed pages in all, indexing the months with most changes again`, () => {
		const months = ['2024-06', '2024-07', '2024-08'];
		const cached = Object.fromEntries(months.map((month) => [month, monthPages(month, 60)]));
		// 45 + 40 + 30 = 115 changed pages: indexing 2024-06 again (45) leaves 70.
		const changes: Record<string, number> = { '2024-06': 45, '2024-07': 40, '2024-08': 30 };
		const plans = planParts(
			new Map(months.map((month) => [month, withHash(cached[month], changes[month])])),
			Object.fromEntries(months.map((month) => [month, cachedPart(cached[month])])),
		);
		expect(plans.map((plan) => [plan.part, plan.action])).toEqual([
			['2024-06', 'index'],
			['2024-07', 'keep'],
			['2024-08', 'keep'],
		]);
	});
});
