import type { APIRoute, GetStaticPaths } from 'astro';
import { chartDownloadPaths, chartDownloadSvg, type ChartDownloadProps } from '../../../site/chart-download-routes.ts';
import { chartPng, PNG_FONT_FAMILY } from '../../../site/chart-download.ts';

/** Each chart as a PNG at twice the 712 px of its SVG, drawn at build time by resvg: /data/<dataset>/<chart>.png. */
export const getStaticPaths = (() => chartDownloadPaths('png')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const png = await chartPng(await chartDownloadSvg(props as ChartDownloadProps, { fontFamily: PNG_FONT_FAMILY }));
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
