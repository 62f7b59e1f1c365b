import { isDatasetPublished, publishedStories } from '../../config/publication.ts';
import type { SiteInput } from '../entries.ts';
import { placeholderProblems } from '../placeholders.ts';
import type { Rule } from '../rule.ts';

/** A dataset readers can see holds no placeholder 【待填】 that `npm run new` wrote; one made only for drafts may (a warning). */
export const datasetPlaceholders: Rule<SiteInput> = {
	name: 'dataset-placeholders',
	description: 'a dataset a published story uses holds no placeholder 【待填】 (one used only by drafts: a warning)',
	check({ site, sources }, report) {
		const published = publishedStories(
			[...site.articles].filter(([, article]) => !article.data.draft).map(([id, article]) => ({ id, datasets: article.data.datasets })),
		);
		for (const [id, dataset] of site.datasets) {
			const placeholders = placeholderProblems(dataset.file, sources.get(id), dataset.locate);
			for (const problem of placeholders) (isDatasetPublished(id, dataset.data.figures, published) ? report.problem : report.warning)(problem);
		}
	},
};
