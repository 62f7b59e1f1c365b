import type { StoryInput } from '../entries.ts';
import type { Rule } from '../rule.ts';
import { unboundNumbers as findUnboundNumbers } from '../unbound-numbers.ts';

/** A warning for a number in a story's prose that no figure of its datasets prints (see ../unbound-numbers.ts). */
export const unboundNumbers: Rule<StoryInput> = {
	name: 'unbound-numbers',
	description: "warns of a number with a unit in a story's prose that no figure of its datasets prints",
	check({ story: { file, data, tree, bodyLine }, datasets: { lookup } }, report) {
		const listed = data.datasets.filter((dataset) => lookup.has(dataset));
		const figures = listed.flatMap((dataset) => [...lookup.get(dataset)!.figures.values()]);
		for (const warning of findUnboundNumbers(tree, { file, bodyLine, datasets: listed, figures })) report.warning(warning);
	},
};
