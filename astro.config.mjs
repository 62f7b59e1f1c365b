// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { join } from 'node:path';
import { siteConfig } from './src/lib/site-config.ts';
import { siteRoot } from './src/lib/site-root.ts';

const ownRoot = siteRoot === process.cwd();

export default defineConfig({
	site: siteConfig.url,
	base: siteConfig.base,
	trailingSlash: 'always',
	// A fixture site built by the tests keeps its caches to itself, so builds can run side by side.
	cacheDir: ownRoot ? undefined : join(siteRoot, '.astro-cache'),
	build: { format: 'directory' },
	integrations: [mdx()],
	vite: {
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
