import { join, relative } from 'node:path';
import { projectRoot } from '../config/site-root.ts';
import { formatProblem, type Problem } from '../core/problem.ts';

/** An error as Astro's overlay reads it: a title, the message, a hint, and where to look. */
export interface OverlayError extends Error {
	title: string;
	hint: string;
	loc?: { file: string; line?: number };
}

/**
 * The error `astro dev` shows for invalid content, in the browser's error overlay and in the
 * terminal: the same `file:line  field  message  → fix` lines `npm run check` prints, every problem
 * at once, with the first problem's file and line so the overlay shows the code around it.
 */
export function contentError(problems: Problem[], root: string): OverlayError {
	const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
	const error = new Error(problems.map(formatProblem).join('\n')) as OverlayError;
	error.name = 'ContentError';
	error.title = `Broadsheet found ${count} in the content`;
	error.hint = 'Fix and save the files named above: the page reloads by itself. `npm run check` lists the same problems.';
	// Astro takes a location outside the project for one inside it, so a site root elsewhere gets none.
	const file = problems[0] && join(root, problems[0].file);
	if (file && !relative(projectRoot, file).startsWith('..')) error.loc = { file, line: problems[0].line };
	// Where in Broadsheet's code the problem was noticed would only hide the file the editor must fix.
	error.stack = undefined;
	return error;
}
