import type { APIRoute } from 'astro';
import { getEditionIndex } from '../lib/edition-index.ts';
import { siteConfig } from '../lib/site-config.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';
import { escapeXml } from '../lib/xml.ts';

/** Google News takes only stories published in the last two days. */
const NEWS_WINDOW_MS = 2 * 24 * 3600_000;

/**
 * The Google News sitemap: the stories of the newest edition published within two days of its
 * newest story. Measured from the content, not the build machine's clock, so builds are repeatable.
 */
export const GET: APIRoute = async () => {
	const { editions } = await getEditionIndex();
	const articles = editions[0]?.articles ?? [];
	const newest = Math.max(...articles.map((article) => Date.parse(article.data.publishedAt)));
	const recent = articles.filter((article) => newest - Date.parse(article.data.publishedAt) <= NEWS_WINDOW_MS);
	const urls = recent.map(
		(article) => `<url>
<loc>${escapeXml(absoluteUrl(articlePath(article)))}</loc>
<news:news>
<news:publication><news:name>${escapeXml(siteConfig.name)}</news:name><news:language>${siteConfig.language.toLowerCase()}</news:language></news:publication>
<news:publication_date>${article.data.publishedAt}</news:publication_date>
<news:title>${escapeXml(article.data.headline)}</news:title>
</news:news>
</url>`,
	);
	const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}
</urlset>
`;
	return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
