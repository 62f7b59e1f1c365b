import { describe, expect, it } from 'vitest';
import { reportInto, runRule } from '../../../src/validation/rule.ts';
import { figureSources } from '../../../src/validation/rules/figure-sources.ts';
import { datasetEntry, frontmatter, printed, siteInput, storyEntry, tourism, STORY_BODY } from '../../helpers/rule-entries.ts';

describe('rule figure-sources', () => {
	it("accepts figures quoting whole sentences of their story, which print the figures' numbers", async () => {
		const input = siteInput({ stories: [await storyEntry()], datasets: [await datasetEntry(tourism())] });
		expect((await runRule(figureSources, input)).problems).toEqual([]);
	});

	it('refuses a source naming no story, with a did-you-mean', async () => {
		const dataset = await datasetEntry(tourism((data) => (data.figures[1].source.article = '2024-09-18/b')));
		const input = siteInput({ stories: [await storyEntry()], datasets: [dataset] });
		expect(printed((await runRule(figureSources, input)).problems)).toEqual([
			expect.stringMatching(/^data\/tourism\.json:\d+  figures\[1\]\.source\.article  received "2024-09-18\/b"; did you mean "2024-09-18\/a"\? expected the id of a story/),
		]);
	});

	it("reports a changed value once, withdrawing the headline's number that follows from it", async () => {
		const dataset = await datasetEntry(tourism((data) => (data.figures[0].value = 765800)));
		const story = await storyEntry(frontmatter().replace(/^headline: .*$/m, 'headline: 接待游客76.57万人次') + STORY_BODY);
		const headline = { file: story.file, line: 5, field: 'headline', message: 'prints "76.57万人次", which no figure of the data prints' };
		const input = siteInput({ stories: [story], datasets: [dataset] }, { unprinted: [{ problem: headline, printed: '76.57万人次', article: story.id }] });
		// The headline's problem, reported by story-numbers before this rule runs.
		const reported = { problems: [headline], warnings: [], unprinted: [] };
		await figureSources.check(input, reportInto(reported));
		expect(printed(reported.problems)).toEqual([
			expect.stringMatching(/^data\/tourism\.json:\d+  figures\[0\]\.value  figure "zhongmou-visitors": the data now prints "76\.58万人次" where the story's sentence in content\/2024-09-18\/a\.mdx printed "76\.57万人次" \(its headline print "76\.57万人次" too\)/),
		]);
	});
});
