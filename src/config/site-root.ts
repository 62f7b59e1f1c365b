import { join, resolve } from 'node:path';

/**
 * The Broadsheet project folder (where package.json is), where every command runs. It is not
 * derived from `import.meta.url`, which points into the bundle once Astro has built a page.
 */
export const projectRoot = resolve(process.cwd());

/**
 * The folder holding `site.config.json`, `content/` and `data/`. The project folder by default;
 * `BROADSHEET_ROOT` points a build at another one (the tests build fixture sites this way).
 */
export const siteRoot = resolve(process.env.BROADSHEET_ROOT ?? projectRoot);

/** True when the site being built is the project's own sample site. */
export const isProjectSite = projectRoot === siteRoot;

/**
 * Where Astro and Broadsheet keep caches between builds (fonts, social cards, Astro's own data
 * store). A fixture site keeps its caches to itself, so builds can run side by side. CI keeps this
 * folder between runs.
 */
export const astroCacheDir = isProjectSite ? join(projectRoot, 'node_modules/.astro') : join(siteRoot, '.astro-cache');

/** Broadsheet's own caches, inside Astro's. */
export const broadsheetCacheDir = join(astroCacheDir, 'broadsheet');
