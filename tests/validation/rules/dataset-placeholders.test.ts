import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { datasetPlaceholders } from '../../../src/validation/rules/dataset-placeholders.ts';
import { datasetEntry, frontmatter, printed, siteInput, storyEntry, tourism, STORY_BODY } from '../../helpers/rule-entries.ts';

const withPlaceholder = () => tourism((data) => (data.description = '【待填】'));

describe('rule dataset-placeholders', () => {
	it('accepts a published dataset without placeholders', async () => {
		const input = siteInput({ stories: [await storyEntry()], datasets: [await datasetEntry(tourism())] });
		expect(await runRule(datasetPlaceholders, input)).toEqual({ problems: [], warnings: [], unprinted: [] });
	});

	it('refuses a placeholder in a dataset a published story uses, and warns of it when only a draft does', async () => {
		const published = await runRule(datasetPlaceholders, siteInput({ stories: [await storyEntry()], datasets: [await datasetEntry(withPlaceholder())] }));
		expect(printed(published.problems)).toEqual([expect.stringMatching(/^data\/tourism\.json:\d+  description  still the placeholder 【待填】/)]);
		const draft = await storyEntry(frontmatter('draft: true\n') + STORY_BODY);
		const unpublished = await runRule(datasetPlaceholders, siteInput({ stories: [draft], datasets: [await datasetEntry(withPlaceholder())] }));
		expect(unpublished.problems).toEqual([]);
		expect(printed(unpublished.warnings)).toEqual(printed(published.problems));
	});
});
