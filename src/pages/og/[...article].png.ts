import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { currentCardFont, HEADLINE_FONT_SOURCE } from '../../fonts/headline-font.ts';
import { formatEditionDate, formatPageNumber } from '../../lib/dates.ts';
import { getEditionIndex, type ArticleEntry, type IndexedEdition } from '../../lib/edition-index.ts';
import { siteConfig } from '../../lib/site-config.ts';
import { renderToString, withPresentationAttributes } from '../../charts/index.ts';
import { renderDatasetChart } from '../../lib/dataset-charts.ts';
import { cachedSocialCard } from '../../social/card-cache.ts';
import { storyComponents } from '../../stories/compile-story.ts';
import { readCompiledStory } from '../../stories/story-cache.ts';

/** One social card per story, at /og/<edition>/<slug>.png. */
export const getStaticPaths = (async () => {
	const { editions } = await getEditionIndex();
	return editions.flatMap((edition) =>
		edition.articles.map((article) => ({ params: { article: article.id }, props: { edition, article } })),
	);
}) satisfies GetStaticPaths;

let font: Promise<{ data: Buffer; file: string }> | undefined;

/** The build's subset face; `astro dev` without a prepared subset falls back to the whole face. */
function cardFont(): Promise<{ data: Buffer; file: string }> {
	font ??= (async () => {
		const subset = await currentCardFont();
		return subset ?? { data: await readFile(HEADLINE_FONT_SOURCE), file: HEADLINE_FONT_SOURCE };
	})();
	return font;
}

/** The first `<Chart … />` of a story, drawn with its colours inlined (resvg reads no CSS). */
async function leadChartSvg(article: ArticleEntry): Promise<string | undefined> {
	const html = await readCompiledStory(String(article.digest));
	const lead = html === undefined ? undefined : storyComponents(html).find((component) => component.kind === 'chart');
	if (!lead) return undefined;
	const dataset = (await getEditionIndex()).datasetsById.get(lead.dataset);
	const chart = dataset?.data.charts.find((candidate) => candidate.id === lead.chart);
	if (!dataset || !chart) return undefined;
	const svg = renderDatasetChart(chart, dataset.data, `card-${dataset.id}-${chart.id}`);
	return renderToString(withPresentationAttributes(svg, { fontFamily: 'Noto Serif SC' }));
}

export const GET: APIRoute = async ({ props }) => {
	const { edition, article } = props as { edition: IndexedEdition; article: ArticleEntry };
	const page = edition.pages.find((p) => p.number === article.data.page)!;
	const png = await cachedSocialCard(
		{
			siteName: siteConfig.name,
			kicker: article.data.kicker,
			headline: article.data.headline,
			dateLine: formatEditionDate(edition.date),
			pageLine: `第${formatPageNumber(page.number)}版：${page.name}${article.data.column ? ` · ${article.data.column}` : ''}`,
			chartSvg: await leadChartSvg(article),
		},
		await cardFont(),
	);
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
