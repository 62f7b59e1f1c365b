// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { ensureHeadlineStylesheet, fontCacheDir } from './src/fonts/headline-font.ts';
import { siteConfig } from './src/lib/site-config.ts';
import { astroCacheDir } from './src/lib/site-root.ts';

ensureHeadlineStylesheet();

export default defineConfig({
	site: siteConfig.url,
	base: siteConfig.base,
	trailingSlash: 'always',
	cacheDir: astroCacheDir,
	build: { format: 'directory' },
	integrations: [
		mdx(),
		// Every edition, page, story and dataset page; the 404 page and the search page are not content.
		sitemap({ filter: (page) => !/\/(404|search)\/?$/.test(new URL(page).pathname) }),
	],
	vite: {
		// The layout imports the headline font's stylesheet, generated per build from the site's characters.
		resolve: { alias: { 'broadsheet:fonts': fontCacheDir } },
		build: {
			rolldownOptions: {
				onwarn(warning, warn) {
					// Every .mdx module carries Astro's "use astro:head-inject" directive, and Vite warns about
					// it once per story (withastro/astro#18087): thousands of lines that hide the one that matters.
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
					warn(warning);
				},
			},
		},
	},
});
