import type { Element } from 'hast';
import { scaleLog, scaleSymlog, type ScaleContinuousNumeric } from 'd3-scale';
import { s } from 'hastscript';
import { fitsSideBySide, linearTicks, placeTickLabel, powerOfTenTicks, zeroBasedScale, type Tick } from './axis-ticks.ts';
import { ChartDataError } from './chart-data-error.ts';
import { checkOptions, type ChartOptions } from './chart-options.ts';
import { checkRows, checkText, type ChartRow } from './chart-row.ts';
import { chartSvg, group, idSequence, lineElement, placeText, round, textElement, verticalLineAvoiding, type PlacedText } from './svg.ts';
import { ASCENT, DESCENT, LINE_HEIGHT, blockHeight, textWidth, wrapText } from './text-metrics.ts';

/** How the level chart spaces its values: `auto` picks `log` when they span a wide range. */
export type LevelScale = 'auto' | 'log' | 'linear';

/** Options of `levelChart`. */
export interface LevelChartOptions extends ChartOptions {
	/**
	 * `linear` measures from zero, and so does `auto` (the default): general readers take the
	 * distances on a log scale for differences, and every level carries its exact figure anyway.
	 * `log` spaces powers of ten evenly, only when an editor asks for it; the note under the axis
	 * then says so.
	 * @example "auto"
	 */
	scale?: LevelScale;
	/**
	 * The note printed under a log axis, so no reader takes distances for differences.
	 * @example "对数刻度：每向右一格，数值增至10倍"
	 */
	logNote?: string;
}

/** The note under a log axis, in words a reader understands. */
export const LOG_NOTE = '对数刻度：每向右一格，数值增至10倍';

/** The most powers of ten a log axis spans. */
const MAX_DECADES = 12;

const LABEL_SIZE = 13;
const VALUE_SIZE = 13;
const TICK_SIZE = 12;
const NOTE_SIZE = 12;
const PAD = 1;
const DOT_RADIUS = 5;
const HEADER_GAP = 4;
const ROW_GAP = 12;
const VALUE_GAP = 6;

interface LevelScaleChoice {
	scale: ScaleContinuousNumeric<number, number>;
	ticks: (fits: (ticks: Tick[]) => boolean) => Tick[];
	log: boolean;
}

function chooseScale(values: number[], kind: LevelScale, range: [number, number]): LevelScaleChoice {
	const max = Math.max(...values);
	const positive = values.filter((value) => value > 0);
	const min = positive.length > 0 ? Math.min(...positive) : 0;
	const log = kind === 'log';
	if (!log) {
		const scale = zeroBasedScale(max, range);
		const integer = values.every(Number.isInteger);
		return { scale, log, ticks: (fits) => linearTicks(scale, integer, fits) };
	}
	const high = max > 0 ? Math.ceil(Math.log10(max)) : 0;
	if (positive.length < values.length) {
		// A log scale has no place for 0; symlog (log of 1 + value) has, and matches it above 10.
		const top = Math.max(high, 1);
		const scale = scaleSymlog().constant(1).domain([0, Number(`1e${top}`)]).range(range);
		return { scale, log, ticks: (fits) => powerOfTenTicks(scale, 0, top, true, fits) };
	}
	// A single value that is a power of ten would give a domain of width zero; beyond MAX_DECADES
	// the axis would be unreadable, so smaller values are clamped to its start (their printed
	// figures stay exact).
	// Below 1e-300 powers of ten underflow towards 0, where a log scale is undefined.
	const low = Math.max(Math.floor(Math.log10(min)), high - MAX_DECADES, -300);
	const top = Math.max(high, low + 1);
	const scale = scaleLog().domain([Number(`1e${low}`), Number(`1e${top}`)]).range(range).clamp(true);
	return { scale, log, ticks: (fits) => powerOfTenTicks(scale, low, top, false, fits) };
}

/**
 * Levels of a hierarchy whose counts grow by orders of magnitude, such as the four grid levels
 * 一级网格17个 → 二级网格175个 → 三级网格1441个 → 微网格6281个. Each level is a dot on its own row,
 * labelled with its exact printed figure, on a linear scale from zero: the small levels sit near
 * zero, where a reader sees how small they are, and their figures say exactly how small. A log
 * scale is drawn only when asked for, and says so under the axis.
 */
export function levelChart(rows: ReadonlyArray<ChartRow>, options: LevelChartOptions): Element {
	const chart = 'levelChart';
	const checked = checkRows(chart, rows);
	const width = checkOptions(chart, options);
	const kind = options.scale ?? 'auto';
	if (!['auto', 'log', 'linear'].includes(kind)) {
		throw new ChartDataError(chart, 'scale', `received ${JSON.stringify(kind)}; expected "auto", "log" or "linear"`);
	}
	const left = PAD;
	const right = width - PAD;
	const { scale, ticks: fitTicks, log } = chooseScale(
		checked.map((row) => row.value),
		kind,
		[left + DOT_RADIUS, right - DOT_RADIUS],
	);

	const texts: PlacedText[] = [];
	const tracks: Element[] = [];
	const dots: Element[] = [];
	let y = PAD;
	const rowsTop = y;
	let rowsBottom = y;
	for (const row of checked) {
		const lines = wrapText(row.label, right - left, LABEL_SIZE);
		const lineBaseline = (index: number) => y + ASCENT * LABEL_SIZE + index * LINE_HEIGHT * LABEL_SIZE;
		lines.forEach((text, index) => texts.push(placeText(text, left, lineBaseline(index), LABEL_SIZE, 'chart__label')));
		// The figure follows its label on the same line where it fits, else on a line of its own.
		const lastRight = left + textWidth(lines.at(-1)!, LABEL_SIZE);
		const valueWidth = textWidth(row.printed, VALUE_SIZE);
		const valueClass = row.row.highlight ? 'chart__value chart__value--highlight' : 'chart__value';
		let headerLines = lines.length;
		if (lastRight + VALUE_GAP + valueWidth <= right) {
			texts.push(placeText(row.printed, lastRight + VALUE_GAP, lineBaseline(lines.length - 1), VALUE_SIZE, valueClass));
		} else {
			texts.push(placeText(row.printed, left, lineBaseline(lines.length), VALUE_SIZE, valueClass));
			headerLines++;
		}
		const dotY = y + blockHeight(headerLines, LABEL_SIZE) + HEADER_GAP + DOT_RADIUS;
		const dotX = scale(row.value);
		tracks.push(lineElement('chart__track', left + DOT_RADIUS, dotY, right - DOT_RADIUS, dotY));
		dots.push(s('circle', { class: row.row.highlight ? 'chart__dot chart__dot--highlight' : 'chart__dot', cx: round(dotX), cy: round(dotY), r: DOT_RADIUS }));
		rowsBottom = dotY + DOT_RADIUS;
		y = rowsBottom + ROW_GAP;
	}

	const ticks = fitTicks(fitsSideBySide(TICK_SIZE, PAD, width - PAD));
	const axisBottom = rowsBottom + 4;
	const tickBaseline = axisBottom + 2 + ASCENT * TICK_SIZE;
	for (const tick of ticks) {
		const { x, anchor } = placeTickLabel(tick, TICK_SIZE, PAD, width - PAD);
		texts.push(placeText(tick.label, x, tickBaseline, TICK_SIZE, 'chart__tick-label', anchor));
	}
	let bottom = tickBaseline + DESCENT * TICK_SIZE;
	if (log) {
		const note = options.logNote === undefined ? LOG_NOTE : checkText(chart, 'logNote', options.logNote);
		const noteLines = wrapText(note, right - left, NOTE_SIZE);
		noteLines.forEach((text, index) => {
			texts.push(placeText(text, left, bottom + 6 + ASCENT * NOTE_SIZE + index * LINE_HEIGHT * NOTE_SIZE, NOTE_SIZE, 'chart__note'));
		});
		bottom += 6 + blockHeight(noteLines.length, NOTE_SIZE);
	}

	return chartSvg(
		{ kind: 'level-chart', width, height: bottom + PAD, title: options.title, description: options.description, nextId: idSequence(options.idPrefix) },
		[
			group(
				'chart__grid',
				// Broken around the labels, so no gridline runs through one.
				ticks.flatMap((tick) => verticalLineAvoiding('chart__gridline', tick.position, rowsTop, axisBottom, texts.map((text) => text.box))),
			),
			group('chart__tracks', tracks),
			group('chart__dots', dots),
			group('chart__labels', texts.map(textElement)),
		],
	);
}
