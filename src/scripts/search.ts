/**
 * The search page's only script: reads `?q=` (and filters) from the address, asks Pagefind's index
 * (built with the site) and lists the stories found. Everything is built with DOM methods; the only
 * markup taken from Pagefind is the <mark> around matched words in an excerpt.
 */

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
}

interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

/** Longer queries are cut: nobody types more, and Pagefind slows down on them. */
const MAX_QUERY_LENGTH = 100;
const RESULTS_SHOWN = 20;
const FILTERS = ['edition', 'page', 'column'] as const;

/** Copies Pagefind's excerpt as text, keeping only its <mark> elements. */
function excerptNodes(excerpt: string): Node[] {
	const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstChild;
	return [...(parsed?.childNodes ?? [])].map((node) => {
		if (node.nodeName === 'MARK') {
			const mark = document.createElement('mark');
			mark.textContent = node.textContent;
			return mark;
		}
		return document.createTextNode(node.textContent ?? '');
	});
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

function fillFilter(select: HTMLSelectElement, values: Record<string, number> | undefined, selected: string): void {
	for (const value of Object.keys(values ?? {}).sort().reverse()) {
		const option = document.createElement('option');
		option.value = value;
		option.textContent = value;
		option.selected = value === selected;
		select.append(option);
	}
}

export async function startSearch(): Promise<void> {
	const form = document.querySelector<HTMLFormElement>('form[data-pagefind]');
	const status = document.querySelector<HTMLElement>('.search-status');
	const list = document.querySelector<HTMLOListElement>('.search-results');
	if (!form || !status || !list) return;
	const params = new URLSearchParams(location.search);
	const rawQuery = (params.get('q') ?? '').trim();
	const query = rawQuery.slice(0, MAX_QUERY_LENGTH);
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	input.value = query;

	const pagefind: Pagefind = await import(/* @vite-ignore */ form.dataset.pagefind!);
	await pagefind.options({ excerptLength: 40 });
	const available = await pagefind.filters();
	const filters: Record<string, string> = {};
	for (const name of FILTERS) {
		const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
		const selected = params.get(name) ?? '';
		fillFilter(select, available[name], selected);
		if (selected) filters[name] = selected;
	}
	form.querySelector<HTMLElement>('.search-form__filters')!.hidden = false;

	if (!query) {
		status.textContent = '请输入要搜索的词，例如“楼院”。';
		return;
	}
	status.textContent = '正在搜索…';
	const search = await pagefind.search(query, { filters });
	const results = await Promise.all(search.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
	list.replaceChildren(...results.map(resultItem));
	const cut = rawQuery.length > MAX_QUERY_LENGTH ? `（搜索词过长，只用了前${MAX_QUERY_LENGTH}个字）` : '';
	status.textContent =
		results.length === 0
			? `没有找到与“${query}”相关的稿件。请换一个词，或减少筛选条件。${cut}`
			: `找到${search.results.length}篇与“${query}”相关的稿件${search.results.length > RESULTS_SHOWN ? `，显示前${RESULTS_SHOWN}篇` : ''}。${cut}`;
}
