import type { Element } from 'hast';
import type { PrintableFigure } from '../figures/figures.ts';
import { ChartDataError } from './chart-data-error.ts';
import type { ChartOptions } from './chart-options.ts';
import { checkRows, checkText, rowField } from './chart-row.ts';
import { drawHorizontalBars } from './horizontal-bar.ts';

/**
 * One place's figure. A holiday-tourism figure (with `place` and `metric`) can be passed as it is.
 */
export interface PlaceFigure extends PrintableFigure {
	/**
	 * The county, city or district, which labels its bar.
	 * @example "荥阳市"
	 */
	place: string;
	/**
	 * What the figure measures; when given, every figure must measure the same thing.
	 * @example "visitors"
	 */
	metric?: string;
	/** Draws the place in the accent colour, such as the place the story is about. */
	highlight?: boolean;
}

/** Options of `placeComparison`. */
export type PlaceComparisonOptions = ChartOptions;

/**
 * The same measure in two or more places, such as holiday visitors: 中牟县 76.57万人次, 荥阳市
 * 40.389万人次. Bars share one axis, so the figures must share one unit and one metric: 人次
 * against 元 is refused, not drawn.
 */
export function placeComparison(figures: ReadonlyArray<PlaceFigure>, options: PlaceComparisonOptions): Element {
	const chart = 'placeComparison';
	if (!Array.isArray(figures) || figures.length < 2) {
		throw new ChartDataError(chart, 'figures', `received ${Array.isArray(figures) && figures.length === 1 ? 'one figure' : 'no figures'}; expected at least two places to compare`);
	}
	figures.forEach((figure, index) => checkText(chart, `figures[${index}].place`, figure?.place));
	const checked = checkRows(
		chart,
		figures.map((figure) => ({ ...figure, label: figure.place })),
		'figures',
	);
	const [first] = figures;
	figures.forEach((figure, index) => {
		if (figure.metric !== first!.metric) {
			throw new ChartDataError(
				chart,
				`${rowField(index, figure.place, 'figures')}.metric`,
				`received ${JSON.stringify(figure.metric)} but figures[0] measures ${JSON.stringify(first!.metric)}; expected every place measured the same way`,
			);
		}
		const earlier = figures.findIndex((other) => other.place.trim() === figure.place.trim());
		if (earlier !== index) {
			throw new ChartDataError(chart, `${rowField(index, figure.place, 'figures')}.place`, `${figure.place} is also figures[${earlier}]; expected each place once`);
		}
	});
	return drawHorizontalBars(chart, 'place-comparison', checked, undefined, options);
}
