import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
 * Charts drawn for pages are kept between builds in the registry's `charts` store: a folder per
 * dataset entry, named by its key (the entry's digest, which is its file's text and the code that
 * parsed it; its id; and the code that draws, this module's import closure), with a file per
 * drawing: a chart's layouts in a story or on the dataset's page, or a schematic's thumbnail. A
 * page reads only its own drawings however many stories place the dataset's charts. A change to a
 * page's template renders every page again but draws no chart again: a chart is drawn once in eight
 * widths, which is most of what rendering a page with a chart costs.
 */
const store = () => cacheStore('charts');

/** What the ids in a chart's markup start with: a page's ids are unique when each chart is on a page once. */
export const chartIdPrefix = (dataset: string, chart: string): string => `chart-${dataset}-${chart}`;

/** The folder of the dataset's kept drawings in the store. */
function keptFolder(dataset: DatasetEntry): string {
	const content = dataset.digest === undefined ? createHash('sha256').update(JSON.stringify(dataset.data)).digest('hex') : String(dataset.digest);
	return store().file(store().key(dataset.id, content));
}

/** The drawings kept under `name` in the dataset's folder, or those `draw` makes, kept there for next time. */
function keptOrDrawn(dataset: DatasetEntry, name: string, draw: () => string[]): string[] {
	const file = join(keptFolder(dataset), `${createHash('sha256').update(name).digest('hex').slice(0, 32)}.json`);
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as string[];
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
	}
	const svgs = draw();
	writeFileAtomically(file, JSON.stringify(svgs));
	return svgs;
}

/**
 * The chart `spec` of `dataset` drawn for every width of CHART_LAYOUT_WIDTHS (charts.css shows the
 * one that fits the column), in the story `story` when it is placed in one: a place comparison
 * points at the story's own place. `figures` are the dataset's (`resolveFigures(dataset.data)`).
 * Taken from the store when a build drew it before.
 */
export function chartLayouts(dataset: DatasetEntry, spec: ChartSpec, figures: Map<string, ResolvedFigure>, story?: string): ChartLayout[] {
	const svgs = keptOrDrawn(dataset, `layouts\0${spec.id}\0${story ?? ''}`, () =>
		CHART_LAYOUT_WIDTHS.map((width) => renderToString(renderDatasetChart(spec, dataset.data, `${chartIdPrefix(dataset.id, spec.id)}-w${width}`, figures, { width, story }))),
	);
	return CHART_LAYOUT_WIDTHS.map((width, index) => ({ width, svg: svgs[index] }));
}

/**
 * The chart `spec` of `dataset` drawn small, at its default size, for a page's schematic, its
 * markup's ids starting with `idPrefix`; taken from the store when a build drew it before.
 */
export function chartThumbnail(dataset: DatasetEntry, spec: ChartSpec, idPrefix: string): string {
	return keptOrDrawn(dataset, `thumbnail\0${spec.id}\0${idPrefix}`, () => [renderToString(renderDatasetChart(spec, dataset.data, idPrefix))])[0];
}

/**
 * Marks the kept charts of these datasets as used by this build, so that pruning keeps them: a
 * page Astro copies from its own cache draws nothing and asks the store for nothing. The drawings
 * of a dataset go with it: when no build publishes its entry any more.
 */
export function useChartLayouts(datasets: Iterable<DatasetEntry>): void {
	for (const dataset of datasets) {
		const folder = keptFolder(dataset);
		let names: string[];
		try {
			names = readdirSync(folder);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
			throw error;
		}
		for (const name of names) if (name.endsWith('.json')) store().use(join(folder, name));
	}
}
