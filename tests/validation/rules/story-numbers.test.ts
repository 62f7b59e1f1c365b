import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { storyNumbers } from '../../../src/validation/rules/story-numbers.ts';
import { datasetEntry, frontmatter, storyEntry, storyInput, tourism, STORY_BODY } from '../../helpers/rule-entries.ts';

describe('rule story-numbers', () => {
	it("accepts a headline printing a figure of the story's dataset", async () => {
		const story = await storyEntry(frontmatter().replace(/^headline: .*$/m, 'headline: 中牟县中秋假期接待游客76.57万人次') + STORY_BODY);
		expect((await runRule(storyNumbers, storyInput(story, await datasetEntry(tourism())))).problems).toEqual([]);
	});

	it('reports a headline number no figure prints, as one a changed figure may explain', async () => {
		const story = await storyEntry(frontmatter().replace(/^headline: .*$/m, 'headline: 中牟县中秋假期接待游客76.58万人次') + STORY_BODY);
		const reported = await runRule(storyNumbers, storyInput(story, await datasetEntry(tourism())));
		expect(reported.problems).toEqual([expect.objectContaining({ file: 'content/2024-09-18/a.mdx', line: 5, field: 'headline' })]);
		expect(reported.problems[0].message).toMatch(/prints "76\.58万人次", which no figure of the data prints/);
		expect(reported.unprinted.map((entry) => entry.printed)).toEqual(['76.58万人次']);
	});
});
