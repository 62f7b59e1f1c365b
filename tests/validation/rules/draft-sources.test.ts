import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { draftSources } from '../../../src/validation/rules/draft-sources.ts';
import { datasetEntry, frontmatter, printed, siteInput, storyEntry, tourism, STORY_BODY } from '../../helpers/rule-entries.ts';

describe('rule draft-sources', () => {
	it('warns of nothing when the stories a published dataset quotes are published', async () => {
		const input = siteInput({ stories: [await storyEntry()], datasets: [await datasetEntry(tourism())] });
		expect((await runRule(draftSources, input)).warnings).toEqual([]);
	});

	it('warns of a published dataset quoting a draft', async () => {
		const published = await storyEntry(frontmatter() + STORY_BODY, '2024-09-18/b');
		const draft = await storyEntry(frontmatter('draft: true\n') + STORY_BODY);
		const reported = await runRule(draftSources, siteInput({ stories: [published, draft], datasets: [await datasetEntry(tourism())] }));
		expect(reported.problems).toEqual([]);
		expect(printed(reported.warnings)).toEqual([
			expect.stringMatching(/^data\/tourism\.json:\d+  figures\[0\]\.source\.article  figure "zhongmou-visitors" comes from 2024-09-18\/a, a draft/),
			expect.stringMatching(/^data\/tourism\.json:\d+  figures\[1\]\.source\.article  figure "xingyang-visitors" comes from 2024-09-18\/a, a draft/),
		]);
	});
});
