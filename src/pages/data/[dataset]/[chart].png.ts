import type { APIRoute, GetStaticPaths } from 'astro';
import { chartPng, chartSourceStories, PNG_FONT_FAMILY, standaloneChartSvg } from '../../../lib/chart-download.ts';
import { cacheKey } from '../../../lib/cache-key.ts';
import { getEditionIndex } from '../../../lib/edition-index.ts';

/** Each chart as a PNG at twice the 712 px of its SVG, drawn at build time by resvg: /data/<dataset>/<chart>.png. */
export const getStaticPaths = (async () => {
	const index = await getEditionIndex();
	return index.datasets.flatMap((dataset) =>
		dataset.data.charts.map((chart) => {
			const svg = standaloneChartSvg(chart, dataset, chartSourceStories(chart, dataset, index), { fontFamily: PNG_FONT_FAMILY });
			// The picture is the SVG drawn with the headline face, whose glyphs are the same in the subset and the whole face.
			return { params: { dataset: dataset.id, chart: chart.id }, props: { svg }, cacheKey: cacheKey('chart-png', svg) };
		}),
	);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { svg } = props as { svg: string };
	return new Response(new Uint8Array(await chartPng(svg)), { headers: { 'Content-Type': 'image/png' } });
};
