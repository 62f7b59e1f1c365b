import type { Element } from 'hast';
import { divergingBar, horizontalBar, levelChart, partOfWhole, placeComparison, timeSeries } from './index.ts';
import type { ChartSpec } from '../schemas/chart.ts';
import type { Dataset } from '../schemas/dataset.ts';
import { resolveFigures, type ResolvedFigure } from '../figures/dataset-figures.ts';

/** Every figure id a chart draws, in the order it names them. */
export function chartFigureIds(spec: ChartSpec): string[] {
	switch (spec.kind) {
		case 'part-of-whole':
			return [spec.part, spec.whole];
		case 'bar':
			return spec.reference ? [...spec.figures, spec.reference] : spec.figures;
		default:
			return spec.figures;
	}
}

/** Where a chart is drawn: the width of its layout, and the story it is placed in. */
export interface DatasetChartContext {
	/** The viewBox width to lay the chart out for (`DEFAULT_WIDTH` when absent). */
	width?: number;
	/** The id of the story the chart is placed in (`2024-09-18/xingyang-zhongqiu-lvyou`), if any. */
	story?: string;
}

/** What a place-comparison chart's label adds for the story's own place, so the highlight is told in words too. */
export const OWN_PLACE_MARK = '（本文）';

/**
 * The figures of a place comparison that the story printed itself: the story's own place, which
 * the chart highlights in place of the dataset's `highlight`. None outside a story, and none when
 * the story printed every figure of the chart (then no place is its own more than another).
 */
export function ownPlaceFigures(spec: ChartSpec, figures: Map<string, ResolvedFigure>, story: string | undefined): string[] {
	if (spec.kind !== 'comparison' || !story) return [];
	const own = spec.figures.filter((id) => figures.get(id)?.source?.article === story);
	return own.length < spec.figures.length ? own : [];
}

/**
 * Draws a chart a dataset defines, with the renderer of its kind. Throws `ChartDataError` for
 * figures that cannot be drawn together (different units, a time series figure without a period);
 * the validator calls this for every chart so such a chart fails the build, not the reader.
 */
export function renderDatasetChart(spec: ChartSpec, dataset: Dataset, idPrefix: string, figures = resolveFigures(dataset), context: DatasetChartContext = {}): Element {
	const figure = (id: string): ResolvedFigure => {
		const found = figures.get(id);
		if (!found) throw new RangeError(`invalid figure id: ${id}`);
		return found;
	};
	// In a story, a place comparison points at the story's own place; elsewhere at what the dataset says.
	const own = ownPlaceFigures(spec, figures, context.story);
	const highlighted = own.length > 0 ? own : spec.highlight;
	const row = (id: string) => ({ ...figure(id), highlight: highlighted.includes(id) });
	const options = { idPrefix, title: spec.title, description: spec.alt, ...(context.width === undefined ? {} : { width: context.width }) };
	switch (spec.kind) {
		case 'bar': {
			const reference = spec.reference ? figure(spec.reference) : undefined;
			return horizontalBar(spec.figures.map(row), {
				...options,
				reference: reference && { ...reference, label: reference.label },
			});
		}
		case 'levels':
			return levelChart(spec.figures.map(row), { ...options, scale: spec.scale });
		case 'comparison':
			return placeComparison(
				spec.figures.map((id) => {
					const place = figure(id).place ?? figure(id).label;
					return { ...row(id), place: own.includes(id) ? `${place}${OWN_PLACE_MARK}` : place };
				}),
				options,
			);
		case 'part-of-whole':
			return partOfWhole({ part: row(spec.part), whole: row(spec.whole) }, options);
		case 'change':
			return divergingBar(
				spec.figures.map((id) => ({ ...row(id), label: figure(id).place ?? figure(id).label })),
				options,
			);
		case 'time-series':
			return timeSeries(
				spec.figures.map((id) => ({ ...row(id), period: figure(id).period ?? '' })),
				{ ...options, mark: spec.mark },
			);
	}
}
