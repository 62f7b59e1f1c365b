import type { APIRoute } from 'astro';
import { getEditionIndex } from '../site/edition-index.ts';
import { siteConfig } from '../config/site-config.ts';
import { absoluteUrl, articlePath } from '../site/urls.ts';
import { escapeXml } from '../core/xml.ts';
import { publicationInstant } from '../schemas/iso-date.ts';

/** Google News takes only stories published in the last two days… */
const NEWS_WINDOW_MS = 2 * 24 * 3600_000;
/** …and at most 1,000 of them per sitemap: a daily prints some 100 in two days, so the newest 1,000 lose nothing. */
const NEWS_LIMIT = 1000;

/**
 * The Google News sitemap: every story published within two days of the newest story, newest first,
 * whichever edition it belongs to (yesterday's stories are still news today). Measured from the
 * content, not the build machine's clock, so builds are repeatable; the size is bounded by the
 * window, not by the archive.
 */
export const GET: APIRoute = async () => {
	const { editions } = await getEditionIndex();
	// One pass over the archive's stories for this one file: a story's publication time is not tied
	// to its edition's date (a story may be published later), so no edition can be skipped unread.
	const stories = editions.flatMap((edition) => edition.articles.map((article) => ({ article, published: Date.parse(publicationInstant(article.data.publishedAt)) })));
	// Not Math.max(...times): a spread of 100,000 arguments overflows the call stack.
	const newest = stories.reduce((max, { published }) => Math.max(max, published), -Infinity);
	const recent = stories
		.filter(({ published }) => newest - published <= NEWS_WINDOW_MS)
		// Newest first; stories published at the same moment keep their print order (the sort is stable).
		.sort((a, b) => b.published - a.published)
		.slice(0, NEWS_LIMIT)
		.map(({ article }) => article);
	const urls = recent.map(
		(article) => `<url>
<loc>${escapeXml(absoluteUrl(articlePath(article)))}</loc>
<news:news>
<news:publication><news:name>${escapeXml(siteConfig.name)}</news:name><news:language>${siteConfig.language.toLowerCase()}</news:language></news:publication>
<news:publication_date>${publicationInstant(article.data.publishedAt)}</news:publication_date>
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
