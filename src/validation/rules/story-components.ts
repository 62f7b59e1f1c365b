import type { StoryInput } from '../entries.ts';
import { checkStoryEntry } from '../../stories/mdx-components.ts';
import type { Rule } from '../rule.ts';

/**
 * A story body holds Markdown, the story components with valid props naming datasets, charts and
 * figures that exist, and the few inline HTML elements the paper uses; no imports, expressions,
 * raw HTML or unsafe addresses (see mdx-components.ts).
 */
export const storyComponents: Rule<StoryInput> = {
	name: 'story-components',
	description: "a story body's components, HTML and links are the ones stories may use, naming datasets, charts and figures that exist",
	check(input, report) {
		for (const problem of checkStoryEntry(input).problems) report.problem(problem);
	},
};
