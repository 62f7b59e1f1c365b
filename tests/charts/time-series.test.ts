import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { timeSeries, type TimeSeriesOptions, type TimeSeriesPoint } from '../../src/charts/time-series.ts';
import { printableFigure, unit } from './arbitraries.ts';
import { chartProblems, expectSvgSnapshot, figure, parseSvg, textBoxes, message, valueTicks } from './svg-testing.ts';

// Made-up figures: only 2024 is in the sample data; the other years stand in for later editions.
const visitors = (period: string, value: number, fractionDigits = 2): TimeSeriesPoint => ({
	...figure(value, '人次', { notation: 'compact', fractionDigits }),
	period,
});
const holidayYears: TimeSeriesPoint[] = [visitors('2021年', 401_200), visitors('2022年', 455_500), visitors('2023年', 698_800), visitors('2024年', 765_700)];
const twentyYears: TimeSeriesPoint[] = Array.from({ length: 20 }, (_, index) => visitors(`${2005 + index}年`, 300_000 + index * 23_000 + (index % 4) * 15_000, 1));

const options: TimeSeriesOptions = {
	idPrefix: 'holiday',
	title: '历年中秋假期接待游客',
	description: '示例数据：接待游客从2021年的40.12万人次增至2024年的76.57万人次。',
};

function values(svg: string): string[] {
	return textBoxes(svg)
		.filter((entry) => entry.className.includes('chart__value'))
		.map((entry) => entry.text);
}

describe('timeSeries', () => {
	it('timeSeries(data, options) ticks in the scale the figures were printed in: 0.57亿元 gets ticks in 亿', () => {
		const revenue = (period: string, value: number): TimeSeriesPoint => ({ ...figure(value, '元', { scale: '亿', fractionDigits: 2 }), period });
		const svg = renderToString(timeSeries([revenue('2023年', 41_000_000), revenue('2024年', 57_000_000)], options));
		expect(values(svg)).toEqual(['0.41亿元', '0.57亿元']);
		expect(valueTicks(svg)).toEqual(['0', '0.2亿', '0.4亿', '0.6亿']);
		expect(chartProblems(svg, 'holiday')).toEqual([]);
	});

	it('timeSeries(data, options) draws four holidays as columns, each with its figure as printed', async () => {
		const svg = timeSeries(holidayYears, options);
		await expectSvgSnapshot(svg, 'time-series-columns');
		const text = renderToString(svg);
		expect(chartProblems(text, 'holiday')).toEqual([]);
		expect(values(text)).toEqual(['40.12万人次', '45.55万人次', '69.88万人次', '76.57万人次']);
		expect(valueTicks(text)).toEqual(['0', '20万', '40万', '60万', '80万']);
		const heights = parseSvg(text)
			.filter((element) => element.name === 'rect')
			.map((rect) => Number(rect.attributes.height));
		expect(heights[0]! / heights[3]!).toBeCloseTo(401_200 / 765_700, 2);
	});

	it('timeSeries(data, options) draws a line through twenty years, printing the latest figure and thinning the years', async () => {
		const svg = timeSeries(twentyYears, { ...options, mark: 'line' });
		await expectSvgSnapshot(svg, 'time-series-line');
		const text = renderToString(svg);
		expect(chartProblems(text, 'holiday')).toEqual([]);
		expect(values(text)).toEqual(['78.2万人次']);
		const years = textBoxes(text).filter((entry) => entry.text.endsWith('年'));
		expect(years.at(-1)!.text).toBe('2024年');
		expect(years.length).toBeLessThan(20);
		expect(parseSvg(text).filter((element) => element.name === 'circle')).toHaveLength(20);
	});

	it('timeSeries(data, options) prints a zero year and a highlighted year even when not every figure fits', async () => {
		const points = twentyYears.map((point, index) => (index === 15 ? { ...figure(0, '人次'), period: point.period } : index === 8 ? { ...point, highlight: true } : point));
		const svg = timeSeries(points, options);
		await expectSvgSnapshot(svg, 'time-series-zero-and-highlight');
		const text = renderToString(svg);
		expect(chartProblems(text, 'holiday')).toEqual([]);
		expect(values(text)).toEqual(['48.4万人次', '0人次', '78.2万人次']);
		expect(parseSvg(text).find((element) => element.attributes.class === 'chart__bar chart__bar--highlight')).toBeDefined();
	});

	it('timeSeries(data, options) handles one point, all zeros and values 10,000 times apart', () => {
		for (const points of [[visitors('2024年', 765_700)], [visitors('2023年', 0), visitors('2024年', 0)], [visitors('2023年', 10), visitors('2024年', 100_000)]]) {
			for (const mark of ['column', 'line'] as const) {
				expect(chartProblems(renderToString(timeSeries(points, { ...options, mark })), 'holiday')).toEqual([]);
			}
		}
	});

	it('timeSeries(data, options) keeps zero figures that only touched apart once their coordinates are rounded (a case fast-check found)', () => {
		const zero = (period: string, extra: Partial<TimeSeriesPoint> = {}): TimeSeriesPoint => ({ ...figure(0, '小时'), period, ...extra });
		const points: TimeSeriesPoint[] = [
			zero('1995'),
			zero('1996'),
			zero('1997', { qualifier: '余' }),
			zero('1998', { highlight: true }),
			{ ...figure(150_939_551, '小时'), period: '1999' },
			{ ...figure(10, '小时', { qualifier: '近', numerals: 'chinese' }), period: '2000' },
			zero('2001'),
			{ ...figure(1_000_000_001, '小时'), period: '2002' },
		];
		expect(chartProblems(renderToString(timeSeries(points, { ...options, idPrefix: 'p', mark: 'line', width: 263, height: 265 })), 'p')).toEqual([]);
	});

	it('timeSeries(data, options) may print a period and a value tick alike: 2000 the year under 2000 hours (a case fast-check found)', () => {
		const hours = (period: string, value: number): TimeSeriesPoint => ({ ...figure(value, '小时'), period });
		const text = renderToString(timeSeries([hours('1999', 100), hours('2000', 2), hours('2001', 10_000)], { ...options, idPrefix: 'p', width: 482, height: 160 }));
		const periods = textBoxes(text).filter((entry) => entry.className.split(' ').includes('chart__period'));
		expect(periods.map((entry) => entry.text)).toEqual(['1999', '2000', '2001']);
		expect(valueTicks(text)).toContain('2000');
		expect(chartProblems(text, 'p')).toEqual([]);
	});

	it('timeSeries(data, options) prints a figure wider than the plot over the value axis, leaving out the tick label it would cover (a case fast-check found)', () => {
		const points: TimeSeriesPoint[] = [{ ...figure(140_000_000_000_000.02, '%', { fractionDigits: 6 }), period: '1995' }];
		const text = renderToString(timeSeries(points, { ...options, idPrefix: 'p', width: 240, height: 160 }));
		expect(values(text)).toEqual(['140000000000000.020000%']);
		expect(valueTicks(text)).toEqual(['0', '50万亿', '100万亿', '200万亿']);
		expect(chartProblems(text, 'p')).toEqual([]);
	});

	it('timeSeries(data, options) refuses no points, a repeated period, mixed units and bad options', () => {
		expect(message(() => timeSeries([], options))).toMatchInlineSnapshot(`"timeSeries: points: received no points; expected at least one period to draw"`);
		expect(message(() => timeSeries([visitors('2024年', 1), visitors('', 2)], options))).toMatchInlineSnapshot(`"timeSeries: points[1].period: received ""; expected some text"`);
		expect(message(() => timeSeries([visitors('2024年', 1), visitors('2024年', 2)], options))).toMatchInlineSnapshot(`"timeSeries: points[1] ("2024年").period: is also points[0]; expected each period once"`);
		expect(message(() => timeSeries([visitors('2023年', 1), { ...figure(2, '元'), period: '2024年' }], options))).toMatchInlineSnapshot(`"timeSeries: points[1] ("2024年"): unit mismatch: this figure is in 元 but points[0] ("2023年") is in 人次; expected every figure of one chart in the same unit"`);
		expect(message(() => timeSeries(holidayYears, { ...options, mark: 'pie' as 'line' }))).toMatchInlineSnapshot(`"timeSeries: mark: received "pie"; expected "column" or "line""`);
		expect(message(() => timeSeries(holidayYears, { ...options, height: 50 }))).toMatchInlineSnapshot(`"timeSeries: height: received 50; expected a number of at least 160"`);
	});

	it('timeSeries(data, options) draws any valid series as a well-formed SVG with every text inside and apart', () => {
		const series = unit.chain((unitOfChart) =>
			fc.array(printableFigure(unitOfChart), { minLength: 1, maxLength: 30 }).chain((figures) =>
				fc.tuple(fc.constant(figures), fc.constantFrom('', '年', '年中秋', '年国庆节假期')).map(([figures, suffix]) =>
					figures.map((entry, index): TimeSeriesPoint => ({ ...entry, period: `${1995 + index}${suffix}`, highlight: index % 7 === 3 })),
				),
			),
		);
		fc.assert(
			fc.property(series, fc.constantFrom('column' as const, 'line' as const), fc.integer({ min: 240, max: 800 }), fc.integer({ min: 160, max: 400 }), (points, mark, width, height) => {
				const text = renderToString(timeSeries(points, { ...options, idPrefix: 'p', mark, width, height }));
				expect(chartProblems(text, 'p')).toEqual([]);
				// The latest figure is always printed.
				expect(values(text).length).toBeGreaterThan(0);
			}),
		);
	});
});
