import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey } from '../../site/cache-key.ts';
import { formatPageNumber, formatRfc822 } from '../../core/dates.ts';
import { getEditionIndex, type ArticleEntry } from '../../site/edition-index.ts';
import { siteConfig } from '../../config/site-config.ts';
import { absoluteUrl, articlePath, withBase } from '../../site/urls.ts';
import { xmlText } from '../../core/xml.ts';
import { publicationInstant } from '../../schemas/iso-date.ts';

/** A feed carries the newest stories only, so it stays the same size however large the archive grows. */
const FEED_LENGTH = 50;

type Feed = {
	title: string;
	articles: ArticleEntry[];
};

/** One feed for the whole site, one per page number (第05版), one per column (文旅看台). */
export const getStaticPaths = (async () => {
	const { editions } = await getEditionIndex();
	const articles = editions.flatMap((edition) => edition.articles);
	const feeds = new Map<string, Feed>([['all', { title: `${siteConfig.name}`, articles }]]);
	for (const edition of editions) {
		for (const page of edition.pages) {
			const name = `page-${formatPageNumber(page.number)}`;
			const feed = feeds.get(name) ?? { title: `${siteConfig.name} · 第${formatPageNumber(page.number)}版：${page.name}`, articles: [] };
			feed.articles.push(...page.articles);
			feeds.set(name, feed);
		}
	}
	for (const article of articles) {
		const { column } = article.data;
		if (!column) continue;
		const name = `column-${column}`;
		const feed = feeds.get(name) ?? { title: `${siteConfig.name} · ${column}`, articles: [] };
		feed.articles.push(article);
		feeds.set(name, feed);
	}
	return [...feeds].map(([feed, { title, articles }]) => {
		// Newest first; stories published at the same moment keep their print order (the sort is stable).
		const newest = articles.toSorted((a, b) => Date.parse(publicationInstant(b.data.publishedAt)) - Date.parse(publicationInstant(a.data.publishedAt))).slice(0, FEED_LENGTH);
		return { params: { feed }, props: { title, articles: newest }, cacheKey: cacheKey(title, newest.map(({ id, data }) => [id, data])) };
	});
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { title, articles: newest } = props as Feed;
	// @astrojs/rss escapes markup but passes on characters XML does not allow; they are dropped here.
	return rss({
		title: xmlText(title),
		description: xmlText(siteConfig.description),
		site: absoluteUrl(withBase('/')),
		trailingSlash: true,
		// RSS wants the language in lower case and dates in RFC 822; @astrojs/rss writes dates in GMT,
		// so each item's pubDate is written here in Beijing time instead.
		customData: `<language>${siteConfig.language.toLowerCase()}</language>${
			newest[0] ? `<lastBuildDate>${formatRfc822(newest[0].data.updatedAt ?? publicationInstant(newest[0].data.publishedAt))}</lastBuildDate>` : ''
		}`,
		items: newest.map((article) => ({
			title: xmlText([article.data.kicker, article.data.headline].filter(Boolean).join('：')),
			link: xmlText(absoluteUrl(articlePath(article))),
			description: xmlText(article.data.summary),
			categories: [article.data.column].filter((column): column is string => Boolean(column)).map(xmlText),
			customData: `<pubDate>${formatRfc822(publicationInstant(article.data.publishedAt))}</pubDate>`,
		})),
	});
};
