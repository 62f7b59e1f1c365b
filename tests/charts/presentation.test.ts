import { readFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { horizontalBar } from '../../src/charts/horizontal-bar.ts';
import { levelChart } from '../../src/charts/level-chart.ts';
import { chartPaint, lightPalette, withPresentationAttributes } from '../../src/charts/presentation.ts';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { parseSvg, sampleDataset } from './svg-testing.ts';

const erqi = await sampleDataset('erqi-governance');
const organisations = erqi.figures.filter((entry) => entry.group === 'organisations');
const grids = erqi.figures.filter((entry) => entry.group === 'grids');
const options = { idPrefix: 'social', title: '二七区三类组织', description: '基层党组织736个，自治组织723个，志愿服务组织1095个。' };

const chartsCss = await readFile(new URL('../../src/styles/charts.css', import.meta.url), 'utf8');
const globalCss = await readFile(new URL('../../src/styles/global.css', import.meta.url), 'utf8');

/** The top-level rules of a stylesheet (media queries left out), as selector → declarations. */
function topLevelRules(css: string): Map<string, Record<string, string>> {
	let text = css.replace(/\/\*[\s\S]*?\*\//g, '');
	// Drop @media blocks, which nest one level of braces.
	text = text.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
	const rules = new Map<string, Record<string, string>>();
	for (const [, selector, body] of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
		const declarations = Object.fromEntries(
			body!
				.split(';')
				.map((declaration) => declaration.trim())
				.filter(Boolean)
				.map((declaration) => {
					const colon = declaration.indexOf(':');
					return [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim()];
				}),
		);
		rules.set(selector!.trim(), declarations);
	}
	return rules;
}

describe('chart paint', () => {
	it('charts.css paints every chart class exactly as chartPaint does, in the same order', () => {
		const rules = topLevelRules(chartsCss);
		const chartRules = [...rules].filter(([selector]) => selector.startsWith('.chart__'));
		expect(chartRules).toEqual(chartPaint.map(([className, declarations]) => [`.${className}`, declarations]));
	});

	it('charts.css uses only colours from global.css custom properties', () => {
		const defined = new Set([...globalCss.matchAll(/(--[\w-]+):/g)].map((match) => match[1]));
		for (const [, name] of chartsCss.matchAll(/var\((--[\w-]+)\)/g)) expect(defined).toContain(name);
		const withoutMedia = chartsCss.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
		expect(withoutMedia).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(|hsl\(/i);
	});

	it('lightPalette holds the light colours of global.css', () => {
		const root = topLevelRules(globalCss).get(':root')!;
		for (const [name, colour] of Object.entries(lightPalette)) expect(root[`--${name}`]).toBe(colour);
	});
});

describe('withPresentationAttributes', () => {
	it('withPresentationAttributes(svg) writes the light paint into attributes and leaves the original untouched', () => {
		const svg = horizontalBar(organisations.map((entry, index) => ({ ...entry, highlight: index === 0 })), options);
		const before = renderToString(svg);
		const painted = parseSvg(renderToString(withPresentationAttributes(svg)));
		expect(renderToString(svg)).toBe(before);
		const rects = painted.filter((element) => element.name === 'rect');
		expect(rects.map((rect) => rect.attributes.fill)).toEqual([lightPalette.accent, lightPalette['ink-muted'], lightPalette['ink-muted']]);
		const label = painted.find((element) => element.name === 'text' && element.text === '自治组织')!;
		expect(label.attributes).toMatchObject({ fill: lightPalette.ink, stroke: lightPalette.paper, 'paint-order': 'stroke' });
		// The highlighted row's label is told by weight as well as by colour.
		const highlighted = painted.find((element) => element.name === 'text' && element.text === '基层党组织')!;
		expect(highlighted.attributes).toMatchObject({ fill: lightPalette.accent, 'font-weight': '700' });
		expect(painted[0]!.attributes['font-family']).toContain('Noto Sans CJK SC');
		expect(painted.some((element) => /var\(/.test(Object.values(element.attributes).join(' ')))).toBe(false);
	});

	it('withPresentationAttributes(svg, {palette}) paints with another palette, such as a dark social image', () => {
		const dark = { paper: '#161513', ink: '#ece8df', 'ink-muted': '#b5ae9f', rule: '#3d3a33', accent: '#ff8a80', surface: '#222019' };
		const painted = parseSvg(renderToString(withPresentationAttributes(levelChart(grids, options), { palette: dark })));
		expect(painted.find((element) => element.name === 'circle')!.attributes.fill).toBe(dark['ink-muted']);
	});

	it('withPresentationAttributes(svg) gives resvg a chart it can draw: a social image of the grid levels', () => {
		const svg = renderToString(withPresentationAttributes(levelChart(grids, options)));
		const image = new Resvg(svg, { fitTo: { mode: 'width', value: 720 }, font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' } }).render();
		expect(image.width).toBe(720);
		const viewBox = parseSvg(svg)[0]!.attributes.viewBox!.split(' ').map(Number);
		expect(Math.abs(image.height - (720 / viewBox[2]!) * viewBox[3]!)).toBeLessThanOrEqual(1);
		// Ink was drawn: some pixels are dark (text, dots), not only the transparent background.
		const pixels = image.pixels;
		let dark = 0;
		for (let index = 0; index < pixels.length; index += 4) if (pixels[index + 3]! > 200 && pixels[index]! < 100) dark++;
		expect(dark).toBeGreaterThan(1000);
	});
});
