import type { SiteInput } from '../entries.ts';
import { correctionProblems } from '../reader-edition.ts';
import type { Rule } from '../rule.ts';

/** A correction points at a dataset and figure that exist, and a dataset's correction at a figure it changed. */
export const corrections: Rule<SiteInput> = {
	name: 'corrections',
	description: 'corrections name datasets and figures that exist, and say what a corrected figure was',
	check({ site }, report) {
		for (const problem of correctionProblems(site)) report.problem(problem);
	},
};
