import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { allCorrections, correctionAnchor } from '../../site/corrections.ts';
import { formatRfc822 } from '../../core/dates.ts';
import { getEditionIndex } from '../../site/edition-index.ts';
import { siteConfig } from '../../config/site-config.ts';
import { absoluteUrl, articlePath, correctionsPath } from '../../site/urls.ts';

/** The newest corrections only, so the feed stays the same size however many accumulate. */
const FEED_LENGTH = 50;

/** The corrections feed, /feeds/corrections.xml: one item per correction, newest first, linking the corrected story. */
export const GET: APIRoute = async () => {
	const { editions } = await getEditionIndex();
	const newest = allCorrections(editions).slice(0, FEED_LENGTH);
	return rss({
		title: `${siteConfig.name} · 更正`,
		description: `${siteConfig.name}刊发稿件的更正`,
		site: absoluteUrl(correctionsPath()),
		trailingSlash: true,
		customData: `<language>${siteConfig.language.toLowerCase()}</language>${newest[0] ? `<lastBuildDate>${formatRfc822(newest[0].correction.date)}</lastBuildDate>` : ''}`,
		// Each item links to its correction on the story page, so two corrections of one story are two items.
		items: newest.map(({ article, correction, index }) => ({
			title: `更正：${article.data.headline}`,
			link: absoluteUrl(`${articlePath(article)}#${correctionAnchor(index)}`),
			description: correction.text,
			customData: `<pubDate>${formatRfc822(correction.date)}</pubDate>`,
		})),
	});
};
