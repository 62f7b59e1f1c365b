/**
 * The search page's only script: reads `?q=` (and filters) from the address, searches the index
 * built with the site and lists the stories found. Everything is built with DOM methods; the only
 * markup taken from Pagefind is the <mark> around matched words in an excerpt.
 *
 * The index is in parts, one per month of editions (see src/search/search-parts.ts): the page reads
 * `parts.json`, opens the newest part with Pagefind and merges into it the parts of the period
 * searched (see `searchPeriod`), or only the one month's part when the reader picked a date.
 */
import type { SearchParts } from '../search/search-parts.ts';
import { NUMBER_FILTER, queryNumbers } from '../search/printed-numbers.ts';

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
}

interface PagefindOptions {
	excerptLength?: number;
	metaCacheTag?: string;
}

interface Pagefind {
	options(options: PagefindOptions): Promise<void>;
	mergeIndex(path: string, options?: PagefindOptions): Promise<void>;
	search(query: string | null, options?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResult[] }>;
}

interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindResultData>;
}

/** Longer queries are cut: nobody types more, and Pagefind slows down on them. */
const MAX_QUERY_LENGTH = 100;
const RESULTS_SHOWN = 20;
const FILTERS = ['edition', 'page', 'column'] as const;
/** Words an excerpt shows around a match; Chinese words are short. */
const EXCERPT_LENGTH = 40;

/**
 * Pagefind joins the blocks of a page (the headline, each paragraph) with a Latin ". " where a block
 * ends without a full stop; after Chinese text the join is a Chinese full stop.
 */
export function chineseJoins(excerpt: string): string {
	// The character before the stop may end a <mark>: 实现旅游收入3440万余<mark>元</mark>. 今年
	return excerpt.replace(/([\p{Script=Han}\u3000-\u303f\uff00-\uffef”’])((?:<\/mark>)?)\. /gu, '$1$2。');
}

/** Copies Pagefind's excerpt as text, keeping only its <mark> elements. */
function excerptNodes(excerpt: string): Node[] {
	const parsed = new DOMParser().parseFromString(`<p>${chineseJoins(excerpt)}</p>`, 'text/html').body.firstChild;
	return [...(parsed?.childNodes ?? [])].map((node) => {
		if (node.nodeName === 'MARK') {
			const mark = document.createElement('mark');
			mark.textContent = node.textContent;
			return mark;
		}
		return document.createTextNode(node.textContent ?? '');
	});
}

/**
 * The filters a query's numbers add: a story must print each of them exactly (see
 * src/search/printed-numbers.ts), so 1.8 does not find 18 and 1884.5万 finds nothing when no story
 * prints it. None for a query without numbers.
 */
export function numberFilters(query: string): Record<string, string[]> {
	const numbers = queryNumbers(query);
	return numbers.length > 0 ? { [NUMBER_FILTER]: numbers } : {};
}

/**
 * Searches for `query`; a query with numbers only among the stories that print them. When the
 * words of such a query match nothing Pagefind can tokenize there (it splits 40.389 into 40 and
 * 389), the stories printing the numbers are listed all the same.
 */
async function searchStories(pagefind: Pagefind, query: string, filters: Record<string, unknown>): Promise<PagefindResult[]> {
	const numbers = numberFilters(query);
	const withNumbers = { ...filters, ...numbers };
	const { results } = await pagefind.search(query, { filters: withNumbers });
	if (results.length > 0 || Object.keys(numbers).length === 0) return results;
	return (await pagefind.search(null, { filters: withNumbers })).results;
}

function resultItem(data: PagefindResultData): HTMLLIElement {
	const item = document.createElement('li');
	item.className = 'search-result';
	const heading = document.createElement('h2');
	heading.className = 'search-result__headline';
	const link = document.createElement('a');
	link.href = data.url;
	link.textContent = data.meta.title ?? data.url;
	heading.append(link);
	const meta = document.createElement('p');
	meta.className = 'search-result__meta';
	meta.textContent = [data.meta.date, data.meta.page, data.meta.column].filter(Boolean).join(' · ');
	const excerpt = document.createElement('p');
	excerpt.className = 'search-result__excerpt';
	excerpt.append(...excerptNodes(data.excerpt));
	item.append(heading, meta, excerpt);
	return item;
}

function fillFilter(select: HTMLSelectElement, values: readonly string[] | undefined, selected: string): void {
	for (const value of [...(values ?? [])].sort().reverse()) {
		const option = document.createElement('option');
		option.value = value;
		option.textContent = value;
		option.selected = value === selected;
		select.append(option);
	}
}

/** The months one search covers: a period, or one month when the reader picked a date. */
interface SearchPeriod {
	/** The months searched, newest first. */
	months: string[];
	/** The newest month not searched, older than those searched; undefined when none is left. */
	older: string | undefined;
	/** True when the period is not the whole archive, so results are limited to its dates. */
	partial: boolean;
}

/**
 * The months a search covers. Each month's part costs the browser about four requests and 50 kB
 * for a query, so a ten-year archive (120 parts) is searched a period at a time, newest first,
 * with a link to the period before; an archive of up to `monthsAtOnce` months in one go.
 */
export function searchPeriod(parts: SearchParts, monthsAtOnce: number, edition: string | undefined, before: string | undefined): SearchPeriod {
	const all = [...new Set([...(parts.primary?.months ?? []), ...parts.merged.flatMap((part) => part.months)])].sort().reverse();
	if (edition) return { months: [edition.slice(0, 7)], older: undefined, partial: false };
	const candidates = before ? all.filter((month) => month < before) : all;
	const months = candidates.slice(0, monthsAtOnce);
	return { months, older: candidates[months.length], partial: months.length < all.length };
}

/**
 * Pagefind with the parts a period needs merged into the newest part, which Pagefind opens first
 * whatever the period (its index sits beside pagefind.js).
 */
async function openIndex(bundle: string, parts: SearchParts, months: readonly string[]): Promise<Pagefind> {
	const folder = bundle.slice(0, bundle.lastIndexOf('/') + 1);
	const pagefind: Pagefind = await import(/* @vite-ignore */ bundle);
	await pagefind.options({ excerptLength: EXCERPT_LENGTH, metaCacheTag: parts.primary!.tag });
	const needed = parts.merged.filter((part) => part.months.some((month) => months.includes(month)));
	await Promise.all(needed.map((part) => pagefind.mergeIndex(`${folder}${part.path}`, { excerptLength: EXCERPT_LENGTH, metaCacheTag: part.tag })));
	return pagefind;
}

/** `2024年1月`. */
function monthName(month: string): string {
	return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/**
 * Leaves out the old versions of corrected stories, which their month's part still holds, and ranks
 * each new version no lower than its old version ranked. Pagefind scores a page against the other
 * pages of its own part, and the part of changes holds a few pages: there a word found on every one
 * of them counts for little, and a corrected story would drop to the end of the list.
 */
export function withoutOldVersions(results: readonly PagefindResult[], replaced: Record<string, string>): PagefindResult[] {
	const scores = new Map<string, number>();
	for (const result of results) scores.set(result.id, Math.max(result.score, scores.get(result.id) ?? -Infinity));
	// A story indexed again with what search reads unchanged (only its ignored parts changed) keeps its
	// id: it is in its month's part and in the part of changes, and is listed once.
	const pairs = Object.entries(replaced).filter(([oldId, newId]) => oldId !== newId);
	const oldVersions = new Set(pairs.map(([oldId]) => oldId));
	const oldVersionOf = new Map(pairs.map(([oldId, newId]) => [newId, oldId]));
	const once = [...new Map(results.map((result) => [result.id, result] as const)).values()];
	return once
		.filter((result) => !oldVersions.has(result.id))
		.map((result) => ({ result, score: Math.max(scores.get(result.id)!, scores.get(oldVersionOf.get(result.id) ?? '') ?? 0) }))
		.sort((a, b) => b.score - a.score)
		.map(({ result }) => result);
}

export async function startSearch(): Promise<void> {
	const form = document.querySelector<HTMLFormElement>('form[data-pagefind]');
	const status = document.querySelector<HTMLElement>('.search-status');
	const list = document.querySelector<HTMLOListElement>('.search-results');
	const more = document.querySelector<HTMLElement>('.search-more');
	if (!form || !status || !list || !more) return;
	const params = new URLSearchParams(location.search);
	const rawQuery = (params.get('q') ?? '').trim();
	const query = rawQuery.slice(0, MAX_QUERY_LENGTH);
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	input.value = query;

	const bundle = form.dataset.pagefind!;
	let parts: SearchParts;
	try {
		// Revalidated on every visit: it names the parts of the index the site has now.
		const response = await fetch(`${bundle.slice(0, bundle.lastIndexOf('/') + 1)}parts.json`, { cache: 'no-cache' });
		if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
		parts = (await response.json()) as SearchParts;
	} catch {
		status.textContent = '搜索暂时无法使用，请稍后再试，或从往期版面按日期查阅。';
		return;
	}
	const filters: Record<string, string> = {};
	for (const name of FILTERS) {
		const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
		const selected = params.get(name) ?? '';
		fillFilter(select, parts.filters[name], selected);
		if (selected) filters[name] = selected;
	}
	form.querySelector<HTMLElement>('.search-form__filters')!.hidden = false;

	if (!query) {
		status.textContent = '请输入要搜索的词，例如“楼院”。';
		return;
	}
	status.textContent = '正在搜索…';
	const before = /^\d{4}-\d{2}$/.test(params.get('before') ?? '') ? params.get('before')! : undefined;
	const period = searchPeriod(parts, Number(form.dataset.monthsAtOnce), filters.edition, before);
	// A period leaves out the dates of other months, which the newest part and the part of changes may hold.
	const searchFilters: Record<string, unknown> = period.partial ? { ...filters, edition: { any: (parts.filters.edition ?? []).filter((date) => period.months.includes(date.slice(0, 7))) } } : filters;
	const found =
		parts.primary && period.months.length > 0
			? withoutOldVersions(await searchStories(await openIndex(bundle, parts, period.months), query, searchFilters), parts.replaced)
			: [];
	const results = await Promise.all(found.slice(0, RESULTS_SHOWN).map((result) => result.data()));
	list.replaceChildren(...results.map(resultItem));
	const cut = rawQuery.length > MAX_QUERY_LENGTH ? `（搜索词过长，只用了前${MAX_QUERY_LENGTH}个字）` : '';
	const [newest, oldest] = [period.months[0], period.months.at(-1)];
	const within = period.partial && newest && oldest ? `在${monthName(oldest)}${oldest === newest ? '' : `至${monthName(newest)}`}的稿件中` : '';
	status.textContent =
		results.length === 0
			? `${within}没有找到与“${query}”相关的稿件。请换一个词，或减少筛选条件。${cut}`
			: `${within}找到${found.length}篇与“${query}”相关的稿件${found.length > RESULTS_SHOWN ? `，显示前${RESULTS_SHOWN}篇` : ''}。${cut}`;
	if (period.older) {
		const link = document.createElement('a');
		const next = new URLSearchParams(params);
		next.set('before', period.months.at(-1)!);
		link.href = `?${next}`;
		link.textContent = `搜索更早的稿件（${monthName(period.older)}及以前）`;
		more.replaceChildren(link);
		more.hidden = false;
	}
}
