import { ChartDataError } from './chart-data-error.ts';
import { CONTROL_CHARACTERS } from './chart-row.ts';

/** What every renderer needs besides its data. */
export interface ChartOptions {
	/**
	 * Starts every id in the SVG (`<prefix>-1`, `<prefix>-2`, …), so that several charts on one
	 * page never share an id. Letters, digits, `-` and `_`, starting with a letter.
	 * @example "erqi-grids"
	 */
	idPrefix: string;
	/**
	 * The chart's title, read by screen readers as its name (the SVG `<title>`).
	 * @example "二七区四级网格数量"
	 */
	title: string;
	/**
	 * The required alt text: what the chart shows, in a sentence or two (the SVG `<desc>`).
	 * @example "一级网格17个，二级网格175个，三级网格1441个，微网格6281个，逐级增加约十倍。"
	 */
	description: string;
	/**
	 * The width of the viewBox in SVG units, which is the width the chart is laid out for. Pages
	 * draw each chart at several widths and show the one that fits the column, so a unit is about
	 * a CSS pixel and text keeps its size (`CHART_LAYOUT_WIDTHS` in src/charts/chart-figure.ts).
	 * @example 360
	 */
	width?: number;
}

/** The default viewBox width, a phone's, as social images draw their chart. */
export const DEFAULT_WIDTH = 360;

/** Narrower than this, a label and its value no longer fit beside a usable bar. */
export const MIN_WIDTH = 240;

const ID_PREFIX = /^[A-Za-z][\w-]*$/;

/** Checks the options every renderer shares and returns the width to lay out for. */
export function checkOptions(chart: string, options: ChartOptions): number {
	if (typeof options.idPrefix !== 'string' || !ID_PREFIX.test(options.idPrefix)) {
		throw new ChartDataError(chart, 'idPrefix', `received ${JSON.stringify(options.idPrefix)}; expected letters, digits, "-" or "_", starting with a letter`);
	}
	if (typeof options.title !== 'string' || !options.title.trim() || CONTROL_CHARACTERS.test(options.title)) {
		throw new ChartDataError(chart, 'title', `received ${JSON.stringify(options.title)}; expected the chart's title`);
	}
	if (typeof options.description !== 'string' || !options.description.trim() || CONTROL_CHARACTERS.test(options.description)) {
		throw new ChartDataError(chart, 'description', `received ${JSON.stringify(options.description)}; expected alt text that says what the chart shows`);
	}
	const width = options.width ?? DEFAULT_WIDTH;
	if (!Number.isFinite(width) || width < MIN_WIDTH) {
		throw new ChartDataError(chart, 'width', `received ${width}; expected a number of at least ${MIN_WIDTH}`);
	}
	return width;
}
