import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { horizontalBar, levelChart, partOfWhole, placeComparison, renderToString, timeSeries, type ChartRow } from '../../src/charts/index.ts';
import { formatTicks, type PrintableFigure } from '../../src/figures/figures.ts';
import { chartProblems, figure, message, textBoxes } from './svg-testing.ts';

const options = { idPrefix: 'odd', title: '测试图表', description: '测试用的数字。' };

/** Every chart kind, drawing the same figures: one per row, place or period. */
const CHARTS: [name: string, draw: (figures: PrintableFigure[]) => Element][] = [
	['horizontalBar', (figures) => horizontalBar(rows(figures), options)],
	['levelChart (auto)', (figures) => levelChart(rows(figures), options)],
	['levelChart (linear)', (figures) => levelChart(rows(figures), { ...options, scale: 'linear' })],
	['levelChart (log)', (figures) => levelChart(rows(figures), { ...options, scale: 'log' })],
	['placeComparison', (figures) => placeComparison(figures.map((entry, index) => ({ ...entry, place: `地方${index + 1}` })), options)],
	['partOfWhole', ([part, whole]) => partOfWhole({ part: { ...part!, label: '部分' }, whole: { ...(whole ?? part)!, label: '全部' } }, options)],
	['timeSeries (column)', (figures) => timeSeries(figures.map((entry, index) => ({ ...entry, period: `${2020 + index}年` })), options)],
	['timeSeries (line)', (figures) => timeSeries(figures.map((entry, index) => ({ ...entry, period: `${2020 + index}年` })), { ...options, mark: 'line' })],
];

function rows(figures: PrintableFigure[]): ChartRow[] {
	return figures.map((entry, index) => ({ ...entry, label: `第${index + 1}项` }));
}

const texts = (svg: Element, className: string) =>
	textBoxes(renderToString(svg))
		.filter((entry) => entry.className.includes(className))
		.map((entry) => entry.text);

describe('odd numbers in every chart kind', () => {
	it.each(CHARTS)('%s draws -0 exactly as 0: no "-0" anywhere', (_, draw) => {
		const withMinusZero = draw([figure(-0, '元'), figure(5, '元')]);
		const withZero = draw([figure(0, '元'), figure(5, '元')]);
		const svg = renderToString(withMinusZero);
		expect(svg).toBe(renderToString(withZero));
		expect(svg).not.toMatch(/-0(?![\d.])/);
		expect(chartProblems(svg, 'odd')).toEqual([]);
	});

	it.each(CHARTS)('%s refuses a value that is not 0 but would print as 0 (1e-12元), naming the figure', (_, draw) => {
		expect(message(() => draw([figure(1e-12, '元'), figure(5, '元')]))).toMatch(/(\[0\]|part).*received 1e-12, which prints as "0" with 0 decimal places; expected a value that does not print as 0/);
	});

	it.each(CHARTS)('%s labels small amounts with enough decimals that no two ticks read the same, and none above 0 reads 0', (_, draw) => {
		const svg = draw([figure(0.001, '元', { fractionDigits: 3 }), figure(0.004, '元', { fractionDigits: 3 })]);
		const ticks = texts(svg, 'chart__tick-label');
		expect(new Set(ticks).size).toBe(ticks.length);
		expect(ticks.filter((tick) => tick === '0').length).toBeLessThanOrEqual(1);
		expect(texts(svg, 'chart__value')).toEqual(expect.arrayContaining(['0.001元']));
		expect(chartProblems(renderToString(svg), 'odd')).toEqual([]);
	});

	it('a levels chart of 0.001元 and 100元 on a log scale labels its axis 0.001 … 100, not 0 0.01 1 100', () => {
		const ticks = texts(levelChart(rows([figure(0.001, '元', { fractionDigits: 3 }), figure(100, '元')]), { ...options, scale: 'log' }), 'chart__tick-label');
		expect(ticks[0]).toBe('0.001');
		expect(ticks.at(-1)).toBe('100');
		expect(ticks).not.toContain('0');
	});
});

describe('formatTicks', () => {
	it('formatTicks(values) gives as many decimals as it takes: ticks of 0 to 0.001 are not all "0"', () => {
		expect(formatTicks([0, 0.0002, 0.0004, 0.0006, 0.0008, 0.001])).toEqual(['0', '0.0002', '0.0004', '0.0006', '0.0008', '0.001']);
		expect(formatTicks([0, 200_000, 400_000])).toEqual(['0', '20万', '40万']);
		expect(formatTicks([-0])).toEqual(['0']);
	});

	it('formatTicks(values): the ticks of any axis a chart draws never read the same, and a tick above 0 never reads 0', () => {
		fc.assert(
			fc.property(fc.double({ min: 1e-15, max: 1e15, noNaN: true }), fc.integer({ min: 1, max: 5 }), (max, count) => {
				const values = scaleLinear().domain([0, max]).nice(count).ticks(count);
				const labels = formatTicks(values);
				expect(new Set(labels).size, labels.join(' ')).toBe(values.length);
				expect(labels.slice(1).every((label) => /[1-9]/.test(label)), labels.join(' ')).toBe(true);
			}),
		);
		const powers = Array.from({ length: 31 }, (_, index) => Number(`1e${index - 15}`));
		expect(new Set(formatTicks(powers)).size).toBe(powers.length);
	});
});
