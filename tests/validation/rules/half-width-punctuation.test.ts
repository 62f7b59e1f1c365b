import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { halfWidthPunctuation } from '../../../src/validation/rules/half-width-punctuation.ts';
import { frontmatter, printed, storyEntry, storyInput } from '../../helpers/rule-entries.ts';

describe('rule half-width-punctuation', () => {
	it('warns of nothing in a story typed with full-width punctuation', async () => {
		const story = await storyEntry(`${frontmatter()}\n中秋假期，全县游客增多。\n`);
		expect((await runRule(halfWidthPunctuation, storyInput(story))).warnings).toEqual([]);
	});

	it('warns of half-width commas in a Chinese sentence, naming where the first is', async () => {
		const story = await storyEntry(`${frontmatter()}\n中秋假期,全县游客增多。\n`);
		const reported = await runRule(halfWidthPunctuation, storyInput(story));
		expect(reported.problems).toEqual([]);
		expect(printed(reported.warnings)).toEqual([expect.stringMatching(/^content\/2024-09-18\/a\.mdx:14  body  1 half-width punctuation mark in Chinese sentences, the first in "中秋假期,全县游客"; the site prints them full-width/)]);
	});
});
