import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent } from 'hast';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { ChartDataError } from '../../src/charts/chart-data-error.ts';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { boxesOverlap, textBox, type Box, type TextAnchor } from '../../src/charts/text-metrics.ts';
import type { PrintableFigure } from '../../src/figures/figures.ts';
import { datasetSchema, type Dataset } from '../../src/schemas/dataset.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** A sample dataset from `data/`, parsed as the build parses it. */
export async function sampleDataset(id: string): Promise<Dataset> {
	const text = await readFile(join(here, '../../data', `${id}.json`), 'utf8');
	return datasetSchema.parse(JSON.parse(text));
}

/** A printable figure for made-up fixtures, with the schema's defaults. */
export function figure(value: number, unit: string, options: Partial<PrintableFigure> = {}): PrintableFigure {
	return { value, unit, notation: 'standard', fractionDigits: 0, numerals: 'arabic', ...options };
}

const INLINE = new Set(['text', 'title', 'desc', 'tspan']);

function indent(node: ElementContent, depth: number): ElementContent {
	if (node.type !== 'element' || INLINE.has(node.tagName) || node.children.length === 0) return node;
	const children: ElementContent[] = [];
	for (const child of node.children) {
		children.push({ type: 'text', value: `\n${'\t'.repeat(depth + 1)}` }, indent(child, depth + 1));
	}
	children.push({ type: 'text', value: `\n${'\t'.repeat(depth)}` });
	return { ...node, children };
}

/** The chart's SVG with one element per line, indented, so that snapshot diffs are readable. */
export function prettySvg(svg: Element): string {
	return `${renderToString(indent(svg, 0) as Element)}\n`;
}

/**
 * Compares the chart with `__snapshots__/<name>.svg`. On a mismatch the new drawing is also
 * written beside it as `<name>-changed.svg`, so a person can open both and look.
 */
export async function expectSvgSnapshot(svg: Element, name: string): Promise<void> {
	const text = prettySvg(svg);
	const file = join(here, '__snapshots__', `${name}.svg`);
	const changed = join(here, '__snapshots__', `${name}-changed.svg`);
	if (existsSync(file) && (await readFile(file, 'utf8')) !== text) await writeFile(changed, text);
	else await rm(changed, { force: true });
	await expect(text).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
}

/** One element of a parsed SVG, in document order. */
export interface ParsedElement {
	name: string;
	attributes: Record<string, string>;
	text: string;
}

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '',
	preserveOrder: true,
	trimValues: false,
	parseAttributeValue: false,
	parseTagValue: false,
	htmlEntities: true,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function flatten(nodes: OrderedNode[], into: ParsedElement[]): void {
	for (const node of nodes) {
		const name = Object.keys(node).find((key) => key !== ':@');
		if (!name || name === '#text') continue;
		const children = node[name] as OrderedNode[];
		const text = children.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
		into.push({ name, attributes: node[':@'] ?? {}, text });
		flatten(children, into);
	}
}

/** Parses serialised SVG as XML (failing the test if it is not well-formed) into its elements. */
export function parseSvg(svg: string): ParsedElement[] {
	const valid = XMLValidator.validate(svg);
	if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
	const elements: ParsedElement[] = [];
	flatten(parser.parse(svg) as OrderedNode[], elements);
	return elements;
}

/** A `<text>` of the chart with the box the layout estimated for it. */
export interface TextWithBox {
	text: string;
	className: string;
	box: Box;
}

/** The text boxes of a serialised chart, measured as the layout measures them. */
export function textBoxes(svg: string): TextWithBox[] {
	return parseSvg(svg)
		.filter((element) => element.name === 'text')
		.map(({ attributes, text }) => ({
			text,
			className: attributes.class ?? '',
			box: textBox(text, Number(attributes.x), Number(attributes.y), Number(attributes['font-size']), (attributes['text-anchor'] ?? 'start') as TextAnchor),
		}));
}

/**
 * The labels of a chart's value axis, in order. A time axis's periods are tick labels too, but they
 * are not counted: a period may read like a value (2000 the year, 2000 hours).
 */
export function valueTicks(svg: string): string[] {
	return textBoxes(svg)
		.filter(({ className }) => {
			const classes = className.split(' ');
			return classes.includes('chart__tick-label') && !classes.includes('chart__period');
		})
		.map((entry) => entry.text);
}

/** The pairs of texts whose boxes overlap; empty when the layout is clean. */
export function overlappingTexts(svg: string): string[] {
	const boxes = textBoxes(svg);
	const overlaps: string[] = [];
	boxes.forEach((a, i) => {
		for (const b of boxes.slice(i + 1)) if (boxesOverlap(a.box, b.box)) overlaps.push(`"${a.text}" overlaps "${b.text}"`);
	});
	return overlaps;
}

/**
 * The texts a `<line>` (axis, gridline, reference line, leader) runs through: a line crossing a
 * text's box, as the layout estimates it. Empty when every line keeps clear of every label.
 */
export function linesThroughTexts(svg: string): string[] {
	const boxes = textBoxes(svg);
	const crossings: string[] = [];
	for (const line of parseSvg(svg).filter((element) => element.name === 'line')) {
		const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => Number(line.attributes[name]));
		const lineBox = { left: Math.min(x1!, x2!), right: Math.max(x1!, x2!), top: Math.min(y1!, y2!), bottom: Math.max(y1!, y2!) };
		for (const { text, box } of boxes) {
			// Strict on both axes: a line along a box's edge touches it without crossing it.
			if (lineBox.left < box.right && box.left < lineBox.right && lineBox.top < box.bottom && box.top < lineBox.bottom) {
				crossings.push(`${line.attributes.class} (${x1},${y1})–(${x2},${y2}) runs through "${text}"`);
			}
		}
	}
	return crossings;
}

/**
 * Everything that must hold of any chart, whatever its data: well-formed XML, a scalable
 * viewBox, an accessible name, finite rounded numbers, every text inside the viewBox and
 * clear of every other text, and no line running through a text. Returns the problems found, so a failure lists them all.
 */
export function chartProblems(svg: string, idPrefix: string): string[] {
	const problems: string[] = [];
	const elements = parseSvg(svg);
	const root = elements[0]!;
	if (root.name !== 'svg') problems.push(`root is <${root.name}>`);
	const viewBox = (root.attributes.viewBox ?? '').split(' ').map(Number);
	const [minX, minY, width, height] = viewBox;
	if (viewBox.length !== 4 || minX !== 0 || minY !== 0 || !(width! > 0) || !(height! > 0)) problems.push(`bad viewBox "${root.attributes.viewBox}"`);
	if ('height' in root.attributes || (root.attributes.width && root.attributes.width !== '100%')) problems.push('fixed size on <svg>');
	if (root.attributes.role !== 'img') problems.push('no role="img"');
	const ids = elements.map((element) => element.attributes.id).filter(Boolean);
	if (new Set(ids).size !== ids.length) problems.push(`duplicate ids: ${ids.join(' ')}`);
	if (!ids.every((id) => id!.startsWith(`${idPrefix}-`))) problems.push(`ids without the prefix: ${ids.join(' ')}`);
	const labelledBy = (root.attributes['aria-labelledby'] ?? '').split(' ');
	const named = labelledBy.map((id) => elements.find((element) => element.attributes.id === id)?.name);
	if (named.join(' ') !== 'title desc') problems.push(`aria-labelledby points at ${named.join(' ')}`);
	for (const element of elements) {
		if ('style' in element.attributes) problems.push(`style attribute on <${element.name}>`);
		for (const [name, value] of Object.entries(element.attributes)) {
			if (/NaN|Infinity|undefined/.test(value)) problems.push(`${element.name}[${name}]="${value}"`);
			for (const number of value.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []) {
				if (/e/.test(number) || (number.split('.')[1]?.length ?? 0) > 3) problems.push(`unrounded ${element.name}[${name}]="${value}"`);
			}
		}
	}
	for (const { text, box } of textBoxes(svg)) {
		if (box.left < 0 || box.top < 0 || box.right > width! + 1e-6 || box.bottom > height! + 1e-6) {
			problems.push(`"${text}" at ${JSON.stringify(box)} is outside the viewBox ${width}×${height}`);
		}
	}
	problems.push(...overlappingTexts(svg));
	const texts = textBoxes(svg);
	const tickLabels = valueTicks(svg);
	if (new Set(tickLabels).size !== tickLabels.length) problems.push(`tick labels repeat: ${tickLabels.join(' ')}`);
	// Printed figures and ticks never read -0 (labels are the editor's text, not checked here).
	for (const { text, className } of texts) {
		if (/chart__(value|tick-label)/.test(className) && /-0(\.0*)?(?![\d.])/.test(text)) problems.push(`"${text}" prints -0`);
	}
	problems.push(...linesThroughTexts(svg));
	return problems;
}

/** The message of the `ChartDataError` a renderer throws; fails the test if it throws nothing or something else. */
export function message(draw: () => unknown): string {
	try {
		draw();
	} catch (error) {
		expect(error).toBeInstanceOf(ChartDataError);
		return (error as Error).message;
	}
	throw new Error('expected the renderer to throw');
}
