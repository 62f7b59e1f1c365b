import { formatPageNumber } from '../core/dates.ts';

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

/** The archive's front: the newest month's editions and a link to every year, `/archive/`. */
export const archivePath = () => withBase('archive/');

/** A year of the archive, listing its months: `/archive/2024/`. */
export const archiveYearPath = (year: string) => withBase(`archive/${year}/`);

/** A month of the archive, listing its editions: `2024-09` is `/archive/2024/09/`. */
export const archiveMonthPath = (month: string) => withBase(`archive/${month.slice(0, 4)}/${month.slice(5, 7)}/`);

/**
 * A page of the list of datasets: the first is `/data/`, the others `/data/page/2/`. Not `/data/2/`:
 * a dataset may be named `2`, and its page lives at `/data/2/`.
 */
export const datasetListPath = (page = 1) => withBase(page === 1 ? 'data/' : `data/page/${page}/`);

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

/** A chart's picture: `/data/erqi-governance/organisations.svg` or `.png`. */
export const chartDownloadPath = (datasetId: string, chartId: string, format: 'svg' | 'png') => withBase(`data/${datasetId}/${chartId}.${format}`);

/** A page's PDF, when its scan has one: `/2024-09-18/05/2024-09-18-05.pdf`, named so a download says which page it is. */
export const pagePdfPath = (date: string, page: number) => withBase(`${date}/${formatPageNumber(page)}/${date}-${formatPageNumber(page)}.pdf`);

/** The public list of corrections (更正), newest first: `/corrections/`. */
export const correctionsPath = () => withBase('corrections/');

/** The corrections policy (更正政策): `/corrections/policy/`. */
export const correctionsPolicyPath = () => withBase('corrections/policy/');
