import type { StoryInput } from '../entries.ts';
import { placeholderProblems } from '../placeholders.ts';
import type { Rule } from '../rule.ts';

/** A draft may still hold what `npm run new` wrote (a warning); a published story may not. */
export const storyPlaceholders: Rule<StoryInput> = {
	name: 'story-placeholders',
	description: "a published story holds no placeholder 【待填】 that `npm run new` wrote (a draft's are warnings)",
	check({ story: { file, data, frontmatter, locate, body, bodyLine } }, report) {
		const placeholders = placeholderProblems(file, frontmatter, locate, { text: body, line: bodyLine });
		for (const problem of placeholders) (data.draft ? report.warning : report.problem)(problem);
	},
};
