import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartDownloadPaths, chartDownloadSvg, type ChartDownloadProps } from '../../../site/chart-download-routes.ts';
import { chartPngFile, PNG_FONT_FAMILY, recordChartPngPage, useChartPngPages } from '../../../site/chart-download.ts';

/** Each chart as a PNG at twice the 712 px of its SVG, drawn at build time by resvg: /data/<dataset>/<chart>.png. */
export const getStaticPaths = (async () => {
	const paths = await chartDownloadPaths('png');
	// The kept PNGs of pages Astro copies from its own cache are still this build's.
	if (!import.meta.env.DEV) useChartPngPages(paths.map(({ params }) => `${params.dataset}/${params.chart}`));
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { dataset, chart } = props as ChartDownloadProps;
	const file = await chartPngFile(await chartDownloadSvg(props as ChartDownloadProps, { fontFamily: PNG_FONT_FAMILY }));
	if (!import.meta.env.DEV) recordChartPngPage(`${dataset.id}/${chart.id}`, file);
	return new Response(new Uint8Array(await readFile(file)), { headers: { 'Content-Type': 'image/png' } });
};
