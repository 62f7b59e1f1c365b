import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { currentCardFont, HEADLINE_FONT_SOURCE } from '../../fonts/headline-font.ts';
import { formatEditionDate, formatPageNumber } from '../../core/dates.ts';
import { getEditionIndex, storyCacheKey, type ArticleEntry, type IndexedEdition } from '../../site/edition-index.ts';
import { siteConfig } from '../../config/site-config.ts';
import { renderToString, withPresentationAttributes } from '../../charts/index.ts';
import { originCredit } from '../../charts/chart-figure.ts';
import { renderDatasetChart } from '../../charts/dataset-charts.ts';
import { cachedSocialCardFile, recordCardPage, useCardPages } from '../../social/card-cache.ts';
import type { CardFontFiles } from '../../social/card-font.ts';
import { CardsAhead } from '../../social/cards-ahead.ts';
import type { SocialCard } from '../../social/social-card.ts';
import { storyComponents } from '../../stories/compile-story.ts';
import { readCompiledStory } from '../../stories/story-cache.ts';

/** The cards of this build, drawn in worker threads ahead of their pages; `astro dev` draws each when asked. */
let cardsAhead: CardsAhead | undefined;

/** One social card per story, at /og/<edition>/<slug>.png. */
export const getStaticPaths = (async () => {
	const index = await getEditionIndex();
	const paths = index.editions.flatMap((edition) =>
		edition.articles.map((article) => ({ params: { article: article.id }, props: { edition, article }, cacheKey: storyCacheKey(index, edition, article) })),
	);
	// Astro calls every route's getStaticPaths before it renders any page, and then renders one page
	// at a time: starting the cards here lets worker threads draw them while the main thread renders.
	if (!import.meta.env.DEV) {
		// The kept cards of pages Astro copies from its own cache are still this build's.
		useCardPages(paths.map(({ params }) => params.article));
		const fonts = await cardFonts();
		cardsAhead ??= new CardsAhead(
			paths.map(({ props: { edition, article } }) => ({ id: article.id, card: () => socialCard(edition, article) })),
			{ fonts },
		);
	}
	return paths;
}) satisfies GetStaticPaths;

let fonts: Promise<CardFontFiles> | undefined;

/** The build's subset face, and the whole face for what it lacks (and for `astro dev` before any build). */
function cardFonts(): Promise<CardFontFiles> {
	fonts ??= currentCardFont().then((subset) => ({ subset: subset?.file, source: HEADLINE_FONT_SOURCE }));
	return fonts;
}

/** What a story's card shows. */
async function socialCard(edition: IndexedEdition, article: ArticleEntry): Promise<SocialCard> {
	const page = edition.pages.find((p) => p.number === article.data.page)!;
	return {
		siteName: siteConfig.name,
		kicker: article.data.kicker,
		headline: article.data.headline,
		dateLine: formatEditionDate(edition.date),
		pageLine: `第${formatPageNumber(page.number)}版：${page.name}${article.data.column ? ` · ${article.data.column}` : ''}`,
		...(await leadChart(article)),
	};
}

/**
 * The first `<Chart … />` of a story, drawn with its colours inlined (resvg reads no CSS), and the
 * outside body its figures come from, credited under it.
 */
async function leadChart(article: ArticleEntry): Promise<Pick<SocialCard, 'chartSvg' | 'chartSource'>> {
	const html = readCompiledStory(String(article.digest));
	const lead = html === undefined ? undefined : storyComponents(html).find((component) => component.kind === 'chart');
	if (!lead) return {};
	const dataset = (await getEditionIndex()).datasetsById.get(lead.dataset);
	const chart = dataset?.data.charts.find((candidate) => candidate.id === lead.chart);
	if (!dataset || !chart) return {};
	const svg = renderDatasetChart(chart, dataset.data, `card-${dataset.id}-${chart.id}`);
	const { origin } = dataset.data;
	return {
		chartSvg: renderToString(withPresentationAttributes(svg, { fontFamily: 'Noto Serif SC' })),
		...(origin && { chartSource: `来源：${originCredit(origin)}` }),
	};
}

export const GET: APIRoute = async ({ props }) => {
	const { edition, article } = props as { edition: IndexedEdition; article: ArticleEntry };
	let file = await cardsAhead?.file(article.id);
	if (!file) {
		try {
			file = await cachedSocialCardFile(await socialCard(edition, article), await cardFonts());
		} catch (error) {
			throw new Error(`The social card of story ${article.id} could not be drawn: ${(error as Error).message}`, { cause: error });
		}
	}
	if (!import.meta.env.DEV) recordCardPage(article.id, file);
	return new Response(new Uint8Array(await readFile(file)), { headers: { 'Content-Type': 'image/png' } });
};
