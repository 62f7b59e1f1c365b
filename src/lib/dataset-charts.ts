import type { Element } from 'hast';
import { divergingBar, horizontalBar, levelChart, partOfWhole, placeComparison, timeSeries } from '../charts/index.ts';
import type { ChartSpec } from '../schemas/chart.ts';
import type { Dataset } from '../schemas/dataset.ts';
import { resolveFigures, type ResolvedFigure } from './dataset-figures.ts';

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

/**
 * Draws a chart a dataset defines, with the renderer of its kind. Throws `ChartDataError` for
 * figures that cannot be drawn together (different units, a time series figure without a period);
 * the validator calls this for every chart so such a chart fails the build, not the reader.
 */
export function renderDatasetChart(spec: ChartSpec, dataset: Dataset, idPrefix: string, figures = resolveFigures(dataset)): Element {
	const figure = (id: string): ResolvedFigure => {
		const found = figures.get(id);
		if (!found) throw new RangeError(`invalid figure id: ${id}`);
		return found;
	};
	const row = (id: string) => ({ ...figure(id), highlight: spec.highlight.includes(id) });
	const options = { idPrefix, title: spec.title, description: spec.alt };
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
				spec.figures.map((id) => ({ ...row(id), place: figure(id).place ?? figure(id).label })),
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
