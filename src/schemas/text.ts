import { z } from 'astro/zod';
import { showText, textProblem } from '../lib/plain-text.ts';

export { BIDI_CONTROLS, CONTROL_CHARACTERS, showText, textProblem } from '../lib/plain-text.ts';

/**
 * A text field: trimmed, free of control characters and bidirectional controls, and holding at
 * least one visible character. Every text field of every schema is one of these, so one rule
 * holds for headlines, labels, captions and notes alike.
 */
export function text(message?: string) {
	return z
		.string()
		.trim()
		.check((ctx) => {
			const problem = textProblem(ctx.value);
			if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: ctx.value === '' && message ? message : problem });
		});
}

/** Characters a value that becomes part of an address or a file name may not hold, as an editor would read them. */
const SEGMENT_UNSAFE = /[\s/\\:*?"<>|#%]/u;

/**
 * Text that also becomes part of a page's address and file name, such as a column name (栏目),
 * which names its feed `feeds/column-文旅看台.xml`: Chinese is fine; spaces, a slash, backslash,
 * colon, `* ? " < > | # %` and leading dots are not.
 */
export function urlSegmentText(what: string) {
	return text().check((ctx) => {
		const unsafe = SEGMENT_UNSAFE.exec(ctx.value);
		if (unsafe || ctx.value.startsWith('.')) {
			ctx.issues.push({
				code: 'custom',
				input: ctx.value,
				message: `received ${showText(ctx.value)}; expected ${what} without spaces, / \\ : * ? " < > | # % or a leading dot, since it becomes part of an address`,
			});
		}
	});
}
