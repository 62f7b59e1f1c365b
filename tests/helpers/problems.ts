import type { z } from 'astro/zod';
import { parseWithFriendlyErrors } from '../../src/core/parse-with-friendly-errors.ts';
import { formatProblem } from '../../src/core/problem.ts';

/** The messages a schema gives for an input, one formatted line each, as the build prints them. */
export function messagesFor(schema: z.ZodType, input: unknown, file = 'file.json'): string[] {
	const result = parseWithFriendlyErrors(schema, input, file);
	return result.ok ? [] : result.problems.map(formatProblem);
}
