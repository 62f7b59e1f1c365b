import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import type { BuildEffects, BuildRun } from './build-site.ts';
import { currentBuildRun } from './current-run.ts';
import { ensureHeadlineStylesheet } from '../fonts/headline-font.ts';
import { buildProgress } from './build-progress.ts';
import { contentCheck } from './content-check.ts';
import { presortedSitemap } from './presorted-sitemap.ts';
import { sitemapPages } from './sitemap-pages.ts';
import { linkPackagesBesideWorkFolder } from './work-folder.ts';
import { loadSiteConfig } from '../config/load-site-config.ts';
import type { SiteFolders } from '../config/site-root.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { xmlText } from '../core/xml.ts';

/**
 * Broadsheet as an Astro integration: `astro build`, `npm run build` and `astro dev` run the same
 * pipeline (src/build/build-site.ts). A build checks the content while Astro loads, builds into
 * the work folder only when it is valid, then writes the sitemaps, the search index and publishes
 * to the configured output folder; `astro dev` checks the content and shows its problems in the
 * browser's overlay (content-check.ts). This entry only wires Astro's hooks to those steps.
 *
 * It is a list: the sitemap comes first, so it is written into the work folder before the publish.
 */
export function broadsheet(): AstroIntegration[] {
	/** Which pages the sitemap lists; set for the site being built once its root is known. */
	let inSitemap: (page: string) => boolean = () => true;
	const sitemap = presortedSitemap({
		filter: (page) => inSitemap(page),
		// Addresses come from checked ids and slugs; characters XML does not allow are dropped all the same.
		serialize: (item) => ({ ...item, url: xmlText(item.url) }),
	});
	return [sitemap, pipeline((root) => (inSitemap = sitemapPages(root)))];
}

/** The pipeline's hooks; `siteRootKnown` is told the root of the site being built or served. */
function pipeline(siteRootKnown: (siteRoot: string) => void): AstroIntegration {
	const dev = contentCheck();
	let run: BuildRun | undefined;
	/** Set under plain `astro build`, which has no `buildSite` around it: the integration holds the lock and ends the process on invalid content. */
	let releaseLock: (() => Promise<void>) | undefined;

	/** Waits for the content check; under plain `astro build`, invalid content ends the process with the build's own message. */
	const contentChecked = async () => {
		try {
			await run!.checkedContent();
		} catch (error) {
			if (!releaseLock || (error as Error | undefined)?.name !== 'ContentProblemsError') throw error;
			// Astro is waiting on this hook, before it syncs or bundles anything: nothing is left half-written.
			for (const stream of [process.stdout, process.stderr]) await new Promise((done) => stream.write('', done));
			process.exit(1);
		}
	};

	let progress: AstroIntegration['hooks'] = {};

	return {
		name: 'broadsheet',
		hooks: {
			'astro:config:setup': async (params) => {
				const { command, config, updateConfig } = params;
				run = command === 'build' ? currentBuildRun() : undefined;
				let effects = run?.effects;
				if (!effects) {
					// Only without `npm run build` around Astro (`astro build`, `astro dev`): that build has the
					// pipeline loaded, and Astro loads this config through Vite, which would compile the
					// pipeline's modules once more for every build.
					const pipeline = await import('./build-site.ts');
					effects = pipeline.effectsFromEnvironment(process.env, process.cwd(), fileURLToPath(config.outDir));
					if (command === 'build') {
						const { acquireBuildLock } = await import('./build-lock.ts');
						releaseLock = await acquireBuildLock(effects.projectRoot);
						run = new pipeline.BuildRun(effects);
					}
				}
				siteRootKnown(effects.siteRoot);
				// The content check starts at once, on the other core, while Astro loads.
				run?.start();
				let site: SiteConfig;
				try {
					// Read for each build, not when the config is imported: a process that builds several
					// sites (the tests) imports it once.
					site = loadSiteConfig(effects.siteRoot, process.env);
				} catch (error) {
					// An invalid site.config.json is reported as the check reports it, with every other problem.
					if (run) await contentChecked();
					throw error;
				}
				const fonts = join(effects.cacheDir, 'broadsheet/fonts');
				// The layout imports the headline font's stylesheet, which a build makes from the checked
				// content; `astro dev` and `astro check` get a placeholder until then.
				ensureHeadlineStylesheet(fonts);
				updateConfig({
					site: site.url,
					base: site.base,
					cacheDir: pathToFileURL(`${effects.cacheDir}/`),
					vite: {
						// Vite's own cache (the dev server's prebundled dependencies) with the site's other caches.
						cacheDir: join(effects.cacheDir, 'vite'),
						resolve: { alias: { 'broadsheet:fonts': fonts } },
						// The folders of this site, for the code in Astro's bundle (src/config/site-root.ts).
						define: { 'import.meta.env.BROADSHEET_SITE_FOLDERS': JSON.stringify(JSON.stringify(siteFolders(effects))) },
					},
				});
				if (command === 'dev') await dev.hooks['astro:config:setup']?.(params);
				if (!run) return;
				const current = run;
				progress = buildProgress({
					beforeBundle: async () => {
						await contentChecked();
						await current.loadedContent();
					},
					bundled: () => current.bundled(),
					rendered: (done, total) => current.rendered(done, total),
					generated: (rendered, total) => current.generated(rendered, total),
					finished: (pages, files) => current.finished(pages, files),
				}).hooks;
				// Astro builds into the work folder, kept between builds; readers get the site only once
				// everything succeeded, copied to the configured output folder.
				updateConfig({ outDir: pathToFileURL(`${run.work.path}/`), vite: { build: { emptyOutDir: false }, plugins: [stopOnceInvalid(run)] } });
				linkPackagesBesideWorkFolder(run.work.path, effects.projectRoot);
			},
			'astro:config:done': async () => {
				// Plain `astro build` would otherwise trip over invalid content while it loads it, with
				// Astro's message instead of the build's own. A build whose check has found problems
				// already stops here too, before Astro loads the content for nothing.
				if (releaseLock || run?.invalid) await contentChecked();
			},
			'astro:server:setup': (params) => dev.hooks['astro:server:setup']?.(params),
			'astro:build:start': (params) => progress['astro:build:start']?.(params),
			'astro:build:done': async (params) => {
				await progress['astro:build:done']?.(params);
				await run!.publish();
				await releaseLock?.();
				releaseLock = undefined;
			},
		},
	};
}

/**
 * Stops Astro loading the site's own modules once the content check has found problems. After
 * `astro:config:done` Astro compiles the content config and what it imports (schemas, loaders, the
 * story compiler: about 40 modules, half a second) before the loaders can see that the build will
 * stop; a check that fails meanwhile ends the build at the next module. Nothing has been loaded into
 * Astro's content store yet (its loaders import nothing when they run), and the build reports the
 * check's problems, as it does when it stops before bundling.
 */
function stopOnceInvalid(run: BuildRun): Plugin {
	return {
		name: 'broadsheet:stop-once-invalid',
		load: {
			filter: { id: /\/src\/.*\.ts$/ },
			async handler() {
				// Reports the problems and throws the build's ContentProblemsError.
				if (run.invalid) await run.checkedContent();
				return null;
			},
		},
	};
}

function siteFolders(effects: BuildEffects): SiteFolders {
	return { projectRoot: effects.projectRoot, siteRoot: effects.siteRoot, astroCacheDir: effects.cacheDir, broadsheetCacheDir: join(effects.cacheDir, 'broadsheet') };
}
