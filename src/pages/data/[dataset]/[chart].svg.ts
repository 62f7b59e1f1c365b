import type { APIRoute, GetStaticPaths } from 'astro';
import { chartSourceStories, standaloneChartSvg } from '../../../lib/chart-download.ts';
import { cacheKey } from '../../../lib/cache-key.ts';
import { getEditionIndex } from '../../../lib/edition-index.ts';

/** Each chart as a standalone SVG, written at build time: /data/<dataset>/<chart>.svg. */
export const getStaticPaths = (async () => {
	const index = await getEditionIndex();
	return index.datasets.flatMap((dataset) =>
		dataset.data.charts.map((chart) => {
			const svg = standaloneChartSvg(chart, dataset, chartSourceStories(chart, dataset, index));
			return { params: { dataset: dataset.id, chart: chart.id }, props: { svg }, cacheKey: cacheKey('chart-svg', svg) };
		}),
	);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { svg } = props as { svg: string };
	return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
