import { didYouMeanPhrase } from '../../core/did-you-mean.ts';
import type { StoryInput } from '../entries.ts';
import type { Rule } from '../rule.ts';

/**
 * The datasets a story's frontmatter lists exist. A misspelt id is the root cause of what the
 * body's components then get wrong: reported first, with a did-you-mean.
 */
export const storyDatasets: Rule<StoryInput> = {
	name: 'story-datasets',
	description: "the datasets a story's frontmatter lists are datasets of data/",
	check({ story: { file, data, locate }, datasets: { present } }, report) {
		data.datasets.forEach((datasetId, index) => {
			if (present.has(datasetId)) return;
			report.problem({
				file,
				line: locate(['datasets', index]),
				field: `datasets[${index}]`,
				message: `received "${datasetId}";${didYouMeanPhrase(datasetId, present)} expected the id of a dataset in data/: ${[...present].join(', ') || '(none)'}`,
			});
		});
	},
};
