import type { StoryInput } from '../entries.ts';
import { halfWidthPunctuation as findHalfWidth } from '../half-width-punctuation.ts';
import type { Rule } from '../rule.ts';

/** A warning for half-width punctuation in a story's Chinese sentences, which the site prints full-width. */
export const halfWidthPunctuation: Rule<StoryInput> = {
	name: 'half-width-punctuation',
	description: "warns of half-width punctuation in a story's Chinese sentences (the site prints it full-width)",
	check({ story: { file, tree, bodyLine } }, report) {
		for (const warning of findHalfWidth(tree, { file, bodyLine })) report.warning(warning);
	},
};
