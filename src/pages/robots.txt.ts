import type { APIRoute } from 'astro';
import { absoluteUrl, withBase } from '../site/urls.ts';

/** Points crawlers at both sitemaps. */
export const GET: APIRoute = () =>
	new Response(
		`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(withBase('sitemap-index.xml'))}\nSitemap: ${absoluteUrl(withBase('news-sitemap.xml'))}\n`,
		{ headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
	);
