/**
 * Why `npm run new` could not create a file, told to the editor who ran it: what is wrong and how
 * to fix it, in the same `message  → hint` form `npm run check` uses.
 */
export class ScaffoldError extends Error {
	readonly hint?: string;
	constructor(message: string, hint?: string) {
		super(message);
		this.name = 'ScaffoldError';
		this.hint = hint;
	}
}

/** The file a scaffold wrote, relative to the site root, and what the editor should know about it. */
export interface Scaffolded {
	file: string;
	/** Lines printed after "Created <file>". */
	notes: string[];
}
