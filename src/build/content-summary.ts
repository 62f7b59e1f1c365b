import { headlineCharacters } from '../fonts/headline-characters.ts';
import { isDatasetPublished, publishedStories } from '../config/publication.ts';
import type { CheckedContent } from './check-content.ts';
import type { ValidatedSite } from '../validation/validate-site.ts';

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
