import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/** The order @astrojs/sitemap puts its URLs in (`a.localeCompare(b, 'en', { numeric: true })`), with one collator for every comparison. */
const sitemapOrder = new Intl.Collator('en', { numeric: true }).compare;

/**
 * @astrojs/sitemap, handed the built pages already in the order it sorts them in. It sorts with
 * `localeCompare` and a locale, which sets up a collator for each comparison: 0.6 s for 14,000
 * pages on every build. Sorting first with one collator (30 ms) leaves its own sort one pass over
 * an ordered list; what it writes is the same.
 */
export function presortedSitemap(options: Parameters<typeof sitemap>[0]): AstroIntegration {
	const integration = sitemap(options);
	const done = integration.hooks['astro:build:done'];
	if (!done) return integration;
	return {
		...integration,
		hooks: {
			...integration.hooks,
			'astro:build:done': (params) => done({ ...params, pages: [...params.pages].sort((a, b) => sitemapOrder(a.pathname, b.pathname)) }),
		},
	};
}
