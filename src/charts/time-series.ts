import type { Element } from 'hast';
import { scaleBand } from 'd3-scale';
import { line } from 'd3-shape';
import { s } from 'hastscript';
import { formatTicksIn, sharedScale, type PrintableFigure } from '../figures/figures.ts';
import { fitsStacked, linearTicks, zeroBasedScale } from './axis-ticks.ts';
import { ChartDataError } from './chart-data-error.ts';
import { checkOptions, type ChartOptions } from './chart-options.ts';
import { checkRows, checkText, rowField } from './chart-row.ts';
import { chartSvg, group, horizontalLineAvoiding, idSequence, lineElement, placeText, rectElement, round, textElement, verticalLineAvoiding, type PlacedText } from './svg.ts';
import { ASCENT, DESCENT, LINE_HEIGHT, blockHeight, boxesOverlap, centredBaseline, textWidth, wrapText, type Box, type TextAnchor } from './text-metrics.ts';

/** One period's figure, such as one year's holiday visitors. */
export interface TimeSeriesPoint extends PrintableFigure {
	/**
	 * The period, as the axis labels it; points are drawn in the order given.
	 * @example "2024年"
	 */
	period: string;
	/** Draws the point in the accent colour and makes sure its figure is printed. */
	highlight?: boolean;
}

/** Options of `timeSeries`. */
export interface TimeSeriesOptions extends ChartOptions {
	/**
	 * `column` (the default) for counts per period, `line` for a trend over many periods.
	 * @example "column"
	 */
	mark?: 'column' | 'line';
	/**
	 * The height of the viewBox, at least 160.
	 * @example 240
	 */
	height?: number;
}

const VALUE_SIZE = 12;
const TICK_SIZE = 12;
const PERIOD_SIZE = 12;
const PAD = 1;
const VALUE_GAP = 4;
const TICK_GAP = 6;
const DOT_RADIUS = 3.5;
/** How far above its mark a figure must be lifted before it gets a leader line. */
const LEADER_MIN = 6;
const MIN_COLUMN_HEIGHT = 2;
const DEFAULT_HEIGHT = 240;
const MIN_HEIGHT = 160;

/**
 * Figures over time, such as holiday visitors year by year, as columns or a line on a
 * zero-based axis. Every figure is printed above its column where the labels fit side by side;
 * where they do not, the latest, the highlighted and the zero ones are, and periods on the axis
 * are thinned from the latest backwards.
 */
export function timeSeries(points: ReadonlyArray<TimeSeriesPoint>, options: TimeSeriesOptions): Element {
	const chart = 'timeSeries';
	if (!Array.isArray(points) || points.length === 0) {
		throw new ChartDataError(chart, 'points', 'received no points; expected at least one period to draw');
	}
	points.forEach((point, index) => checkText(chart, `points[${index}].period`, point?.period));
	const checked = checkRows(
		chart,
		points.map((point) => ({ ...point, label: point.period })),
		'points',
	);
	checked.forEach((point, index) => {
		const earlier = checked.findIndex((other) => other.label === point.label);
		if (earlier !== index) throw new ChartDataError(chart, `${rowField(index, point.label, 'points')}.period`, `is also points[${earlier}]; expected each period once`);
	});
	const width = checkOptions(chart, options);
	const mark = options.mark ?? 'column';
	if (mark !== 'column' && mark !== 'line') throw new ChartDataError(chart, 'mark', `received ${JSON.stringify(mark)}; expected "column" or "line"`);
	const height = options.height ?? DEFAULT_HEIGHT;
	if (!Number.isFinite(height) || height < MIN_HEIGHT) throw new ChartDataError(chart, 'height', `received ${height}; expected a number of at least ${MIN_HEIGHT}`);

	const left = PAD;
	const right = width - PAD;
	const values = checked.map((point) => point.value);
	const integer = values.every(Number.isInteger);

	// The vertical extent first: period labels at the bottom, room for a figure above the top.
	const periodLines = checked.map((point) => wrapText(point.label, (right - left) / 2, PERIOD_SIZE));
	const periodHeight = blockHeight(Math.max(...periodLines.map((lines) => lines.length)), PERIOD_SIZE);
	// A line's dot sticks out above its value by its radius, and the figure goes above that.
	const plotTop = PAD + blockHeight(1, VALUE_SIZE) + VALUE_GAP + DOT_RADIUS;
	const plotBottom = height - PAD - periodHeight - 4;
	const y = zeroBasedScale(Math.max(...values), [plotBottom, plotTop]);
	// Ticks in the scale the figures were printed in, when they share one.
	const printedScale = sharedScale(checked.map((point) => point.row));
	const ticks = linearTicks(y, integer, fitsStacked(TICK_SIZE), (values) => formatTicksIn(values, printedScale));
	const plotLeft = left + Math.max(...ticks.map((tick) => textWidth(tick.label, TICK_SIZE))) + TICK_GAP;

	const x = scaleBand<number>()
		.domain(checked.map((_, index) => index))
		.range([plotLeft, right])
		.paddingInner(0.3)
		.paddingOuter(0.2);
	const centre = (index: number) => x(index)! + x.bandwidth() / 2;
	const top = (index: number) => {
		const value = values[index]!;
		if (mark === 'line') return y(value) - DOT_RADIUS;
		return value > 0 ? Math.min(y(value), plotBottom - MIN_COLUMN_HEIGHT) : plotBottom;
	};

	/** The highest the marks reach between `from` and `to`, so a figure printed there clears them. */
	const highestWithin = (from: number, to: number): number => {
		let highest = plotBottom;
		checked.forEach((_, index) => {
			const start = mark === 'line' ? centre(index) - DOT_RADIUS : x(index)!;
			const end = mark === 'line' ? centre(index) + DOT_RADIUS : x(index)! + x.bandwidth();
			if (start < to && end > from) highest = Math.min(highest, top(index));
		});
		if (mark === 'line') {
			// The line between two points can pass under a label that covers neither point.
			for (let index = 1; index < checked.length; index++) {
				const [x0, x1] = [centre(index - 1), centre(index)];
				const [y0, y1] = [y(values[index - 1]!), y(values[index]!)];
				for (const at of [from, to]) {
					if (at > x0 && at < x1) highest = Math.min(highest, y0 + ((y1 - y0) * (at - x0)) / (x1 - x0));
				}
			}
		}
		return highest;
	};

	const texts: PlacedText[] = [];
	const valueLabels: PlacedText[] = [];
	const leaderSpans: Array<{ x: number; from: number; to: number }> = [];
	const everyFits = checked.every((point) => textWidth(point.printed, VALUE_SIZE) + 4 <= x.step());
	// When not every figure fits, the latest, the highlighted and the zero ones are printed, latest
	// first: a zero column is invisible, and without its figure it would read as missing data.
	const labelled = checked
		.map((point, index) => ({ point, index }))
		.filter(({ point, index }) => everyFits || index === checked.length - 1 || point.row.highlight || point.value === 0)
		.reverse();
	for (const { point, index } of labelled) {
		const labelWidth = textWidth(point.printed, VALUE_SIZE);
		let anchorX = centre(index);
		let anchor: TextAnchor = 'middle';
		if (anchorX + labelWidth / 2 > right) [anchorX, anchor] = [right, 'end'];
		else if (anchorX - labelWidth / 2 < plotLeft) [anchorX, anchor] = [plotLeft, 'start'];
		const from = anchor === 'start' ? anchorX : anchor === 'end' ? anchorX - labelWidth : anchorX - labelWidth / 2;
		const baseline = highestWithin(from, from + labelWidth) - VALUE_GAP - DESCENT * VALUE_SIZE;
		const className = point.row.highlight ? 'chart__value chart__value--highlight' : 'chart__value';
		const placed = placeText(point.printed, anchorX, baseline, VALUE_SIZE, className, anchor);
		if (valueLabels.some((other) => boxesOverlap(other.box, spacedBox(placed.box)))) continue;
		valueLabels.push(placed);
		// A figure lifted over taller neighbours gets a leader down to its own column, so it is
		// not read as theirs (a zero between two tall columns especially).
		if (top(index) - placed.box.bottom > VALUE_GAP + LEADER_MIN) {
			leaderSpans.push({ x: centre(index), from: placed.box.bottom + 2, to: top(index) - 2 });
		}
	}
	texts.push(...valueLabels.reverse());
	// Drawn once every figure is placed, broken around any figure a leader would run through.
	const leaders = leaderSpans.flatMap(({ x: at, from, to }) =>
		verticalLineAvoiding(
			'chart__leader',
			at,
			from,
			to,
			valueLabels.map((label) => label.box),
		),
	);

	// Periods on the axis: all where they fit, else every k-th counting back from the latest, with
	// k growing until no two overlap (the first and last are pulled inside the plot, nearer their
	// neighbours).
	const placePeriods = (every: number): PlacedText[] =>
		checked.flatMap((_, index) => {
			if ((checked.length - 1 - index) % every !== 0) return [];
			const lines = periodLines[index]!;
			const lineWidth = Math.max(...lines.map((text) => textWidth(text, PERIOD_SIZE)));
			const at = Math.min(Math.max(centre(index), plotLeft + lineWidth / 2), right - lineWidth / 2);
			return lines.map((text, line) =>
				placeText(text, at, plotBottom + 4 + ASCENT * PERIOD_SIZE + line * LINE_HEIGHT * PERIOD_SIZE, PERIOD_SIZE, 'chart__tick-label chart__period', 'middle'),
			);
		});
	let periods: PlacedText[] = [];
	for (let every = 1; every <= checked.length; every++) {
		periods = placePeriods(every);
		const padded = periods.map((period) => ({ ...period.box, left: period.box.left - 3, right: period.box.right + 3 }));
		if (padded.every((a, i) => padded.slice(i + 1).every((b) => !boxesOverlap(a, b)))) break;
	}
	texts.push(...periods);

	// A figure wider than the plot reaches over the value axis: the figure is printed and a tick
	// label it would cover is left out (its gridline stays, and the other ticks give the scale).
	for (const tick of ticks) {
		const placed = placeText(tick.label, plotLeft - TICK_GAP, centredBaseline(tick.position, TICK_SIZE), TICK_SIZE, 'chart__tick-label', 'end');
		if (!valueLabels.some((label) => boxesOverlap(label.box, spacedBox(placed.box)))) texts.push(placed);
	}

	const className = (index: number, base: string) => (checked[index]!.row.highlight ? `${base} ${base}--highlight` : base);
	const marks: Element[] =
		mark === 'column'
			? checked.map((_, index) => rectElement(className(index, 'chart__bar'), x(index)!, top(index), x.bandwidth(), plotBottom - top(index)))
			: [
					...(checked.length > 1 ? [s('path', { class: 'chart__line', d: line().digits(3)(checked.map((_, index) => [centre(index), y(values[index]!)])) ?? '' })] : []),
					...checked.map((_, index) => s('circle', { class: className(index, 'chart__dot'), cx: round(centre(index)), cy: round(y(values[index]!)), r: DOT_RADIUS })),
				];

	return chartSvg({ kind: 'time-series', modifier: mark, width, height, title: options.title, description: options.description, nextId: idSequence(options.idPrefix) }, [
		group(
			'chart__grid',
			// Broken around the figures printed above the marks, so no gridline runs through one.
			ticks
				.filter((tick) => tick.value !== 0)
				.flatMap((tick) => horizontalLineAvoiding('chart__gridline', tick.position, plotLeft, right, texts.map((text) => text.box))),
		),
		group('chart__marks', marks),
		...(leaders.length > 0 ? [group('chart__leaders', leaders)] : []),
		lineElement('chart__baseline', plotLeft, plotBottom, right, plotBottom),
		group('chart__labels', texts.map(textElement)),
	]);
}

/** A box a unit larger all round, so that coordinates rounded to 3 decimals cannot make touching texts overlap. */
function spacedBox(box: Box): Box {
	return { left: box.left - 1, top: box.top - 1, right: box.right + 1, bottom: box.bottom + 1 };
}
