import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { cacheStore, useEntry } from '../cache/registry.ts';
import type { ElementContent } from 'hast';
import { s } from 'hastscript';
import { lightPalette, renderToString, withPresentationAttributes, wrapText } from '../charts/index.ts';
import { ASCENT, LINE_HEIGHT } from '../charts/text-metrics.ts';
import { currentCardFont, HEADLINE_FONT_SOURCE } from '../fonts/headline-font.ts';
import type { ChartSpec } from '../schemas/chart.ts';
import { sourceFaceIdentity, writeCachedCard } from '../social/card-cache.ts';
import { fontCharacters } from '../social/card-font.ts';
import { encodePng } from '../social/png.ts';
import { chartDescription, chartNotes, chartSourceLine, chartUnitLine, DOWNLOAD_CHART_WIDTH, type SourceStory } from '../charts/chart-figure.ts';
import { chartFigureIds, renderDatasetChart } from '../charts/dataset-charts.ts';
import { chartIdPrefix } from './chart-layouts.ts';
import { resolveFigures } from '../figures/dataset-figures.ts';
import type { EditionIndex, DatasetEntry } from './edition-index.ts';

/** The family the PNG is drawn in: the headline face, the one CJK font the build has a file of. */
export const PNG_FONT_FAMILY = 'Noto Serif SC';

/** The family a downloaded SVG asks for: CJK sans faces a reader's computer is likely to have. */
export const SVG_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const PAD = 16;
const TITLE_SIZE = 18;
const SMALL_SIZE = 13;
const GAP = 8;

/** The stories a chart's figures were printed in, for its source line. */
export function chartSourceStories(spec: ChartSpec, dataset: DatasetEntry, index: Pick<EditionIndex, 'stories'>): Map<string, SourceStory> {
	const figures = resolveFigures(dataset.data);
	return new Map(
		chartFigureIds(spec).flatMap((id) => {
			const story = index.stories.get(figures.get(id)?.source?.article ?? '');
			return story ? [[story.id, { headline: story.data.headline, edition: story.data.edition, page: story.data.page }] as const] : [];
		}),
	);
}

/**
 * A chart as a picture that stands on its own, for the SVG and PNG downloads: its title, unit
 * line, the chart laid out for the 680 px column, its notes and source line, on the paper colour,
 * with every colour and font written into attributes (no stylesheet), named and described for
 * screen readers by its title, alt text and the sentence generated from its data.
 */
export function standaloneChartSvg(
	spec: ChartSpec,
	dataset: DatasetEntry,
	stories: Map<string, SourceStory>,
	{ fontFamily = SVG_FONT_FAMILY }: { fontFamily?: string } = {},
): string {
	const figures = resolveFigures(dataset.data);
	const idPrefix = chartIdPrefix(dataset.id, spec.id);
	const chart = withPresentationAttributes(renderDatasetChart(spec, dataset.data, idPrefix, figures, { width: DOWNLOAD_CHART_WIDTH }), { fontFamily });
	const [, , chartWidth, chartHeight] = String(chart.properties.viewBox).split(' ').map(Number) as [number, number, number, number];
	const palette = lightPalette;
	const children: ElementContent[] = [];
	let y = PAD;
	const lines = (text: string, size: number, fill: string, weight?: string) => {
		for (const line of wrapText(text, chartWidth, size)) {
			children.push(
				s('text', { x: PAD, y: Math.round((y + ASCENT * size) * 1000) / 1000, 'font-size': size, fill, ...(weight ? { 'font-weight': weight } : {}) }, line),
			);
			y += LINE_HEIGHT * size;
		}
	};
	lines(spec.title, TITLE_SIZE, palette.ink, '700');
	lines(chartUnitLine(spec, figures), SMALL_SIZE, palette['ink-muted']);
	y += GAP;
	// The chart as a nested <svg> at its own size: its viewBox maps 1 unit to 1 px.
	const placed = s('svg', { x: PAD, y: Math.round(y * 1000) / 1000, width: chartWidth, height: chartHeight });
	children.push({ ...chart, properties: { ...chart.properties, ...placed.properties } });
	y += chartHeight + GAP;
	for (const note of chartNotes(spec)) lines(`注：${note}`, SMALL_SIZE, palette['ink-muted']);
	lines(chartSourceLine(spec, figures, stories, dataset.data.origin), SMALL_SIZE, palette['ink-muted']);
	const width = chartWidth + 2 * PAD;
	const height = Math.ceil(y + PAD);
	const svg = s(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			viewBox: `0 0 ${width} ${height}`,
			width,
			height,
			role: 'img',
			'aria-labelledby': `${idPrefix}-download-title ${idPrefix}-download-desc`,
			'font-family': fontFamily,
		},
		[
			s('title', { id: `${idPrefix}-download-title` }, spec.title),
			s('desc', { id: `${idPrefix}-download-desc` }, `${spec.alt}${chartDescription(spec, figures)}`),
			s('rect', { width, height, fill: palette.paper }),
			...children,
		],
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${renderToString(svg)}\n`;
}

/** Every character an SVG draws (its text nodes, not its title or description). */
function drawnCharacters(svg: string): Set<number> {
	const drawn = svg.replace(/<(title|desc)\b[^>]*>[\s\S]*?<\/\1>/g, '');
	const text = [...drawn.matchAll(/>([^<]+)</g)].map(([, content]) => content!.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))));
	return new Set([...text.join('')].map((char) => char.codePointAt(0)!));
}

/** The build's subset face and the characters it has, read once per process. */
let subsetFont: Promise<{ file: string; characters: Set<number> } | undefined> | undefined;

/**
 * The font file a chart's PNG is drawn with: the build's subset of the headline face when it has
 * every character the chart draws, else the whole face (slower to read, same glyphs).
 */
async function pngFontFile(svg: string): Promise<string> {
	subsetFont ??= currentCardFont().then((subset) => subset && { file: subset.file, characters: fontCharacters(subset.data, subset.file) });
	const subset = await subsetFont;
	if (subset && [...drawnCharacters(svg)].every((code) => code <= 0x20 || subset.characters.has(code))) return subset.file;
	return HEADLINE_FONT_SOURCE;
}

/**
 * The registry's `chart-png` store, where chart PNGs are kept between builds (CI keeps the folder),
 * by a hash of what they show and of the code that draws them (this module's import closure, resvg).
 */
const store = () => cacheStore('chart-png');

/**
 * A standalone chart SVG (drawn with `PNG_FONT_FAMILY`) as a PNG at twice its size, by resvg,
 * with no system fonts. Drawing takes about a tenth of a second, so each PNG is kept under a hash
 * of the SVG, the code that draws it and the source face: an unchanged chart is not drawn again, even
 * when Astro's own cache is gone. The subset font is left out of the key, as for social cards: it
 * draws the same glyphs as the face it was cut from.
 */
export async function chartPng(svg: string, dir = store().dir): Promise<Buffer> {
	return readFile(await chartPngFile(svg, dir));
}

/** Like `chartPng`, the file the PNG is kept in. */
export async function chartPngFile(svg: string, dir = store().dir): Promise<string> {
	const file = join(dir, `${store().key(svg, await sourceFaceIdentity())}.png`);
	if (useEntry(file)) return file;
	const fontFile = await pngFontFile(svg);
	const width = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? DOWNLOAD_CHART_WIDTH);
	const png = await encodePng(
		new Resvg(svg, {
			fitTo: { mode: 'width', value: width * 2 },
			font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: PNG_FONT_FAMILY },
		}).render(),
	);
	await writeCachedCard(file, png);
	return file;
}

/** Records, for pruning, which kept PNG a chart's download page (`dataset/chart`) was made from (see `CacheStore.recordPage`). */
export const recordChartPngPage = (chart: string, file: string): void => store().recordPage(chart, file);

/** Marks the kept PNGs of this build's charts as used, those of pages Astro copies included (see `CacheStore.usePages`). */
export const useChartPngPages = (charts: Iterable<string>): void => store().usePages(charts);
