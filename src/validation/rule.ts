import type { Problem } from '../core/problem.ts';

/** Where a rule reports what it finds. */
export interface Report {
	/** Something wrong that stops the build. */
	problem(problem: Problem): void;
	/** Something an editor should look at that does not stop the build. */
	warning(problem: Problem): void;
	/**
	 * A number in a headline, summary, caption or chart text that no figure prints: a problem, which
	 * a figure whose value changed may later explain (see rules/figure-sources.ts).
	 */
	unprinted(problem: Problem, printed: string): void;
	/** Withdraws a problem reported before, which one found later explains (reported once per cause). */
	withdraw(problem: Problem): void;
}

/**
 * One check of the content, in the style of remark-lint's rules: a name, what it checks, and a
 * function from the content entries (src/validation/entries.ts) to what it finds. The rules are
 * run, in the order rules/index.ts lists them, by validate-site.ts.
 */
export interface Rule<Input> {
	/** The rule's name, its file's name in src/validation/rules/. */
	readonly name: string;
	/** What it checks, in a sentence. */
	readonly description: string;
	check(input: Input, report: Report): void | Promise<void>;
}

/** What a rule reported: problems (numbers no figure prints among them), warnings. */
export interface Reported {
	problems: Problem[];
	warnings: Problem[];
	/** The problems reported as `unprinted`, with the number each is about. */
	unprinted: { problem: Problem; printed: string }[];
}

/** Runs one rule on its input and returns what it reported (the tests' way to run a rule alone). */
export async function runRule<Input>(rule: Rule<Input>, input: Input): Promise<Reported> {
	const reported: Reported = { problems: [], warnings: [], unprinted: [] };
	await rule.check(input, reportInto(reported));
	return reported;
}

/** A report that adds to `reported`. */
export function reportInto(reported: Reported, onUnprinted?: (problem: Problem, printed: string) => void): Report {
	return {
		problem: (problem) => void reported.problems.push(problem),
		warning: (problem) => void reported.warnings.push(problem),
		unprinted: (problem, printed) => {
			reported.problems.push(problem);
			reported.unprinted.push({ problem, printed });
			onUnprinted?.(problem, printed);
		},
		withdraw: (problem) => {
			const index = reported.problems.indexOf(problem);
			if (index >= 0) reported.problems.splice(index, 1);
		},
	};
}
