/** One thing wrong with the content, told to the person who can fix it. */
export interface Problem {
	/** The file, relative to the site root, such as `data/erqi-governance.json`. */
	file: string;
	/** The line in that file, where one can be named. */
	line?: number;
	/** The field path, such as `figures[3].value`; empty for the whole file. */
	field: string;
	/** What was received and what was expected. */
	message: string;
	/** How to fix it, where that is not obvious from the message. */
	hint?: string;
}

/** Thrown when content is invalid; carries every problem found, not just the first. */
export class ContentError extends Error {
	readonly problems: Problem[];
	constructor(problems: Problem[]) {
		super(formatProblems(problems));
		this.name = 'ContentError';
		this.problems = problems;
	}
}

/** `figures[3].value` from `['figures', 3, 'value']`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	return path
		.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
		.join('');
}

/** `data/x.json:12  figures[3].value  expected …  → fix`, one problem per line. */
export function formatProblem(problem: Problem): string {
	const place = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const field = problem.field || '(file)';
	const hint = problem.hint ? `  → ${problem.hint}` : '';
	return `${place}  ${field}  ${problem.message}${hint}`;
}

export function formatProblems(problems: Problem[]): string {
	const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
	return [`Broadsheet found ${count} in the content:`, ...problems.map((problem) => `  ${formatProblem(problem)}`)].join('\n');
}
