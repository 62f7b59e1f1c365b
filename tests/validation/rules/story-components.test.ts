import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { storyComponents } from '../../../src/validation/rules/story-components.ts';
import { datasetEntry, frontmatter, printed, storyEntry, storyInput, tourism } from '../../helpers/rule-entries.ts';

describe('rule story-components', () => {
	it('accepts <Num> and <Chart> naming figures and charts of a listed dataset', async () => {
		const story = await storyEntry(`${frontmatter()}\n共接待游客<Num dataset="tourism" figure="zhongmou-visitors" />。\n\n<Chart dataset="tourism" chart="visitors" />\n`);
		expect((await runRule(storyComponents, storyInput(story, await datasetEntry(tourism())))).problems).toEqual([]);
	});

	it('refuses a misspelt figure with a did-you-mean and a script element, each on its line', async () => {
		const story = await storyEntry(`${frontmatter()}\n共接待游客<Num dataset="tourism" figure="zhongmou-visitor" />。\n\n<script>alert(1)</script>\n`);
		expect(printed((await runRule(storyComponents, storyInput(story, await datasetEntry(tourism())))).problems)).toEqual([
			expect.stringMatching(/^content\/2024-09-18\/a\.mdx:14  <Num> figure  received "zhongmou-visitor"; did you mean "zhongmou-visitors"\?/),
			expect.stringMatching(/^content\/2024-09-18\/a\.mdx:16  <script>  received the HTML element <script>/),
		]);
	});
});
