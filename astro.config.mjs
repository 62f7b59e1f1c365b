// @ts-check
import { defineConfig } from 'astro/config';
import { broadsheet } from './src/build/broadsheet.ts';

export default defineConfig({
	trailingSlash: 'always',
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
	// Astro's own log, less the line it adds when the build stops for content problems the build
	// has already listed (src/build/astro-log.ts).
	logger: { entrypoint: new URL('./src/build/astro-log.ts', import.meta.url) },
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
		// The whole pipeline (src/build/broadsheet.ts): `astro build` checks the content first, then
		// builds, indexes for search, subsets the headline font, writes the sitemaps and publishes into
		// `outDir` only when everything succeeded; `astro dev` shows the content's problems in the
		// browser's overlay. It sets `site` and `base` from site.config.json (or BROADSHEET_URL and
		// BROADSHEET_BASE) and keeps its caches in node_modules/.astro (a site elsewhere, named by
		// BROADSHEET_ROOT, keeps its own).
		broadsheet(),
	],
});
