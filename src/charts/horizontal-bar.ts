import type { Element } from 'hast';
import { formatTicksIn, sharedScale, type PrintableFigure } from '../figures/figures.ts';
import { fitsSideBySide, linearTicks, placeTickLabel, zeroBasedScale } from './axis-ticks.ts';
import { checkOptions, type ChartOptions } from './chart-options.ts';
import { checkFigure, checkRows, checkSameUnit, checkText, rowField, type ChartRow, type CheckedRow } from './chart-row.ts';
import { chartSvg, group, idSequence, placeText, rectElement, textElement, verticalLineAvoiding, type PlacedText } from './svg.ts';
import { ASCENT, DESCENT, LINE_HEIGHT, blockHeight, centredBaseline, textWidth, wrapText, type Box } from './text-metrics.ts';

/**
 * A value to measure the bars against, drawn as a dashed line and labelled with its label and
 * the figure as printed: label 楼院 and 723个 read 楼院723个.
 */
export interface ReferenceLine extends PrintableFigure {
	/**
	 * What the figure counts, printed just before it.
	 * @example "楼院"
	 */
	label: string;
}

/** Options of `horizontalBar`. */
export interface HorizontalBarOptions extends ChartOptions {
	/** A labelled reference line, in the same unit as the bars. */
	reference?: ReferenceLine;
}

/** Sizes in viewBox units, which pages show at 1 to 1.13 px each (see `CHART_LAYOUT_WIDTHS`). */
const LABEL_SIZE = 13;
const VALUE_SIZE = 13;
const TICK_SIZE = 12;
const PAD = 1;
const BAR_HEIGHT = 16;
const LABEL_GAP = 4;
const ROW_GAP = 14;
const VALUE_GAP = 5;
const REFERENCE_GAP = 4;
/** A value far below the largest still gets a sliver, so it does not look like zero. */
export const MIN_BAR_WIDTH = 2;

/** A reference line after its checks: its value and its printed text. */
interface CheckedReference {
	value: number;
	text: string;
}

/**
 * Lays out and draws bars with their labels above them, values at their ends, a zero-based
 * linear axis below and an optional reference line. Shared by `horizontalBar` and
 * `placeComparison`, which differ in what they check and how they are named.
 */
export function drawHorizontalBars(chart: string, kind: string, rows: CheckedRow[], reference: CheckedReference | undefined, options: ChartOptions): Element {
	const width = checkOptions(chart, options);
	const left = PAD;
	const right = width - PAD;
	const values = rows.map((row) => row.value);
	const max = Math.max(...values, reference?.value ?? 0);
	const integer = values.every(Number.isInteger) && (!reference || Number.isInteger(reference.value));

	const scale = zeroBasedScale(max, [0, 1]);
	// Ticks in the scale the figures were printed in, when they share one (0.5亿, 1亿).
	const printedScale = sharedScale(rows.map((row) => row.row));
	const axisLabels = (values: readonly number[]) => formatTicksIn(values, printedScale);
	const domainMax = scale.domain()[1]!;
	// The plot ends early enough for the last tick label, centred on its gridline, and for every
	// bar's value label at the bar's end.
	let plotWidth = right - left - textWidth(axisLabels([domainMax])[0]!, TICK_SIZE) / 2;
	// A figure too long to leave a quarter of the width for its bar is printed above the bar instead.
	const besideBar = rows.map((row) => right - left - VALUE_GAP - textWidth(row.printed, VALUE_SIZE) >= MIN_BAR_WIDTH + (right - left) / 4);
	rows.forEach((row, index) => {
		const share = row.value / domainMax;
		if (besideBar[index] && share > 0) plotWidth = Math.min(plotWidth, (right - left - VALUE_GAP - textWidth(row.printed, VALUE_SIZE)) / share);
	});
	scale.range([left, left + plotWidth]);
	const barEnd = (value: number) => (value > 0 ? Math.max(scale(value), left + MIN_BAR_WIDTH) : left);

	const texts: PlacedText[] = [];
	const bars: Element[] = [];
	const barBoxes: Box[] = [];
	let y = PAD;

	let referenceTop = 0;
	let referenceX = 0;
	if (reference) {
		referenceX = scale(reference.value);
		const lines = wrapText(reference.text, right - left, VALUE_SIZE);
		const blockWidth = Math.max(...lines.map((line) => textWidth(line, VALUE_SIZE)));
		// Beside the line like a flag, to its right where there is room, else to its left.
		const textLeft =
			referenceX + REFERENCE_GAP + blockWidth <= right
				? referenceX + REFERENCE_GAP
				: referenceX - REFERENCE_GAP - blockWidth >= left
					? referenceX - REFERENCE_GAP - blockWidth
					: Math.min(Math.max(referenceX - blockWidth / 2, left), right - blockWidth);
		lines.forEach((line, index) => {
			texts.push(placeText(line, textLeft, y + ASCENT * VALUE_SIZE + index * LINE_HEIGHT * VALUE_SIZE, VALUE_SIZE, 'chart__reference-label'));
		});
		referenceTop = y;
		y += blockHeight(lines.length, VALUE_SIZE) + 6;
	}

	const rowsTop = y;
	let rowsBottom = y;
	rows.forEach((row, rowIndex) => {
		const lines = wrapText(row.label, right - left, LABEL_SIZE);
		const baseline = (index: number) => y + ASCENT * LABEL_SIZE + index * LINE_HEIGHT * LABEL_SIZE;
		const labelClass = row.row.highlight ? 'chart__label chart__label--highlight' : 'chart__label';
		lines.forEach((line, index) => texts.push(placeText(line, left, baseline(index), LABEL_SIZE, labelClass)));
		const beside = besideBar[rowIndex]!;
		const barTop = y + blockHeight(lines.length + (beside ? 0 : 1), LABEL_SIZE) + LABEL_GAP;
		const end = barEnd(row.value);
		bars.push(rectElement(row.row.highlight ? 'chart__bar chart__bar--highlight' : 'chart__bar', left, barTop, end - left, BAR_HEIGHT));
		barBoxes.push({ left, top: barTop, right: end, bottom: barTop + BAR_HEIGHT });
		texts.push(
			beside
				? placeText(row.printed, end + VALUE_GAP, centredBaseline(barTop + BAR_HEIGHT / 2, VALUE_SIZE), VALUE_SIZE, 'chart__value')
				: placeText(row.printed, left, baseline(lines.length), VALUE_SIZE, 'chart__value'),
		);
		rowsBottom = barTop + BAR_HEIGHT;
		y = rowsBottom + ROW_GAP;
	});

	const ticks = linearTicks(scale, integer, fitsSideBySide(TICK_SIZE, PAD, width - PAD), axisLabels);
	const axisBottom = rowsBottom + 4;
	const tickBaseline = axisBottom + 2 + ASCENT * TICK_SIZE;
	const tickLabels = ticks.map((tick) => {
		const { x, anchor } = placeTickLabel(tick, TICK_SIZE, PAD, width - PAD);
		return placeText(tick.label, x, tickBaseline, TICK_SIZE, 'chart__tick-label', anchor);
	});
	const height = tickBaseline + DESCENT * TICK_SIZE + PAD;

	// Lines are broken around every label, so none runs through one; the reference line is also
	// broken around the bars and drawn behind them, so it never hides where a bar ends.
	const textBoxes = texts.map((text) => text.box);
	const referenceLine = reference ? verticalLineAvoiding('chart__reference', referenceX, referenceTop, axisBottom, [...textBoxes, ...barBoxes]) : [];

	return chartSvg({ kind, width, height, title: options.title, description: options.description, nextId: idSequence(options.idPrefix) }, [
		group(
			'chart__grid',
			ticks.filter((tick) => tick.value !== 0).flatMap((tick) => verticalLineAvoiding('chart__gridline', tick.position, rowsTop, axisBottom, textBoxes)),
		),
		...referenceLine,
		group('chart__bars', bars),
		...verticalLineAvoiding('chart__baseline', left, rowsTop, axisBottom, textBoxes),
		group('chart__labels', texts.map(textElement)),
		group('chart__axis', tickLabels.map(textElement)),
	]);
}

/**
 * Horizontal bars for categories, such as the three kinds of organisations (736, 723, 1095个),
 * with an optional labelled reference line (楼院723个). Each label stands above its bar so long
 * labels can wrap across the full width of a phone; each bar ends with its figure as printed.
 */
export function horizontalBar(rows: ReadonlyArray<ChartRow>, options: HorizontalBarOptions): Element {
	const chart = 'horizontalBar';
	const checked = checkRows(chart, rows);
	let reference: CheckedReference | undefined;
	if (options.reference) {
		const label = checkText(chart, 'reference.label', options.reference.label);
		const printed = checkFigure(chart, 'reference', options.reference);
		checkSameUnit(chart, [
			{ field: rowField(0, checked[0]!.label), unit: checked[0]!.row.unit },
			{ field: 'reference', unit: options.reference.unit },
		]);
		reference = { value: options.reference.value, text: `${label}${printed}` };
	}
	return drawHorizontalBars(chart, 'horizontal-bar', checked, reference, options);
}
