import { cacheLocation } from '../cache/registry.ts';
import { Worker } from 'node:worker_threads';
import { headlineCharacters } from '../fonts/headline-font.ts';
import { isDatasetPublished, publishedStories } from '../config/publication.ts';
import type { Problem } from '../core/problem.ts';
import type { ValidatedSite } from '../validation/validate-site.ts';

/** What a build needs to know of the content once it is checked. */
export interface CheckedContent {
	problems: Problem[];
	warnings: number;
	/** The characters the headline font must hold. */
	headlineCharacters: string;
	editions: number;
	stories: number;
	datasets: number;
	charts: number;
	/** What readers will see: drafts, and datasets made only for drafts, are left out. */
	published: { stories: number; datasets: number; charts: number };
}

/** Sums up a validated site for the build. */
export function summarizeContent(site: ValidatedSite): CheckedContent {
	const stories = [...site.articles].filter(([, article]) => !article.data.draft).map(([id, article]) => ({ id, datasets: article.data.datasets }));
	const published = publishedStories(stories);
	const datasets = [...site.datasets].filter(([id, dataset]) => isDatasetPublished(id, dataset.data.figures, published));
	const charts = (list: Iterable<{ data: { charts: unknown[] } }>) => [...list].reduce((sum, dataset) => sum + dataset.data.charts.length, 0);
	return {
		problems: site.problems,
		warnings: site.warnings.length,
		headlineCharacters: site.problems.length > 0 ? '' : headlineCharacters(site),
		editions: site.editions.size,
		stories: site.articles.size,
		datasets: site.datasets.size,
		charts: charts(site.datasets.values()),
		published: { stories: stories.length, datasets: datasets.length, charts: charts(datasets.map(([, dataset]) => dataset)) },
	};
}

/**
 * Checks the content of the site at `siteRoot` (`validateSite`) in a worker thread, so that it runs
 * on the other core while Astro loads its config and its content store. Only the summary crosses
 * back: the checked site itself is tens of megabytes at 10,000 stories.
 */
export function checkContentInWorker(siteRoot: string): Promise<CheckedContent> {
	return new Promise((resolve, reject) => {
		// The worker keeps its checks in this build's cache folder (a thread has its own copy of the registry).
		const worker = new Worker(new URL('./check-content-worker.ts', import.meta.url), { workerData: { siteRoot, caches: cacheLocation() } });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the content check stopped (exit code ${code}) before it reported`)));
	});
}
