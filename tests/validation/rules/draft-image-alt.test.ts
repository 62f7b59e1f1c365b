import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { draftImageAlt } from '../../../src/validation/rules/draft-image-alt.ts';
import { frontmatter, printed, storyEntry, storyInput, STORY_BODY } from '../../helpers/rule-entries.ts';

const IMAGE = 'images:\n  - caption: 游客在景区赏月。\n';

describe('rule draft-image-alt', () => {
	it('warns of nothing for a draft whose images have alt text', async () => {
		const story = await storyEntry(frontmatter(`draft: true\n${IMAGE.replace('  - caption', '  - alt: 游客在景区草坪上赏月\n    caption')}`) + STORY_BODY);
		expect((await runRule(draftImageAlt, storyInput(story))).warnings).toEqual([]);
	});

	it("warns of a draft's image without alt text, without stopping the build", async () => {
		const story = await storyEntry(frontmatter(`draft: true\n${IMAGE}`) + STORY_BODY);
		const reported = await runRule(draftImageAlt, storyInput(story));
		expect(reported.problems).toEqual([]);
		expect(printed(reported.warnings)).toEqual(['content/2024-09-18/a.mdx:14  images[0].alt  missing; a draft may leave it out, but the story cannot be published without it']);
	});
});
