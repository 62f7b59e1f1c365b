import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cacheStore } from '../cache/registry.ts';
import { CHART_LAYOUT_WIDTHS } from '../charts/chart-figure.ts';
import { renderDatasetChart } from '../charts/dataset-charts.ts';
import { renderToString } from '../charts/render-to-string.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';
import type { ResolvedFigure } from '../figures/dataset-figures.ts';
import type { ChartSpec } from '../schemas/chart.ts';
import type { DatasetEntry } from './edition-index.ts';

/** A chart drawn for one column width, as SVG markup. */
export interface ChartLayout {
	width: (typeof CHART_LAYOUT_WIDTHS)[number];
	svg: string;
}

/**
 * A file of kept drawings: a chart's layouts by chart and the story it is placed in ('' on the
 * dataset's page), or a schematic's thumbnails by chart and id prefix.
 */
type KeptLayouts = Record<string, string[]>;

/**
 * Charts drawn for pages are kept between builds in the registry's `charts` store, two files per
 * dataset (layouts, thumbnails), keyed on the dataset's entry (its digest is its file's text and the code that parsed
 * it), its id, and the code that draws (this module's import closure). A change to a page's
 * template renders every page again but draws no chart again: a chart is drawn once in eight
 * widths, which is most of what rendering a page with a chart costs.
 */
const store = () => cacheStore('charts');

/** What the ids in a chart's markup start with: a page's ids are unique when each chart is on a page once. */
export const chartIdPrefix = (dataset: string, chart: string): string => `chart-${dataset}-${chart}`;

/**
 * The dataset's files in the store: its charts' layouts, and apart from them (a story page need
 * not read them) the thumbnails its page schematics show.
 */
function keptFile(dataset: DatasetEntry, kind: 'layouts' | 'thumbnails'): string {
	const content = dataset.digest === undefined ? createHash('sha256').update(JSON.stringify(dataset.data)).digest('hex') : String(dataset.digest);
	const key = store().key(dataset.id, content);
	return store().file(kind === 'layouts' ? `${key}.json` : `${key}.thumbnails.json`);
}

function readKept(file: string): KeptLayouts {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as KeptLayouts;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return {};
		throw error;
	}
}

/**
 * The chart `spec` of `dataset` drawn for every width of CHART_LAYOUT_WIDTHS (charts.css shows the
 * one that fits the column), in the story `story` when it is placed in one: a place comparison
 * points at the story's own place. `figures` are the dataset's (`resolveFigures(dataset.data)`).
 * Taken from the store when a build drew it before.
 */
export function chartLayouts(dataset: DatasetEntry, spec: ChartSpec, figures: Map<string, ResolvedFigure>, story?: string): ChartLayout[] {
	const svgs = keptOrDrawn(keptFile(dataset, 'layouts'), `${spec.id}\0${story ?? ''}`, () =>
		CHART_LAYOUT_WIDTHS.map((width) => renderToString(renderDatasetChart(spec, dataset.data, `${chartIdPrefix(dataset.id, spec.id)}-w${width}`, figures, { width, story }))),
	);
	return CHART_LAYOUT_WIDTHS.map((width, index) => ({ width, svg: svgs[index] }));
}

/**
 * The chart `spec` of `dataset` drawn small, at its default size, for a page's schematic, its
 * markup's ids starting with `idPrefix`; taken from the store when a build drew it before.
 */
export function chartThumbnail(dataset: DatasetEntry, spec: ChartSpec, idPrefix: string): string {
	return keptOrDrawn(keptFile(dataset, 'thumbnails'), `${spec.id}\0${idPrefix}`, () => [renderToString(renderDatasetChart(spec, dataset.data, idPrefix))])[0];
}

/** The drawings kept under `name` in `file`, or those `draw` makes, kept there for next time. */
function keptOrDrawn(file: string, name: string, draw: () => string[]): string[] {
	const kept = readKept(file);
	if (name in kept) return kept[name];
	const svgs = draw();
	writeFileAtomically(file, JSON.stringify({ ...kept, [name]: svgs }));
	return svgs;
}

/**
 * Marks the kept charts of these datasets as used by this build, so that pruning keeps them: a
 * page Astro copies from its own cache draws nothing and asks the store for nothing.
 */
export function useChartLayouts(datasets: Iterable<DatasetEntry>): void {
	for (const dataset of datasets) {
		store().use(keptFile(dataset, 'layouts'));
		store().use(keptFile(dataset, 'thumbnails'));
	}
}
