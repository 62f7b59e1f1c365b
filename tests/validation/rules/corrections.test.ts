import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { corrections } from '../../../src/validation/rules/corrections.ts';
import { datasetEntry, frontmatter, printed, siteInput, storyEntry, tourism, STORY_BODY } from '../../helpers/rule-entries.ts';

describe('rule corrections', () => {
	it('accepts a site without corrections', async () => {
		const input = siteInput({ stories: [await storyEntry()], datasets: [await datasetEntry(tourism())] });
		expect((await runRule(corrections, input)).problems).toEqual([]);
	});

	it("refuses a correction naming a dataset the story does not list", async () => {
		const CORRECTION = 'corrections:\n  - date: "2024-09-19T10:00:00+08:00"\n    text: 本文更正了游客人数。\n    dataset: toursim\n';
		const input = siteInput({ stories: [await storyEntry(frontmatter(CORRECTION) + STORY_BODY)], datasets: [await datasetEntry(tourism())] });
		expect(printed((await runRule(corrections, input)).problems)).toEqual([expect.stringMatching(/^content\/2024-09-18\/a\.mdx:\d+  corrections\[0\]\.dataset  received "toursim"; expected one of the story's datasets: tourism$/)]);
	});
});
