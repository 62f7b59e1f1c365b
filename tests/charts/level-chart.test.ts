import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChartDataError } from '../../src/charts/chart-data-error.ts';
import { LOG_NOTE, levelChart, type LevelChartOptions } from '../../src/charts/level-chart.ts';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { chartRows } from './arbitraries.ts';
import { chartProblems, expectSvgSnapshot, figure, parseSvg, sampleDataset, textBoxes } from './svg-testing.ts';

const erqi = await sampleDataset('erqi-governance');
const grids = erqi.figures.filter((entry) => entry.group === 'grids');

const options: LevelChartOptions = {
	idPrefix: 'grids',
	title: '二七区四级网格',
	description: '全区设置一级网格17个、二级网格175个、三级网格1441个、微网格6281个，每级约为上一级的4至10倍。',
};

const FORTY = '纳入基层治理队伍范畴的社区工作者五老人员物业楼栋院长新就业群体和志愿者等多元力量';

function dotsX(svg: string): number[] {
	return parseSvg(svg)
		.filter((element) => element.name === 'circle')
		.map((circle) => Number(circle.attributes.cx));
}

describe('levelChart', () => {
	it('levelChart(data, options) draws the four grid levels on a linear scale from zero, each labelled with its printed figure', async () => {
		const svg = levelChart(grids, options);
		await expectSvgSnapshot(svg, 'level-chart-grids');
		const text = renderToString(svg);
		expect(chartProblems(text, 'grids')).toEqual([]);
		const texts = textBoxes(text).map((entry) => entry.text);
		expect(texts).toEqual(['一级网格', '17个', '二级网格', '175个', '三级网格', '1441个', '微网格', '6281个', '0', '2000', '4000', '6000']);
		// Distances from zero are proportional to the counts, as a general reader takes them.
		const [first, second, third, fourth] = dotsX(text).map((x) => x - 6);
		expect(fourth! / third!).toBeCloseTo(6281 / 1441, 1);
		expect(second! / first!).toBeCloseTo(175 / 17, 0);
	});

	it('levelChart(data, options) draws a log scale only when asked, and says what it means in words', () => {
		const [logFirst] = dotsX(renderToString(levelChart(grids, { ...options, scale: 'log' })));
		const [linearFirst] = dotsX(renderToString(levelChart(grids, options)));
		expect(logFirst! - 6).toBeGreaterThan(20);
		expect(linearFirst! - 6).toBeLessThan(1);
		const log = textBoxes(renderToString(levelChart(grids, { ...options, scale: 'log' }))).map((entry) => entry.text);
		// On a log scale equal ratios are equal distances: the note tells the reader each step is ×10.
		expect(log).toContain(LOG_NOTE);
		expect(LOG_NOTE).toBe('对数刻度：每向右一格，数值增至10倍');
	});

	it('levelChart(data, options) says 对数刻度 only when the scale is logarithmic', () => {
		const organisations = erqi.figures.filter((entry) => entry.group === 'organisations');
		const linear = textBoxes(renderToString(levelChart(organisations, options))).map((entry) => entry.text);
		expect(linear.join('')).not.toContain('对数刻度');
		expect(textBoxes(renderToString(levelChart(grids, { ...options, scale: 'auto' }))).map((entry) => entry.text).join('')).not.toContain('对数刻度');
		const noted = textBoxes(renderToString(levelChart(grids, { ...options, scale: 'log', logNote: '对数刻度：每格相差10倍' }))).map((entry) => entry.text);
		expect(noted).toContain('对数刻度：每格相差10倍');
	});

	it('levelChart(data, options) places a zero level at a 0 tick of a symlog scale rather than failing', async () => {
		const svg = levelChart([{ ...grids[0]!, value: 0 }, ...grids.slice(1)], { ...options, scale: 'log' });
		await expectSvgSnapshot(svg, 'level-chart-zero');
		const text = renderToString(svg);
		expect(chartProblems(text, 'grids')).toEqual([]);
		const texts = textBoxes(text).map((entry) => entry.text);
		expect(texts).toContain('0个');
		expect(texts.slice(texts.indexOf('6281个') + 1)).toEqual(['0', '1', '10', '100', '1000', '1万', '对数刻度：每向右一格，数值增至10倍']);
	});

	it('levelChart(data, options) handles values 10,000 times apart and a single level', () => {
		const wide = renderToString(levelChart([{ ...figure(1, '个'), label: '一' }, { ...figure(10_000, '个'), label: '万' }], options));
		expect(chartProblems(wide, 'grids')).toEqual([]);
		const [low, high] = dotsX(wide);
		expect(high! - low!).toBeGreaterThan(300);
		const single = renderToString(levelChart([{ ...figure(100, '个'), label: '百' }], { ...options, scale: 'log' }));
		expect(chartProblems(single, 'grids')).toEqual([]);
	});

	it('levelChart(data, options) keeps labels clear of each other, for the sample and for 40-character labels', async () => {
		const long = levelChart(
			grids.map((entry) => ({ ...entry, label: `${entry.label}${FORTY}` })),
			options,
		);
		await expectSvgSnapshot(long, 'level-chart-long-labels');
		expect(chartProblems(renderToString(long), 'grids')).toEqual([]);
	});

	it('levelChart(data, options) refuses bad input with a message naming it', () => {
		const error = (draw: () => unknown) => {
			try {
				draw();
			} catch (thrown) {
				expect(thrown).toBeInstanceOf(ChartDataError);
				return (thrown as Error).message;
			}
			throw new Error('expected the renderer to throw');
		};
		expect(error(() => levelChart([], options))).toMatchInlineSnapshot(`"levelChart: rows: received no rows; expected at least one figure to draw"`);
		expect(error(() => levelChart([{ ...grids[0]!, value: -17 }], options))).toMatchInlineSnapshot(`"levelChart: rows[0] ("一级网格").value: received -17; expected a count or amount of 0 or more"`);
		expect(error(() => levelChart([grids[0]!, { ...grids[1]!, unit: '名' }], options))).toMatchInlineSnapshot(`"levelChart: rows[1] ("二级网格"): unit mismatch: this figure is in 名 but rows[0] ("一级网格") is in 个; expected every figure of one chart in the same unit"`);
		expect(error(() => levelChart(grids, { ...options, scale: 'sqrt' as 'log' }))).toMatchInlineSnapshot(`"levelChart: scale: received "sqrt"; expected "auto", "log" or "linear""`);
	});

	it('levelChart(data, options) draws any valid data as a well-formed, scalable SVG with every text inside and apart', () => {
		fc.assert(
			fc.property(chartRows(8), fc.constantFrom('auto' as const, 'log' as const, 'linear' as const), fc.integer({ min: 240, max: 800 }), (rows, scale, width) => {
				const text = renderToString(levelChart(rows, { ...options, idPrefix: 'p', scale, width }));
				expect(chartProblems(text, 'p')).toEqual([]);
				expect(text).toBe(renderToString(levelChart(rows, { ...options, idPrefix: 'p', scale, width })));
			}),
		);
	});
});
