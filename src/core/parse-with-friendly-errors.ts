import type { z } from 'astro/zod';
import { formatPath, type Problem } from './problem.ts';

/** Finds the line of a field path in the file the input was read from. */
export type Locate = (path: ReadonlyArray<PropertyKey>) => number | undefined;

type Result<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

/** What a received value looks like in a message: short, and in the editor's terms. */
export function describeReceived(input: unknown): string {
	if (input === undefined) return 'nothing';
	if (input === null) return 'null';
	if (Array.isArray(input)) return `a list of ${input.length}`;
	if (typeof input === 'object') return 'an object';
	const text = JSON.stringify(input instanceof Date ? input.toISOString() : input);
	return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

function messageFor(issue: z.core.$ZodIssue): string {
	const input = 'input' in issue ? issue.input : undefined;
	if (issue.code === 'invalid_type' && input === undefined) {
		return `missing; expected ${issue.expected}`;
	}
	if (issue.code === 'unrecognized_keys') {
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}; expected only the fields the schema documents`;
	}
	if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator && input && typeof input === 'object') {
		return `${issue.message}; received ${describeReceived((input as Record<string, unknown>)[issue.discriminator])}`;
	}
	const message = issue.message.replace(/^Invalid (input|option): /, '');
	// Custom checks write their own complete message, with the received value where it helps.
	if (issue.code === 'custom' || /received/.test(message)) return message;
	return `${message}; received ${describeReceived(input)}`;
}

/**
 * Validates `input` with `schema` and turns every zod issue into a problem that names the file,
 * the field path and its line, what was received and what was expected. Every piece of content
 * (site config, editions, articles, datasets) goes through here.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
	schema: S,
	input: unknown,
	file: string,
	locate: Locate = () => undefined,
): Result<z.output<S>> {
	const result = schema.safeParse(input, { reportInput: true });
	if (result.success) return { ok: true, data: result.data };
	const problems = result.error.issues.map((issue): Problem => {
		const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
		return {
			file,
			line: locate(path) ?? locate(issue.path),
			field: formatPath(path),
			message: messageFor(issue),
		};
	});
	return { ok: false, problems };
}
