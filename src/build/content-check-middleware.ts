import { defineMiddleware } from 'astro:middleware';
import { siteRoot } from '../config/site-root.ts';
import { contentCheckState } from './content-check-state.ts';
import { contentError } from './content-error.ts';

/**
 * In `astro dev`, answers every page with the content's problems while there are any, so the
 * browser shows Broadsheet's own message (file, line, field, fix) in Astro's error overlay instead
 * of whatever a page trips over first.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
	const state = contentCheckState();
	if (state) {
		await state.ready;
		if (state.problems.length > 0) throw contentError(state.problems, siteRoot);
	}
	return next();
});
