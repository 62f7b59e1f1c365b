import type { APIRoute, GetStaticPaths } from 'astro';
import { chartDownloadPaths, chartDownloadSvg, type ChartDownloadProps } from '../../../site/chart-download-routes.ts';

/** Each chart as a standalone SVG, written at build time: /data/<dataset>/<chart>.svg. */
export const getStaticPaths = (() => chartDownloadPaths('svg')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const svg = await chartDownloadSvg(props as ChartDownloadProps);
	return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
