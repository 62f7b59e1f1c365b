import { scaleLinear, type ScaleContinuousNumeric, type ScaleLinear } from 'd3-scale';
import { formatTicks } from '../figures/figures.ts';
import { LINE_HEIGHT, textWidth } from './text-metrics.ts';

/** A tick: its value, where it falls along the axis, and its label (0, 20万, 1亿). */
export interface Tick {
	value: number;
	position: number;
	label: string;
}

/** The tick count asked of d3; it may return one more (0 to 80万 by 20万). */
const MAX_TICKS = 5;

/** Space between two tick labels side by side. */
const TICK_GAP = 8;

/**
 * A linear scale from 0 to a round number at or above `max`, so the last gridline is a round
 * figure (80万 for 76.57万). With nothing above 0 the domain is 0 to 1, since a zero-width
 * domain would put every value in the middle.
 */
export function zeroBasedScale(max: number, range: [number, number]): ScaleLinear<number, number> {
	return scaleLinear()
		.domain([0, max > 0 ? max : 1])
		.range(range)
		.nice(MAX_TICKS);
}

/** Where a tick label along a horizontal axis is drawn: its anchor point, anchor and extent. */
export interface TickLabelPlacement {
	x: number;
	anchor: 'start' | 'middle' | 'end';
	left: number;
	right: number;
}

/**
 * Centres a tick label on its tick, except at the ends of the axis, where it is aligned to the
 * edge instead of being cut off (the 0 at the very left of a bar chart).
 */
export function placeTickLabel(tick: Tick, fontSize: number, min: number, max: number): TickLabelPlacement {
	const width = textWidth(tick.label, fontSize);
	if (tick.position - width / 2 < min) return { x: min, anchor: 'start', left: min, right: min + width };
	if (tick.position + width / 2 > max) return { x: max, anchor: 'end', left: max - width, right: max };
	return { x: tick.position, anchor: 'middle', left: tick.position - width / 2, right: tick.position + width / 2 };
}

/** Whether tick labels along a horizontal axis, placed by `placeTickLabel`, stay apart. */
export function fitsSideBySide(fontSize: number, min: number, max: number): (ticks: Tick[]) => boolean {
	return (ticks) => {
		let previousRight = -Infinity;
		for (const tick of ticks) {
			const { left, right } = placeTickLabel(tick, fontSize, min, max);
			if (right - left > max - min || left < previousRight + TICK_GAP) return false;
			previousRight = right;
		}
		return true;
	};
}

/** Whether tick labels stacked along a vertical axis are at least a line apart. */
export function fitsStacked(fontSize: number): (ticks: Tick[]) => boolean {
	return (ticks) => ticks.every((tick, index) => index === 0 || Math.abs(tick.position - ticks[index - 1]!.position) >= LINE_HEIGHT * fontSize);
}

/** Labels for a set of ticks at once, so that no two read the same (`formatTicks`). */
export type TickLabels = (values: readonly number[]) => string[];

function toTicks(values: number[], scale: (value: number) => number, labelsOf: TickLabels = formatTicks): Tick[] {
	const labels = labelsOf(values);
	return values.map((value, index) => ({ value, position: scale(value), label: labels[index]! }));
}

/**
 * The most ticks (at most six) of a linear scale whose labels fit. Whole-number data gets
 * whole-number ticks only: half a 个 is not a count.
 */
export function linearTicks(
	scale: ScaleLinear<number, number>,
	integer: boolean,
	fits: (ticks: Tick[]) => boolean,
	format: TickLabels = formatTicks,
): Tick[] {
	for (let count = MAX_TICKS; count >= 1; count--) {
		const ticks = toTicks(
			scale.ticks(count).filter((value) => !integer || Number.isInteger(value)),
			scale,
			format,
		);
		// d3 can answer 5 with 7 (0 to 1200 by 200), which crowds a phone-width axis.
		if (ticks.length > 0 && ticks.length <= MAX_TICKS + 1 && fits(ticks)) return ticks;
	}
	return toTicks([scale.domain()[0]!], scale, format);
}

/**
 * Ticks at the powers of ten of a log (or symlog) scale, thinned to every second, third… power
 * until their labels fit. `withZero` adds a 0 tick, for the symlog scale that shows zero values.
 */
export function powerOfTenTicks(
	scale: ScaleContinuousNumeric<number, number>,
	lowExponent: number,
	highExponent: number,
	withZero: boolean,
	fits: (ticks: Tick[]) => boolean,
): Tick[] {
	const powers: number[] = [];
	for (let exponent = lowExponent; exponent <= highExponent; exponent++) powers.push(Number(`1e${exponent}`));
	for (let step = 1; step <= powers.length; step++) {
		const kept = powers.filter((_, index) => index % step === 0);
		const ticks = toTicks(withZero ? [0, ...kept] : kept, (value) => scale(value));
		if (fits(ticks)) return ticks;
	}
	return toTicks([withZero ? 0 : powers[0]!], (value) => scale(value));
}
