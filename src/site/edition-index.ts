import { getCollection, type CollectionEntry } from 'astro:content';
import { cacheKey } from './cache-key.ts';
import { isDatasetPublished, publishedStories } from '../config/publication.ts';
import { keptData } from '../loaders/kept-data.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type EditionEntry = CollectionEntry<'editions'>;
export type DatasetEntry = CollectionEntry<'datasets'>;

/** A page of an edition as the collection gives it: its scan's image resolved by Astro's image service. */
export type CollectionPage = EditionEntry['data']['pages'][number];

/** A page of an edition with its stories in print order. */
export interface IndexedPage extends CollectionPage {
	articles: ArticleEntry[];
}

/** An edition with its pages, newest edition first in `EditionIndex.editions`. */
export interface IndexedEdition {
	entry: EditionEntry;
	date: string;
	pages: IndexedPage[];
	/** Every story of the edition in print order: page by page, lead story first. */
	articles: ArticleEntry[];
	/**
	 * Changes whenever anything the edition's pages can show changes: the edition file, or the
	 * frontmatter of one of its stories (headlines, order, related stories, page lists). A story's
	 * body is not in it: a correction to one body renders one page again, not the edition.
	 */
	fingerprint: string;
}

/** The whole archive, shaped for the routes. */
export interface EditionIndex {
	/** Newest first. */
	editions: IndexedEdition[];
	datasets: DatasetEntry[];
	/** Every published story by id: a page looks up the few it needs instead of scanning the archive. */
	stories: Map<string, ArticleEntry>;
	/** Every published dataset by id. */
	datasetsById: Map<string, DatasetEntry>;
	/**
	 * Per dataset, what a page showing it depends on: the dataset file and the headline, date and
	 * page of each story its figures cite (chart source lines, the figure table, CSV links).
	 */
	datasetFingerprints: Map<string, string>;
}

function printOrder(a: ArticleEntry, b: ArticleEntry): number {
	return (
		a.data.page - b.data.page ||
		(a.data.position ?? Number.MAX_SAFE_INTEGER) - (b.data.position ?? Number.MAX_SAFE_INTEGER) ||
		a.id.localeCompare(b.id)
	);
}

/** Drafts are shown while editing (`npm run dev`) and never published. */
const published = ({ data }: ArticleEntry) => import.meta.env.DEV || !data.draft;

let index: Promise<EditionIndex> | undefined;

/** Reads the collections once per build and shapes them into editions, pages and stories. */
export function getEditionIndex(): Promise<EditionIndex> {
	index ??= (async () => {
		const [editionEntries, articleEntries, datasets] = await Promise.all([
			getCollection('editions'),
			getCollection('articles', published),
			// Astro's store holds each dataset without its data, which the loader keeps apart (src/loaders/kept-data.ts).
			getCollection('datasets').then((entries) => entries.map((entry) => ({ ...entry, data: keptData(entry.id, entry.digest) as DatasetEntry['data'] }))),
		]);
		// Grouped once: filtering every story for every edition is quadratic in the archive's size.
		const byEdition = Map.groupBy(articleEntries, (article) => article.data.edition);
		const editions = editionEntries
			.map((entry): IndexedEdition => {
				const articles = (byEdition.get(entry.id) ?? []).sort(printOrder);
				const pages = entry.data.pages.map((page) => ({
					...page,
					articles: articles.filter((article) => article.data.page === page.number),
				}));
				const fingerprint = cacheKey(entry.digest, articles.map(({ id, data }) => [id, data]));
				return { entry, date: entry.id, pages, articles, fingerprint };
			})
			// An edition whose stories are all drafts is being prepared: readers do not see it yet.
			.filter((edition) => import.meta.env.DEV || edition.articles.length > 0)
			.sort((a, b) => b.date.localeCompare(a.date));
		// A dataset made for a story still in draft is published with the story, not before it.
		const publishedIndex = publishedStories(articleEntries.map((article) => ({ id: article.id, datasets: article.data.datasets })));
		const publishedDatasets = datasets.filter((dataset) => import.meta.env.DEV || isDatasetPublished(dataset.id, dataset.data.figures, publishedIndex));
		const stories = new Map(editions.flatMap((edition) => edition.articles.map((article) => [article.id, article] as const)));
		return {
			editions,
			datasets: publishedDatasets.sort((a, b) => a.id.localeCompare(b.id)),
			stories,
			datasetsById: new Map(publishedDatasets.map((dataset) => [dataset.id, dataset])),
			datasetFingerprints: new Map(
				publishedDatasets.map((dataset) => {
					const cited = dataset.data.figures.map(({ source }) => {
						const story = source && stories.get(source.article);
						return story && [story.id, story.data.headline, story.data.edition, story.data.page];
					});
					// A change correcting a figure lists the stories printing it, which may bind it with <Num> in their text.
					const printing = dataset.data.changes.some((change) => change.figure !== undefined)
						? [...stories.values()].filter((story) => story.data.datasets.includes(dataset.id)).map((story) => [story.id, story.digest, story.data.headline])
						: [];
					return [dataset.id, cacheKey(dataset.digest, cited, printing)];
				}),
			),
		};
	})();
	return index;
}

/**
 * The incremental-build key of what is made of one story (its page, its social card): its own
 * file, its edition (neighbours, related stories, page list, what the card says of its page) and
 * its datasets (bound figures, charts).
 */
export function storyCacheKey({ datasetFingerprints }: EditionIndex, edition: IndexedEdition, article: ArticleEntry): string {
	let key = storyKeys.get(article);
	if (key === undefined) {
		key = cacheKey(article.digest, edition.fingerprint, article.data.datasets.map((id) => datasetFingerprints.get(id)));
		storyKeys.set(article, key);
	}
	return key;
}

/** Each story's key, worked out once for its page and its card (the index, and so each entry, lives for one build). */
const storyKeys = new WeakMap<ArticleEntry, string>();

/** One path per published dataset, for its page and its downloads; keyed for incremental builds. */
export async function datasetStaticPaths() {
	const { datasets, datasetFingerprints } = await getEditionIndex();
	return datasets.map((dataset) => ({ params: { dataset: dataset.id }, props: { dataset }, cacheKey: datasetFingerprints.get(dataset.id) }));
}

/** The neighbours of an item in a list, for previous/next links. */
export function neighbours<T>(items: readonly T[], item: T): { previous?: T; next?: T } {
	const at = items.indexOf(item);
	return { previous: at > 0 ? items[at - 1] : undefined, next: at >= 0 ? items[at + 1] : undefined };
}

/**
 * Stories related to `article`: those sharing one of its datasets first, then those of its page,
 * then the rest of its column; never the story itself.
 */
export function relatedArticles(edition: IndexedEdition, article: ArticleEntry, limit: number): ArticleEntry[] {
	const score = (other: ArticleEntry) =>
		(other.data.datasets.some((id) => article.data.datasets.includes(id)) ? 4 : 0) +
		(other.data.page === article.data.page ? 2 : 0) +
		(article.data.column && other.data.column === article.data.column ? 1 : 0);
	return edition.articles
		.filter((other) => other !== article && score(other) > 0)
		.map((other, order) => ({ other, order, score: score(other) }))
		.sort((a, b) => b.score - a.score || a.order - b.order)
		.slice(0, limit)
		.map(({ other }) => other);
}
