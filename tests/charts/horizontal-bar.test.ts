import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChartDataError } from '../../src/charts/chart-data-error.ts';
import type { ChartRow } from '../../src/charts/chart-row.ts';
import { horizontalBar, MIN_BAR_WIDTH, type HorizontalBarOptions } from '../../src/charts/horizontal-bar.ts';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { chartRows, printableFigure } from './arbitraries.ts';
import { chartProblems, expectSvgSnapshot, figure, parseSvg, sampleDataset, textBoxes } from './svg-testing.ts';

const erqi = await sampleDataset('erqi-governance');
const organisations = erqi.figures.filter((entry) => entry.group === 'organisations');
const compounds = erqi.figures.find((entry) => entry.id === 'compounds-covered')!;
const people = erqi.figures.filter((entry) => entry.unit === '名');
const problemsSolved = erqi.figures.find((entry) => entry.id === 'problems-solved')!;

const options: HorizontalBarOptions = {
	idPrefix: 'organisations',
	title: '二七区建立健全的三类组织',
	description: '基层党组织736个，自治组织723个，志愿服务组织1095个；723个楼院实现三类组织全覆盖。',
};

const FORTY = '纳入基层治理队伍范畴的社区工作者五老人员物业楼栋院长新就业群体和志愿者等多元力量';

function rects(svg: string) {
	return parseSvg(svg).filter((element) => element.name === 'rect');
}

function errorOf(draw: () => unknown): ChartDataError {
	try {
		draw();
	} catch (error) {
		expect(error).toBeInstanceOf(ChartDataError);
		return error as ChartDataError;
	}
	throw new Error('expected the renderer to throw');
}

describe('horizontalBar', () => {
	it('horizontalBar(data, options) draws the three kinds of organisations with a reference line at 楼院723个', async () => {
		const svg = horizontalBar(organisations, { ...options, reference: { ...compounds, label: '楼院' } });
		await expectSvgSnapshot(svg, 'horizontal-bar-organisations');
		const text = renderToString(svg);
		expect(chartProblems(text, 'organisations')).toEqual([]);
		expect(textBoxes(text).map((entry) => entry.text)).toEqual([
			'楼院723个',
			'基层党组织',
			'736个',
			'自治组织',
			'723个',
			'志愿服务组织',
			'1095个',
			'0',
			'500',
			'1000',
		]);
		const [party, selfGoverning, volunteer] = rects(text).map((rect) => Number(rect.attributes.width));
		expect(party! / volunteer!).toBeCloseTo(736 / 1095, 2);
		expect(selfGoverning! / volunteer!).toBeCloseTo(723 / 1095, 2);
		// The reference line stands exactly at the end of the 723 bar…
		const elements = parseSvg(text);
		const reference = elements.filter((element) => element.attributes.class === 'chart__reference');
		expect(Number(reference[0]!.attributes.x1)).toBeCloseTo(1 + selfGoverning!, 2);
		// …yet never hides it: it is drawn behind the bars and broken where it would cross one.
		expect(elements.indexOf(reference.at(-1)!)).toBeLessThan(elements.findIndex((element) => element.name === 'rect'));
		for (const bar of rects(text)) {
			const [top, bottom] = [Number(bar.attributes.y), Number(bar.attributes.y) + Number(bar.attributes.height)];
			for (const piece of reference) expect(Number(piece.attributes.y2) <= top || Number(piece.attributes.y1) >= bottom).toBe(true);
		}
		// The zero line beside the bars is broken around each label above its bar.
		expect(elements.filter((element) => element.attributes.class === 'chart__baseline').length).toBeGreaterThan(1);
	});

	it('horizontalBar(data, options) prints figures with their qualifiers and 万 as the paper did (1.3万余名, 16400余件)', async () => {
		const svg = horizontalBar(people, { ...options, idPrefix: 'people' });
		await expectSvgSnapshot(svg, 'horizontal-bar-people');
		const texts = textBoxes(renderToString(svg)).map((entry) => entry.text);
		expect(texts).toEqual(expect.arrayContaining(['20名', '236名', '126名', '68名', '1.3万余名']));
		expect(textBoxes(renderToString(horizontalBar([problemsSolved], options))).map((entry) => entry.text)).toContain('16400余件');
		// 件 and 名 on one axis is refused.
		expect(() => horizontalBar([...people, problemsSolved], options)).toThrow(ChartDataError);
	});

	it('horizontalBar(data, options) reads axis ticks as 0, 20万, 40万, 60万, 80万', () => {
		const rows: ChartRow[] = [
			{ ...figure(765_700, '人次', { notation: 'compact', fractionDigits: 2 }), label: '中牟县' },
			{ ...figure(403_890, '人次', { notation: 'compact', fractionDigits: 3 }), label: '荥阳市' },
		];
		const ticks = textBoxes(renderToString(horizontalBar(rows, options))).filter((entry) => entry.className.includes('chart__tick-label'));
		expect(ticks.map((tick) => tick.text)).toEqual(['0', '20万', '40万', '60万', '80万']);
	});

	it('horizontalBar(data, options) wraps a 40-character label onto several lines and grows to fit it', async () => {
		const short = horizontalBar([{ ...figure(13_000, '名'), label: '多元力量' }], options);
		const long = horizontalBar([{ ...figure(13_000, '名'), label: FORTY }], options);
		await expectSvgSnapshot(long, 'horizontal-bar-long-label');
		const labels = textBoxes(renderToString(long)).filter((entry) => entry.className.includes('chart__label'));
		expect(labels.length).toBeGreaterThan(1);
		expect(labels.map((entry) => entry.text).join('')).toBe(FORTY);
		const heightOf = (svg: typeof short) => Number(String(svg.properties.viewBox).split(' ')[3]);
		expect(heightOf(long)).toBeCloseTo(heightOf(short) + 1.3 * 13, 3);
		expect(chartProblems(renderToString(long), 'organisations')).toEqual([]);
	});

	it('horizontalBar(data, options) keeps labels clear of each other, for the sample and for 40-character labels', () => {
		const samples = [
			horizontalBar(organisations, { ...options, reference: { ...compounds, label: '楼院' } }),
			horizontalBar(
				organisations.map((entry) => ({ ...entry, label: FORTY })),
				{ ...options, reference: { ...compounds, label: FORTY } },
			),
			horizontalBar(
				erqi.figures.filter((entry) => entry.unit === '个'),
				options,
			),
		];
		for (const svg of samples) expect(chartProblems(renderToString(svg), 'organisations')).toEqual([]);
	});

	it('horizontalBar(data, options) draws a zero bar with its label and "0"', async () => {
		const svg = horizontalBar(
			[
				{ ...figure(0, '个'), label: '尚未建成的实践站' },
				{ ...figure(82, '个'), label: '楼院美好生活实践站' },
			],
			options,
		);
		await expectSvgSnapshot(svg, 'horizontal-bar-zero');
		const text = renderToString(svg);
		expect(rects(text)[0]!.attributes.width).toBe('0');
		const texts = textBoxes(text).map((entry) => entry.text);
		expect(texts).toContain('尚未建成的实践站');
		expect(texts).toContain('0个');
		expect(chartProblems(text, 'organisations')).toEqual([]);
	});

	it('horizontalBar(data, options) gives a value 10,000 times smaller than the largest a visible bar', async () => {
		const svg = horizontalBar(
			[
				{ ...figure(1, '件'), label: '最少' },
				{ ...figure(10_000, '件'), label: '最多' },
			],
			options,
		);
		await expectSvgSnapshot(svg, 'horizontal-bar-wide-range');
		const [smallest, largest] = rects(renderToString(svg)).map((rect) => Number(rect.attributes.width));
		expect(smallest).toBe(MIN_BAR_WIDTH);
		expect(largest).toBeGreaterThan(200);
	});

	it('horizontalBar(data, options) prints a figure too long to sit beside its bar above the bar instead', () => {
		const long = { ...figure(100_000_000_000_000, '大类', { qualifier: '余', fractionDigits: 2 }), label: '审批服务大类' };
		const text = renderToString(horizontalBar([long, { ...figure(5, '大类'), label: '其他' }], { ...options, width: 240 }));
		expect(chartProblems(text, 'organisations')).toEqual([]);
		const value = textBoxes(text).find((entry) => entry.text === '100000000000000.00余大类')!;
		const bar = rects(text)[0]!;
		expect(value.box.left).toBe(1);
		expect(value.box.bottom).toBeLessThanOrEqual(Number(bar.attributes.y));
	});

	it('horizontalBar(data, options) draws only zero bars when every value is 0, without NaN', () => {
		const text = renderToString(horizontalBar([{ ...figure(0, '个'), label: '甲' }, { ...figure(0, '个'), label: '乙' }], options));
		expect(chartProblems(text, 'organisations')).toEqual([]);
		expect(textBoxes(text).filter((entry) => entry.text === '0个')).toHaveLength(2);
	});

	it('horizontalBar(data, options) gives the same bytes for the same input', () => {
		const draw = () => renderToString(horizontalBar(organisations, { ...options, reference: { ...compounds, label: '楼院' } }));
		expect(draw()).toBe(draw());
	});

	it('horizontalBar(data, options) escapes labels instead of letting them write markup', () => {
		const text = renderToString(horizontalBar([{ ...figure(1, '个'), label: '<script>alert("x")</script> & 楼院' }], { ...options, title: '</title><g>' }));
		expect(text).not.toContain('<script>');
		expect(text).not.toContain('</title><g>');
		expect(textBoxes(text).map((entry) => entry.text).join('')).toContain('<script>alert("x")</script>');
	});

	it('horizontalBar(data, options) marks highlighted bars with a class, not a colour', () => {
		const text = renderToString(horizontalBar(organisations.map((entry, index) => ({ ...entry, highlight: index === 2 })), options));
		expect(rects(text).map((rect) => rect.attributes.class)).toEqual(['chart__bar', 'chart__bar', 'chart__bar chart__bar--highlight']);
		expect(text).not.toMatch(/fill=|stroke=|style=/);
	});

	it('horizontalBar(data, options) refuses rows it cannot draw truthfully, naming the row and the problem', () => {
		const row = (value: number, unit = '个', label = '基层党组织'): ChartRow => ({ ...figure(value, unit), label });
		expect(errorOf(() => horizontalBar([], options)).message).toMatchInlineSnapshot(`"horizontalBar: rows: received no rows; expected at least one figure to draw"`);
		expect(errorOf(() => horizontalBar([row(1), row(Number.NaN, '个', '自治组织')], options)).message).toMatchInlineSnapshot(`"horizontalBar: rows[1] ("自治组织").value: received NaN; expected a finite number"`);
		expect(errorOf(() => horizontalBar([row(Number.POSITIVE_INFINITY)], options)).message).toMatchInlineSnapshot(`"horizontalBar: rows[0] ("基层党组织").value: received Infinity; expected a finite number"`);
		expect(errorOf(() => horizontalBar([row(-3)], options)).message).toMatchInlineSnapshot(`"horizontalBar: rows[0] ("基层党组织").value: received -3; expected a count or amount of 0 or more"`);
		expect(errorOf(() => horizontalBar([row(765_700, '人次', '中牟县'), row(34_406_700, '元', '荥阳市')], options)).message).toMatchInlineSnapshot(`"horizontalBar: rows[1] ("荥阳市"): unit mismatch: this figure is in 元 but rows[0] ("中牟县") is in 人次; expected every figure of one chart in the same unit"`);
		expect(errorOf(() => horizontalBar([row(1)], { ...options, reference: { ...figure(5, '元'), label: '楼院' } })).message).toMatchInlineSnapshot(`"horizontalBar: reference: unit mismatch: this figure is in 元 but rows[0] ("基层党组织") is in 个; expected every figure of one chart in the same unit"`);
		expect(errorOf(() => horizontalBar([row(1, '个', '楼院\u0007')], options)).message).toMatchInlineSnapshot(`"horizontalBar: rows[0] ("楼院\\u0007").label: received "楼院\\u0007"; expected text without control characters"`);
		expect(errorOf(() => horizontalBar([row(1, '个', '  ')], options)).message).toMatchInlineSnapshot(`"horizontalBar: rows[0].label: received "  "; expected some text"`);
		expect(errorOf(() => horizontalBar([row(1)], { ...options, description: '' })).message).toMatchInlineSnapshot(`"horizontalBar: description: received \"\"; expected alt text that says what the chart shows"`);
		expect(errorOf(() => horizontalBar([row(1)], { ...options, idPrefix: '1 chart' })).message).toMatchInlineSnapshot(`"horizontalBar: idPrefix: received "1 chart"; expected letters, digits, "-" or "_", starting with a letter"`);
		expect(errorOf(() => horizontalBar([row(1)], { ...options, width: 100 })).message).toMatchInlineSnapshot(`"horizontalBar: width: received 100; expected a number of at least 240"`);
	});

	it('horizontalBar(data, options) draws any valid data as a well-formed, scalable SVG with every text inside and apart', () => {
		fc.assert(
			fc.property(
				chartRows(),
				fc.option(fc.integer({ min: 0, max: 3 })),
				fc.integer({ min: 240, max: 800 }),
				(rows, referenceIndex, width) => {
					const reference = referenceIndex === null || !rows[referenceIndex] ? undefined : { ...rows[referenceIndex]!, label: '参照' };
					const text = renderToString(horizontalBar(rows, { ...options, idPrefix: 'p', width, reference }));
					expect(chartProblems(text, 'p')).toEqual([]);
					expect(textBoxes(text).filter((entry) => entry.className.includes('chart__value'))).toHaveLength(rows.length);
				},
			),
		);
	});

	it('horizontalBar(data, options) keeps every bar length proportional to its value, apart from the minimum sliver', () => {
		fc.assert(
			fc.property(
				fc.array(printableFigure('个'), { minLength: 2, maxLength: 8 }),
				(figures) => {
					const widths = rects(renderToString(horizontalBar(figures.map((entry, index) => ({ ...entry, label: `第${index}项` })), options))).map((rect) => Number(rect.attributes.width));
					const largest = Math.max(...figures.map((entry) => entry.value));
					const full = widths[figures.findIndex((entry) => entry.value === largest)]!;
					figures.forEach((entry, index) => {
						if (entry.value === 0) expect(widths[index]).toBe(0);
						else expect(widths[index]).toBeCloseTo(Math.max((entry.value / largest) * full, MIN_BAR_WIDTH), 1);
					});
				},
			),
		);
	});
});
