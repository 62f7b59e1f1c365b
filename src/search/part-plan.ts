import type { SearchPage } from './search-pages.ts';

/** A month's part as an earlier build wrote it, kept in the cache. */
export interface CachedPart {
	/** The cache folder's name: a hash of the Pagefind configuration and of the part's pages. */
	key: string;
	/** Each page the part holds, by source path: the hash it was indexed at and its Pagefind id. */
	pages: Record<string, { hash: string; id: string }>;
}

/** What a build does with one month. */
export type PartPlan =
	/** Index the month's pages into a new part. */
	| { part: string; action: 'index'; pages: SearchPage[] }
	/**
	 * Keep the part an earlier build wrote. `changed` (pages whose input changed since) are indexed
	 * in the part of changes; `replaced` gives, for each, its old version's Pagefind id in the kept part.
	 */
	| { part: string; action: 'keep'; cached: CachedPart; pages: SearchPage[]; changed: SearchPage[]; replaced: Map<string, string> };

/**
 * A kept part may have at most this many changed pages, and all kept parts together at most
 * {@link CHANGES_LIMIT}: the part of changes is indexed again whenever one of its pages changes, so
 * it must stay small, and every page in it leaves its old version's words in a month's index until
 * that month is indexed again (its text, the fragment, is taken out of the published site).
 */
export const PART_CHANGES_LIMIT = 50;
export const CHANGES_LIMIT = 100;

/**
 * Decides, month by month, whether a part is kept from the cache or indexed again. A month whose
 * pages are all as the cached part has them is kept whole. A month with a few pages changed is kept
 * too, its changes indexed apart, so that correcting one story of a large archive indexes one story
 * rather than a month. A month is indexed again when it has no cached part, when too many of its
 * pages changed, or when a page was added to it or removed from it: a new story is ranked against
 * its month (a part of a few pages ranks its pages low, see `search.ts`), and a story taken down
 * must not stay in the index's files.
 */
export function planParts(parts: ReadonlyMap<string, SearchPage[]>, cache: Readonly<Record<string, CachedPart>>): PartPlan[] {
	const plans: PartPlan[] = [];
	for (const [part, pages] of parts) {
		const cached = cache[part];
		if (!cached) {
			plans.push({ part, action: 'index', pages });
			continue;
		}
		const current = new Set(pages.map((page) => page.sourcePath));
		const removed = Object.keys(cached.pages).some((sourcePath) => !current.has(sourcePath));
		const added = pages.some((page) => !cached.pages[page.sourcePath]);
		const changed = pages.filter((page) => cached.pages[page.sourcePath] && cached.pages[page.sourcePath].hash !== page.hash);
		if (removed || added || changed.length > PART_CHANGES_LIMIT) {
			plans.push({ part, action: 'index', pages });
			continue;
		}
		const replaced = new Map(changed.map((page) => [page.sourcePath, cached.pages[page.sourcePath].id]));
		plans.push({ part, action: 'keep', cached, pages, changed, replaced });
	}
	// Over the limit, the months with the most changes are indexed again first.
	let total = plans.reduce((sum, plan) => sum + (plan.action === 'keep' ? plan.changed.length : 0), 0);
	const byChanges = plans
		.map((plan, index) => ({ plan, index }))
		.filter(({ plan }) => plan.action === 'keep' && plan.changed.length > 0)
		.sort((a, b) => (b.plan as { changed: SearchPage[] }).changed.length - (a.plan as { changed: SearchPage[] }).changed.length);
	for (const { plan, index } of byChanges) {
		if (total <= CHANGES_LIMIT) break;
		if (plan.action !== 'keep') continue;
		total -= plan.changed.length;
		plans[index] = { part: plan.part, action: 'index', pages: plan.pages };
	}
	return plans;
}
