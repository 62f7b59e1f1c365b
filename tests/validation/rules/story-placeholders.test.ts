import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { storyPlaceholders } from '../../../src/validation/rules/story-placeholders.ts';
import { frontmatter, printed, storyEntry, storyInput, STORY_BODY } from '../../helpers/rule-entries.ts';

describe('rule story-placeholders', () => {
	it('accepts a story without placeholders', async () => {
		expect(await runRule(storyPlaceholders, storyInput(await storyEntry()))).toEqual({ problems: [], warnings: [], unprinted: [] });
	});

	it('refuses a placeholder in a published story and only warns of it in a draft', async () => {
		const text = (extra: string) => frontmatter(extra).replace(/^summary: .*$/m, 'summary: 【待填】') + STORY_BODY;
		const published = await runRule(storyPlaceholders, storyInput(await storyEntry(text(''))));
		expect(printed(published.problems)).toEqual([expect.stringMatching(/^content\/2024-09-18\/a\.mdx:9  summary  still the placeholder 【待填】/)]);
		const draft = await runRule(storyPlaceholders, storyInput(await storyEntry(text('draft: true\n'))));
		expect(draft.problems).toEqual([]);
		expect(printed(draft.warnings)).toEqual(printed(published.problems));
	});
});
