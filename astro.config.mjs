// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import { ensureHeadlineStylesheet, fontCacheDir } from './src/fonts/headline-font.ts';
import { contentCheck } from './src/build/content-check.ts';
import { presortedSitemap } from './src/build/presorted-sitemap.ts';
import { siteConfig } from './src/config/site-config.ts';
import { astroCacheDir, siteRoot } from './src/config/site-root.ts';
import { xmlText } from './src/core/xml.ts';

ensureHeadlineStylesheet();

// The dates that have an edition folder: a date page without one says no edition appeared that day
// (src/pages/[edition]/index.astro), is kept out of search engines and so out of the sitemap.
const contentDir = join(siteRoot, 'content');
const editionDates = new Set(existsSync(contentDir) ? readdirSync(contentDir).filter((name) => existsSync(join(contentDir, name, 'edition.json'))) : []);
/** @param {string} page */
const inSitemap = (page) => {
	const path = new URL(page).pathname;
	if (/\/(404|search)\/?$/.test(path)) return false;
	const date = /\/(\d{4}-\d{2}-\d{2})\/$/.exec(path)?.[1];
	return date === undefined || editionDates.has(date);
};

export default defineConfig({
	site: siteConfig.url,
	base: siteConfig.base,
	trailingSlash: 'always',
	cacheDir: astroCacheDir,
	build: {
		format: 'directory',
		// Pages are rendered on one thread whatever this says, but an incremental build copies every
		// unchanged page from its cache, and four copies at a time take half as long as one.
		concurrency: 4,
	},
	experimental: {
		// Pages whose content is unchanged (their getStaticPaths `cacheKey`, src/site/cache-key.ts) and
		// whose code is unchanged are copied from the last build instead of rendered: a correction to one
		// story renders that story's page, not the archive. The cache lives in `cacheDir`, which CI keeps.
		incrementalBuild: true,
	},
	// Astro renders no Markdown here (stories are compiled by src/stories/), but its default
	// highlighter, Shiki, writes inline styles that the CSP below refuses, and Astro warns about it.
	markdown: { syntaxHighlight: false },
	security: {
		// A strict policy in every page's <meta>: Astro adds the hashes of the scripts and styles it
		// bundles; nothing inline runs. Pagefind (search page only) needs WebAssembly.
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
		},
	},
	integrations: [
		// Every edition, page, story and dataset page; the 404 page, the search page and the pages of dates without an edition are not content.
		presortedSitemap({
			filter: inSitemap,
			// Addresses come from checked ids and slugs; characters XML does not allow are dropped all the same.
			serialize: (item) => ({ ...item, url: xmlText(item.url) }),
		}),
		// `astro dev` validates the content like `npm run check` and shows problems in the browser's overlay.
		contentCheck(),
	],
	vite: {
		// The layout imports the headline font's stylesheet, generated per build from the site's characters.
		resolve: { alias: { 'broadsheet:fonts': fontCacheDir } },
	},
});
