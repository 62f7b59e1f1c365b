import type { Element } from 'hast';
import { scaleLinear } from 'd3-scale';
import { fitsSideBySide, linearTicks, placeTickLabel } from './axis-ticks.ts';
import { ChartDataError } from './chart-data-error.ts';
import { checkOptions, type ChartOptions } from './chart-options.ts';
import { checkRows, rowField, type ChartRow } from './chart-row.ts';
import { chartSvg, group, idSequence, placeText, rectElement, textElement, verticalLineAvoiding, type PlacedText } from './svg.ts';
import { ASCENT, DESCENT, LINE_HEIGHT, blockHeight, centredBaseline, textWidth, wrapText } from './text-metrics.ts';

/** Options of `divergingBar`. */
export type DivergingBarOptions = ChartOptions;

/** Sizes in viewBox units, which pages show at 1 to 1.13 px each (see `CHART_LAYOUT_WIDTHS`). */
const LABEL_SIZE = 13;
const VALUE_SIZE = 13;
const TICK_SIZE = 12;
const PAD = 1;
const BAR_HEIGHT = 16;
const ROW_GAP = 12;
const LABEL_GAP = 8;
const VALUE_GAP = 4;
/** Room left beyond the widest value label, for fonts a little wider than the estimate. */
const END_SLACK = 6;
/** The label column takes at most this share of the width; longer labels wrap. */
const LABEL_SHARE = 0.3;

/**
 * Changes of several places around zero, such as holiday growth rates: a bar to the right for a
 * rise, to the left for a decline, on one linear scale, each labelled with the paper's words
 * (增长9.2%, 下降5.1%). Every figure must be a change of the same kind, unit and base: 同比 and
 * 较2019年同期 cannot share one axis.
 */
export function divergingBar(rows: ReadonlyArray<ChartRow>, options: DivergingBarOptions): Element {
	const chart = 'divergingBar';
	const width = checkOptions(chart, options);
	// Labels leave the base off: the unit line says what the changes are measured against.
	const checked = checkRows(chart, rows, 'rows', { base: false }, true);
	const [first] = rows;
	rows.forEach((row, index) => {
		const field = rowField(index, row.label);
		if (!row.change) {
			throw new ChartDataError(chart, `${field}.change`, 'missing; expected every figure of a change chart to be a change (同比增长9.2%, 下降5.1%)');
		}
		if (row.change.direction === '翻番') {
			throw new ChartDataError(chart, `${field}.change.direction`, 'received "翻番"; expected a change printed with a number, such as 增长100%');
		}
		if (row.change.base !== first!.change!.base || row.change.kind !== first!.change!.kind) {
			throw new ChartDataError(
				chart,
				`${field}.change`,
				`received a change ${row.change.base} (${row.change.kind}) but ${rowField(0, first!.label)} is ${first!.change!.base} (${first!.change!.kind}); expected every change of one chart against the same base`,
			);
		}
	});

	const left = PAD;
	const right = width - PAD;
	const labelLines = checked.map((row) => wrapText(row.label, (right - left) * LABEL_SHARE, LABEL_SIZE));
	const labelWidth = Math.max(...labelLines.flat().map((line) => textWidth(line, LABEL_SIZE)));
	const plotLeft = left + labelWidth + LABEL_GAP;
	const values = checked.map((row) => row.value);
	const min = Math.min(0, ...values);
	const max = Math.max(0, ...values);
	const scale = scaleLinear()
		.domain(min === 0 && max === 0 ? [0, 1] : [min, max])
		.nice(5);
	const [domainMin, domainMax] = scale.domain() as [number, number];
	// Room at both ends for the widest value label on that side, so no label leaves the chart.
	const widest = (side: (value: number) => boolean) =>
		Math.max(0, ...checked.filter((row) => side(row.value)).map((row) => textWidth(row.printed, VALUE_SIZE) + VALUE_GAP + END_SLACK));
	const leftRoom = widest((value) => value < 0);
	const rightRoom = widest((value) => value >= 0);
	const span = domainMax - domainMin;
	// The plot's ends, moved in until the labels beyond the most extreme bars fit (a few rounds settle it).
	const lowGap = Math.min(...values, 0) - domainMin;
	const highGap = domainMax - Math.max(...values, 0);
	let plotStart = plotLeft;
	let plotEnd = right;
	for (let round = 0; round < 20; round++) {
		const perUnit = (plotEnd - plotStart) / span;
		plotStart = plotLeft + Math.max(0, leftRoom - lowGap * perUnit);
		plotEnd = right - Math.max(0, rightRoom - highGap * perUnit);
	}
	scale.range([plotStart, plotEnd]);
	const zero = scale(0);

	const texts: PlacedText[] = [];
	const bars: Element[] = [];
	let y = PAD;
	const rowsTop = y;
	checked.forEach((row, index) => {
		const lines = labelLines[index]!;
		const height = Math.max(blockHeight(lines.length, LABEL_SIZE), BAR_HEIGHT);
		const middle = y + height / 2;
		const labelTop = middle - blockHeight(lines.length, LABEL_SIZE) / 2;
		lines.forEach((line, lineIndex) => {
			texts.push(placeText(line, plotLeft - LABEL_GAP, labelTop + ASCENT * LABEL_SIZE + lineIndex * LINE_HEIGHT * LABEL_SIZE, LABEL_SIZE, 'chart__label', 'end'));
		});
		const end = scale(row.value);
		const negative = row.value < 0;
		const classes = ['chart__bar', ...(negative ? ['chart__bar--negative'] : []), ...(row.row.highlight ? ['chart__bar--highlight'] : [])].join(' ');
		bars.push(rectElement(classes, Math.min(zero, end), middle - BAR_HEIGHT / 2, Math.abs(end - zero), BAR_HEIGHT));
		const baseline = centredBaseline(middle, VALUE_SIZE);
		texts.push(
			negative
				? placeText(row.printed, end - VALUE_GAP, baseline, VALUE_SIZE, 'chart__value', 'end')
				: placeText(row.printed, end + VALUE_GAP, baseline, VALUE_SIZE, 'chart__value'),
		);
		y += height + ROW_GAP;
	});
	const rowsBottom = y - ROW_GAP;

	const integer = values.every(Number.isInteger);
	const ticks = linearTicks(scale, integer, fitsSideBySide(TICK_SIZE, plotLeft, right));
	const axisBottom = rowsBottom + 4;
	const tickBaseline = axisBottom + 2 + ASCENT * TICK_SIZE;
	const tickLabels = ticks.map((tick) => {
		const { x, anchor } = placeTickLabel(tick, TICK_SIZE, plotLeft, right);
		return placeText(tick.label, x, tickBaseline, TICK_SIZE, 'chart__tick-label', anchor);
	});
	const height = tickBaseline + DESCENT * TICK_SIZE + PAD;

	// Lines are broken around every label, so none runs through one.
	const textBoxes = texts.map((text) => text.box);
	return chartSvg({ kind: 'diverging-bar', width, height, title: options.title, description: options.description, nextId: idSequence(options.idPrefix) }, [
		group(
			'chart__grid',
			ticks.filter((tick) => tick.value !== 0).flatMap((tick) => verticalLineAvoiding('chart__gridline', tick.position, rowsTop, axisBottom, textBoxes)),
		),
		group('chart__bars', bars),
		...verticalLineAvoiding('chart__baseline', zero, rowsTop, axisBottom, textBoxes),
		group('chart__labels', texts.map(textElement)),
		group('chart__axis', tickLabels.map(textElement)),
	]);
}
