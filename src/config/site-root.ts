import { join, resolve } from 'node:path';

/** The folders a build reads and writes, as {@link siteFolders} derives them. */
export interface SiteFolders {
	/** The Broadsheet project folder (where package.json is). */
	projectRoot: string;
	/** The folder holding `site.config.json`, `content/` and `data/`. */
	siteRoot: string;
	/** Where Astro and Broadsheet keep caches between builds. */
	astroCacheDir: string;
	/** Broadsheet's own caches, inside Astro's. */
	broadsheetCacheDir: string;
}

/**
 * The folders of a command run in `cwd` (the project folder) with the environment `env`: the site
 * root is `BROADSHEET_ROOT` or the project folder; the caches are in `BROADSHEET_CACHE_DIR` when it
 * is set, otherwise the project's own site keeps them in `node_modules/.astro` and any other site in
 * its own `.astro-cache`, so builds of different sites never share a cache.
 */
export function siteFolders(env: NodeJS.ProcessEnv, cwd: string): SiteFolders {
	const projectRoot = resolve(cwd);
	const siteRoot = resolve(projectRoot, env.BROADSHEET_ROOT ?? projectRoot);
	const astroCacheDir = env.BROADSHEET_CACHE_DIR
		? resolve(projectRoot, env.BROADSHEET_CACHE_DIR)
		: projectRoot === siteRoot
			? join(projectRoot, 'node_modules/.astro')
			: join(siteRoot, '.astro-cache');
	return { projectRoot, siteRoot, astroCacheDir, broadsheetCacheDir: join(astroCacheDir, 'broadsheet') };
}

/**
 * In Astro's bundle (pages, content loaders), the folders of the site being built, which the
 * broadsheet() integration writes into the bundle (Vite's `define`): a process that builds several
 * sites one after another gets each site's folders, not those of the first build. Elsewhere (the
 * command-line scripts and their workers) they come from the environment.
 */
const given: string | undefined = typeof import.meta.env === 'undefined' ? undefined : import.meta.env.BROADSHEET_SITE_FOLDERS;
const folders: SiteFolders = given ? (JSON.parse(given) as SiteFolders) : siteFolders(process.env, process.cwd());

/**
 * The Broadsheet project folder (where package.json is), where every command runs. It is not
 * derived from `import.meta.url`, which points into the bundle once Astro has built a page.
 */
export const projectRoot = folders.projectRoot;

/**
 * The folder holding `site.config.json`, `content/` and `data/`. The project folder by default;
 * `BROADSHEET_ROOT` points a build at another one (the tests build fixture sites this way).
 */
export const siteRoot = folders.siteRoot;

/** True when the site being built is the project's own sample site. */
export const isProjectSite = projectRoot === siteRoot;

/**
 * Where Astro and Broadsheet keep caches between builds (fonts, social cards, Astro's own data
 * store). A fixture site keeps its caches to itself, so builds can run side by side. CI keeps this
 * folder between runs.
 */
export const astroCacheDir = folders.astroCacheDir;

/** Broadsheet's own caches, inside Astro's. */
export const broadsheetCacheDir = folders.broadsheetCacheDir;
