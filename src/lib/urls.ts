import { formatPageNumber } from './dates.ts';

/** Joins a site path to the configured base path: `/2024-09-18/` under `/paper/` is `/paper/2024-09-18/`. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return `${prefix}${path.replace(/^\//, '')}`;
}

/** The edition overview: `/2024-09-18/`. */
export const editionPath = (date: string) => withBase(`${date}/`);

/** A page (版面) of an edition: `/2024-09-18/05/`. */
export const pagePath = (date: string, page: number) => withBase(`${date}/${formatPageNumber(page)}/`);

/** An article: `/2024-09-18/05/erqi-louyuan-zhili/`. */
export const articlePath = (article: { id: string; data: { edition: string; page: number } }) =>
	withBase(`${article.data.edition}/${formatPageNumber(article.data.page)}/${article.id.split('/').at(-1)}/`);

/** A dataset's page: `/data/erqi-governance/`. */
export const datasetPath = (id: string) => withBase(`data/${id}/`);

/** The archive of every edition: `/archive/`. */
export const archivePath = () => withBase('archive/');

/** The search page, optionally with a query: `/search/?q=楼院`. */
export const searchPath = (query?: string) => withBase(query ? `search/?q=${encodeURIComponent(query)}` : 'search/');

/** An RSS feed: the whole site (`all`), a page (`page-05`) or a column (`column-文旅看台`). */
export const feedPath = (name: string) => withBase(`feeds/${name}.xml`);

/** The social card of an article: `/og/2024-09-18/erqi-louyuan-zhili.png`. */
export const socialCardPath = (articleId: string) => withBase(`og/${articleId}.png`);

/** A site path as an absolute URL on the configured origin, for canonical links, feeds and sitemaps. */
export function absoluteUrl(path: string, site: string | URL | undefined = import.meta.env.SITE): string {
	return new URL(path, site).href;
}

/** A dataset's download: `/data/erqi-governance.csv` or `.json`. */
export const datasetDownloadPath = (id: string, format: 'csv' | 'json') => withBase(`data/${id}.${format}`);
