import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { unboundNumbers } from '../../../src/validation/rules/unbound-numbers.ts';
import { datasetEntry, frontmatter, printed, storyEntry, storyInput, tourism, STORY_BODY } from '../../helpers/rule-entries.ts';

describe('rule unbound-numbers', () => {
	it('warns of nothing when the prose prints its numbers with <Num>', async () => {
		const reported = await runRule(unboundNumbers, storyInput(await storyEntry(), await datasetEntry(tourism())));
		expect(reported).toEqual({ problems: [], warnings: [], unprinted: [] });
	});

	it('warns, without stopping the build, of a number typed in the prose that no figure prints', async () => {
		const story = await storyEntry(`${frontmatter()}${STORY_BODY}\n另有游客12.5万人次。\n`);
		const reported = await runRule(unboundNumbers, storyInput(story, await datasetEntry(tourism())));
		expect(reported.problems).toEqual([]);
		expect(printed(reported.warnings)).toEqual([expect.stringMatching(/^content\/2024-09-18\/a\.mdx:18  body  .*12\.5万人次/)]);
	});
});
