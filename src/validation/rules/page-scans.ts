import type { SiteInput } from '../entries.ts';
import { pageScanProblems } from '../reader-edition.ts';
import type { Rule } from '../rule.ts';

/** An edition's page scans exist next to it, and their story regions lie inside them, one per story of the page. */
export const pageScans: Rule<SiteInput> = {
	name: 'page-scans',
	description: "an edition's page scans exist, and each story of a page has one region inside its scan",
	async check({ site, root }, report) {
		for (const problem of await pageScanProblems(site, root)) report.problem(problem);
	},
};
