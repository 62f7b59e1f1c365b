import { isDatasetPublished, publishedStories } from '../../config/publication.ts';
import type { SiteInput } from '../entries.ts';
import type { Rule } from '../rule.ts';

/** A warning for a published dataset that prints a sentence of a story still in draft, before the story. */
export const draftSources: Rule<SiteInput> = {
	name: 'draft-sources',
	description: "warns of a published dataset's figure quoting a story still in draft",
	check({ site }, report) {
		const published = publishedStories(
			[...site.articles].filter(([, article]) => !article.data.draft).map(([id, article]) => ({ id, datasets: article.data.datasets })),
		);
		for (const [id, dataset] of site.datasets) {
			if (!isDatasetPublished(id, dataset.data.figures, published)) continue;
			dataset.data.figures.forEach((figure, index) => {
				if (!figure.source || !site.articles.get(figure.source.article)?.data.draft) return;
				report.warning({
					file: dataset.file,
					line: dataset.locate(['figures', index, 'source', 'article']),
					field: `figures[${index}].source.article`,
					message: `figure "${figure.id}" comes from ${figure.source.article}, a draft: its sentence is published on the dataset page before the story`,
					hint: 'publish the story (draft: false), or move the figure to a dataset of its own',
				});
			});
		}
	},
};
