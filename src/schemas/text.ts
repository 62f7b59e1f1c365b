import { z } from 'astro/zod';
import { showText, textProblem } from '../core/plain-text.ts';

export { BIDI_CONTROLS, CONTROL_CHARACTERS, showText, textProblem } from '../core/plain-text.ts';

/**
 * A text field: trimmed, free of control characters and bidirectional controls, and holding at
 * least one visible character. Every text field of every schema is one of these, so one rule
 * holds for headlines, labels, captions and notes alike. `message` says what was expected when
 * the field is empty; with `minLength` it also says what was expected of text that is too short
 * (alt text a screen-reader user can use), empty text included: one message for one cause.
 */
export function text(message?: string, { minLength = 1 }: { minLength?: number } = {}) {
	return z
		.string()
		.trim()
		.check((ctx) => {
			const tooShort = minLength > 1 && [...ctx.value].length < minLength;
			const problem = tooShort && ctx.value === '' ? undefined : textProblem(ctx.value);
			if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: ctx.value === '' && message ? message : problem });
			else if (tooShort) ctx.issues.push({ code: 'custom', input: ctx.value, message: `${message ?? `expected at least ${minLength} characters`}; received ${showText(ctx.value)}` });
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
