import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { storyDatasets } from '../../../src/validation/rules/story-datasets.ts';
import { datasetEntry, frontmatter, printed, storyEntry, storyInput, tourism, STORY_BODY } from '../../helpers/rule-entries.ts';

describe('rule story-datasets', () => {
	it('accepts a story listing a dataset of data/', async () => {
		expect((await runRule(storyDatasets, storyInput(await storyEntry(), await datasetEntry(tourism())))).problems).toEqual([]);
	});

	it('refuses a misspelt dataset id with a did-you-mean, naming its line', async () => {
		const story = await storyEntry(frontmatter().replace('datasets: [tourism]', 'datasets: [toursm]') + STORY_BODY);
		expect(printed((await runRule(storyDatasets, storyInput(story, await datasetEntry(tourism())))).problems)).toEqual([
			'content/2024-09-18/a.mdx:10  datasets[0]  received "toursm"; did you mean "tourism"? expected the id of a dataset in data/: tourism',
		]);
	});
});
