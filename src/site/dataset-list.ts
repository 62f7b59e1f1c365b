/**
 * The list of datasets (数据), newest first and split into pages of {@link DATASETS_PER_PAGE}, so
 * that no page of it grows with the archive: at one dataset for every four stories, ten years of a
 * daily is some 25,000 datasets.
 */

/** How many datasets a page of the list shows. */
export const DATASETS_PER_PAGE = 100;

/** A dataset as the list shows it. */
export interface ListedDataset<Dataset> {
	dataset: Dataset;
	/** The date (`YYYY-MM-DD`) of the first edition with a story that uses it; none for a table no story uses. */
	firstPrinted?: string;
}

/** An edition as far as the list goes: its stories, each with the datasets it uses. */
interface EditionStories {
	date: string;
	articles: readonly { data: { datasets: readonly string[] } }[];
}

const listed = new WeakMap<readonly object[], ListedDataset<object>[]>();

/**
 * Datasets newest first, as readers of a daily look for them: by the first edition that printed a
 * story using them (a dataset keeps its place when a later story uses it again), then by id. Datasets
 * no story uses (an outside publication's table) come last, by id. Kept per list of datasets (the
 * build's one list), so the routes that show the pages go through the archive's stories once.
 */
export function datasetsNewestFirst<Dataset extends { id: string }>(
	datasets: readonly Dataset[],
	editions: readonly EditionStories[],
): ListedDataset<Dataset>[] {
	const known = listed.get(datasets) as ListedDataset<Dataset>[] | undefined;
	if (known) return known;
	const firstPrinted = new Map<string, string>();
	for (const edition of editions) {
		for (const story of edition.articles) {
			for (const id of story.data.datasets) {
				const seen = firstPrinted.get(id);
				if (seen === undefined || edition.date < seen) firstPrinted.set(id, edition.date);
			}
		}
	}
	const list = datasets
		.map((dataset) => ({ dataset, firstPrinted: firstPrinted.get(dataset.id) }))
		.sort(
			(a, b) =>
				(b.firstPrinted ?? '').localeCompare(a.firstPrinted ?? '') ||
				(a.dataset.id < b.dataset.id ? -1 : a.dataset.id > b.dataset.id ? 1 : 0),
		);
	listed.set(datasets, list);
	return list;
}

/**
 * Splits a list into pages of `size`; an empty list is one empty page, so the list's first page
 * exists (and says so) before anything is published.
 */
export function splitIntoPages<Item>(items: readonly Item[], size: number): Item[][] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`invalid page size: ${size}`);
	const pages: Item[][] = [];
	for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
	return pages.length > 0 ? pages : [[]];
}
