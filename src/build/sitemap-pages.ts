import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_LAYOUT } from '../config/site-layout.ts';

/**
 * Which built pages the sitemap lists for the site at `siteRoot`: every edition, page, story and
 * dataset page. The 404 page and the search page are not content, and the page of a date without
 * an edition folder says no edition appeared that day (src/pages/[edition]/index.astro): it is kept
 * out of search engines and so out of the sitemap.
 */
export function sitemapPages(siteRoot: string): (page: string) => boolean {
	const contentDir = join(siteRoot, SITE_LAYOUT.content);
	const editionDates = new Set(existsSync(contentDir) ? readdirSync(contentDir).filter((name) => existsSync(join(contentDir, name, 'edition.json'))) : []);
	return (page) => {
		const path = new URL(page).pathname;
		if (/\/(404|search)\/?$/.test(path)) return false;
		const date = /\/(\d{4}-\d{2}-\d{2})\/$/.exec(path)?.[1];
		return date === undefined || editionDates.has(date);
	};
}
