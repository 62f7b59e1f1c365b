import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';

/**
 * How each chart class is painted, in the order of `src/styles/charts.css`, which must declare
 * exactly these (a test holds them together). On pages the stylesheet paints charts, so they
 * follow the light and dark schemes and print; `withPresentationAttributes` copies the same
 * paint into attributes for renderers without CSS, such as resvg for social images.
 */
export const chartPaint: ReadonlyArray<readonly [className: string, declarations: Readonly<Record<string, string>>]> = [
	['chart__gridline', { stroke: 'var(--rule)', 'stroke-width': '1' }],
	['chart__track', { stroke: 'var(--rule)', 'stroke-width': '1' }],
	['chart__baseline', { stroke: 'var(--ink)', 'stroke-width': '1' }],
	['chart__reference', { stroke: 'var(--ink)', 'stroke-width': '1.5', 'stroke-dasharray': '4 3' }],
	['chart__leader', { stroke: 'var(--ink-muted)', 'stroke-width': '1' }],
	['chart__line', { fill: 'none', stroke: 'var(--ink-muted)', 'stroke-width': '2', 'stroke-linejoin': 'round' }],
	['chart__bar', { fill: 'var(--ink-muted)' }],
	['chart__bar--highlight', { fill: 'var(--accent)' }],
	['chart__whole', { fill: 'var(--surface)', stroke: 'var(--ink-muted)', 'stroke-width': '1' }],
	['chart__part', { fill: 'var(--accent)' }],
	['chart__dot', { fill: 'var(--ink-muted)', stroke: 'var(--paper)', 'stroke-width': '1.5' }],
	['chart__dot--highlight', { fill: 'var(--accent)' }],
	['chart__label', { fill: 'var(--ink)' }],
	// The story's own place is set bold as well as in the accent colour: not told by colour alone.
	['chart__label--highlight', { fill: 'var(--accent)', 'font-weight': '700' }],
	['chart__value', { fill: 'var(--ink)', 'font-weight': '600' }],
	['chart__value--highlight', { fill: 'var(--accent)' }],
	['chart__reference-label', { fill: 'var(--ink)' }],
	['chart__tick-label', { fill: 'var(--ink-muted)' }],
	['chart__note', { fill: 'var(--ink-muted)' }],
	// A halo in the page colour keeps text legible where a gridline or reference line crosses it.
	['chart__text', { stroke: 'var(--paper)', 'stroke-width': '3', 'stroke-linejoin': 'round', 'paint-order': 'stroke' }],
];

/** The colours `withPresentationAttributes` uses for the custom properties, by name without `--`. */
export type ChartPalette = Readonly<Record<'paper' | 'ink' | 'ink-muted' | 'rule' | 'accent' | 'surface', string>>;

/** The light scheme of `src/styles/global.css`, the look of social images. */
export const lightPalette: ChartPalette = {
	paper: '#fbfaf6',
	ink: '#1b1b1b',
	'ink-muted': '#555049',
	rule: '#d8d2c4',
	accent: '#a61b1b',
	surface: '#f1ede3',
};

/** Options of `withPresentationAttributes`. */
export interface PresentationOptions {
	/** The colours for the custom properties; the light scheme by default. */
	palette?: ChartPalette;
	/** The font family; resvg finds fonts by family name, not through CSS. */
	fontFamily?: string;
}

const CUSTOM_PROPERTY = /^var\(--([\w-]+)\)$/;

function resolve(value: string, palette: ChartPalette): string {
	const name = CUSTOM_PROPERTY.exec(value)?.[1];
	if (!name) return value;
	const colour = palette[name as keyof ChartPalette];
	if (!colour) throw new RangeError(`invalid palette: no colour for --${name}`);
	return colour;
}

function paint(node: ElementContent, palette: ChartPalette): ElementContent {
	if (node.type !== 'element') return { ...node };
	const classes = new Set((node.properties.className as string[] | undefined) ?? []);
	const attributes: Record<string, string> = {};
	// In stylesheet order, so that later rules win as they do in CSS.
	for (const [className, declarations] of chartPaint) {
		if (!classes.has(className)) continue;
		for (const [attribute, value] of Object.entries(declarations)) attributes[attribute] = resolve(value, palette);
	}
	// hastscript turns attribute names (stroke-width) into the property names hast stores.
	const properties = { ...node.properties, ...s('g', attributes).properties };
	return { ...node, properties, children: node.children.map((child) => paint(child, palette)) };
}

/**
 * A copy of a chart with its paint written into presentation attributes (fill="#a61b1b"), for
 * renderers that read no CSS, such as resvg drawing a social image. The page keeps the classes
 * only, so its charts follow the reader's colour scheme.
 */
export function withPresentationAttributes(svg: Element, { palette = lightPalette, fontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif" }: PresentationOptions = {}): Element {
	const painted = paint(svg, palette) as Element;
	return { ...painted, properties: { ...painted.properties, ...s('g', { 'font-family': fontFamily }).properties } };
}
