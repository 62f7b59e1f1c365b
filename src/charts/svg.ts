import type { Element } from 'hast';
import { s } from 'hastscript';
import { textBox, type Box, type TextAnchor } from './text-metrics.ts';

/**
 * Rounds a coordinate to 3 decimals, as d3-path does, so output is short and stable; refuses
 * NaN and infinities so that a layout bug fails loudly instead of drawing nothing.
 */
export function round(value: number): number {
	if (!Number.isFinite(value)) throw new RangeError(`invalid coordinate: ${value}`);
	const rounded = Math.round(value * 1000) / 1000;
	// -0 would print as "0" anyway, but keeps snapshots honest when compared as numbers.
	return rounded === 0 ? 0 : rounded;
}

/** Hands out ids `<prefix>-1`, `<prefix>-2`, … in the order the chart asks for them. */
export function idSequence(prefix: string): () => string {
	let next = 0;
	return () => `${prefix}-${++next}`;
}

/** The outermost `<svg>` of a chart and its accessible name and description. */
export interface ChartFrame {
	/** Names the chart kind in its class, `chart chart--<kind>`. */
	kind: string;
	/** A variant of the kind, such as `line`, adding the class `chart--<kind>--<modifier>`. */
	modifier?: string;
	width: number;
	height: number;
	title: string;
	description: string;
	nextId: () => string;
}

/**
 * The chart's `<svg>`: a viewBox and `width="100%"` and no height, so that it scales with its
 * container; `role="img"` named by its `<title>` and `<desc>`.
 */
export function chartSvg(frame: ChartFrame, children: Element[]): Element {
	const titleId = frame.nextId();
	const descriptionId = frame.nextId();
	return s(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			viewBox: `0 0 ${round(frame.width)} ${round(frame.height)}`,
			width: '100%',
			role: 'img',
			'aria-labelledby': `${titleId} ${descriptionId}`,
			class: ['chart', `chart--${frame.kind}`, ...(frame.modifier ? [`chart--${frame.kind}--${frame.modifier}`] : [])].join(' '),
		},
		[s('title', { id: titleId }, frame.title), s('desc', { id: descriptionId }, frame.description), ...children],
	);
}

/** One line of text placed by the layout, kept with its box so layouts can check for overlaps. */
export interface PlacedText {
	text: string;
	x: number;
	y: number;
	fontSize: number;
	anchor: TextAnchor;
	className: string;
	box: Box;
}

/** Places one line of text with its baseline at `y`. */
export function placeText(text: string, x: number, y: number, fontSize: number, className: string, anchor: TextAnchor = 'start'): PlacedText {
	return { text, x, y, fontSize, anchor, className, box: textBox(text, x, y, fontSize, anchor) };
}

/** The `<text>` element for a placed line; the text is a text node, escaped when serialised. */
export function textElement(placed: PlacedText): Element {
	return s(
		'text',
		{
			// chart__text gives every text the halo that keeps it legible over lines.
			class: `chart__text ${placed.className}`,
			x: round(placed.x),
			y: round(placed.y),
			'font-size': placed.fontSize,
			...(placed.anchor === 'start' ? {} : { 'text-anchor': placed.anchor }),
		},
		placed.text,
	);
}

/** A `<rect>` with rounded coordinates; negative sizes are clamped to 0 rather than drawn inside out. */
export function rectElement(className: string, x: number, y: number, width: number, height: number): Element {
	return s('rect', { class: className, x: round(x), y: round(y), width: round(Math.max(0, width)), height: round(Math.max(0, height)) });
}

/** A `<line>` with rounded coordinates. */
export function lineElement(className: string, x1: number, y1: number, x2: number, y2: number): Element {
	return s('line', { class: className, x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2) });
}

/** A `<g>` grouping elements of one role, such as the axis or the labels. */
export function group(className: string, children: Element[]): Element {
	return s('g', { class: className }, children);
}

/** How far a line keeps from the text and marks it is broken around, in viewBox units. */
export const LINE_CLEARANCE = 3;

/** What is left of [from, to] once the intervals are taken out; pieces shorter than 1 are dropped. */
function remainingPieces(from: number, to: number, cuts: Array<[number, number]>): Array<[number, number]> {
	const pieces: Array<[number, number]> = [];
	let start = from;
	for (const [cutFrom, cutTo] of [...cuts].sort((a, b) => a[0] - b[0])) {
		if (cutTo <= start || cutFrom >= to) continue;
		if (cutFrom - start >= 1) pieces.push([start, cutFrom]);
		start = Math.max(start, cutTo);
	}
	if (to - start >= 1) pieces.push([start, to]);
	return pieces;
}

/**
 * A vertical line at `x` from `top` to `bottom`, broken wherever it would cross one of the
 * `obstacles` (text boxes, bars) with `LINE_CLEARANCE` to spare: an axis, gridline or reference
 * line never runs through a label or hides the end of a bar.
 */
export function verticalLineAvoiding(className: string, x: number, top: number, bottom: number, obstacles: ReadonlyArray<Box>): Element[] {
	const cuts = obstacles
		.filter((box) => box.left - LINE_CLEARANCE < x && x < box.right + LINE_CLEARANCE)
		.map((box): [number, number] => [box.top - LINE_CLEARANCE, box.bottom + LINE_CLEARANCE]);
	return remainingPieces(top, bottom, cuts).map(([from, to]) => lineElement(className, x, from, x, to));
}

/** A horizontal line at `y` from `left` to `right`, broken around the `obstacles` as `verticalLineAvoiding` is. */
export function horizontalLineAvoiding(className: string, y: number, left: number, right: number, obstacles: ReadonlyArray<Box>): Element[] {
	const cuts = obstacles
		.filter((box) => box.top - LINE_CLEARANCE < y && y < box.bottom + LINE_CLEARANCE)
		.map((box): [number, number] => [box.left - LINE_CLEARANCE, box.right + LINE_CLEARANCE]);
	return remainingPieces(left, right, cuts).map(([from, to]) => lineElement(className, from, y, to, y));
}
