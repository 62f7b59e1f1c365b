import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partOfWhole, type PartOfWholeOptions } from '../../src/charts/part-of-whole.ts';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { label, printableFigure } from './arbitraries.ts';
import { chartProblems, expectSvgSnapshot, figure, parseSvg, sampleDataset, textBoxes, message } from './svg-testing.ts';

const services = await sampleDataset('zhongyuan-government-services');
const byId = (id: string) => services.figures.find((entry) => entry.id === id)!;
const delegated = byId('delegated-items');
const items = byId('service-items');

const options: PartOfWholeOptions = {
	idPrefix: 'delegated',
	title: '向街道（社区）延伸的高频业务',
	description: '进驻区级政务大厅的1589项审批服务中，187项高频业务向街道（社区）延伸。',
};

const FORTY = '纳入基层治理队伍范畴的社区工作者五老人员物业楼栋院长新就业群体和志愿者等多元力量';

function widths(svg: string): { whole: number; part: number } {
	const rects = parseSvg(svg).filter((element) => element.name === 'rect');
	const width = (className: string) => Number(rects.find((rect) => rect.attributes.class === className)!.attributes.width);
	return { whole: width('chart__whole'), part: width('chart__part') };
}

describe('partOfWhole', () => {
	it('partOfWhole(data, options) draws 187 of 1589 service items as a share of one bar', async () => {
		const svg = partOfWhole({ part: delegated, whole: items }, options);
		await expectSvgSnapshot(svg, 'part-of-whole-delegated');
		const text = renderToString(svg);
		expect(chartProblems(text, 'delegated')).toEqual([]);
		expect(textBoxes(text).map((entry) => entry.text)).toEqual(['向街道(社区)延伸的高频业务', '187项', '进驻区级政务大厅的审批服务事项', '1589项']);
		const { whole, part } = widths(text);
		expect(part / whole).toBeCloseTo(187 / 1589, 3);
		expect(text).not.toMatch(/<circle|<path/);
	});

	it('partOfWhole(data, options) shows a part of 0 as "0" with no bar, and a tiny part as a sliver', () => {
		const zero = renderToString(partOfWhole({ part: { ...delegated, value: 0 }, whole: items }, options));
		expect(widths(zero).part).toBe(0);
		expect(textBoxes(zero).map((entry) => entry.text)).toContain('0项');
		const tiny = renderToString(partOfWhole({ part: { ...delegated, value: 1 }, whole: { ...items, value: 10_000 } }, options));
		expect(widths(tiny).part).toBe(2);
	});

	it('partOfWhole(data, options) wraps 40-character labels and keeps them apart', async () => {
		const svg = partOfWhole({ part: { ...delegated, label: FORTY }, whole: { ...items, label: FORTY } }, options);
		await expectSvgSnapshot(svg, 'part-of-whole-long-labels');
		expect(chartProblems(renderToString(svg), 'delegated')).toEqual([]);
	});

	it('partOfWhole(data, options) refuses a part larger than its whole, a whole of 0 and parts in another unit', () => {
		expect(message(() => partOfWhole({ part: { ...delegated, value: 2000 }, whole: items }, options))).toMatchInlineSnapshot(`"partOfWhole: part.value: 2000项 is more than the whole, 1589项; expected a part no larger than its whole"`);
		expect(message(() => partOfWhole({ part: { ...delegated, value: 0 }, whole: { ...items, value: 0 } }, options))).toMatchInlineSnapshot(`"partOfWhole: whole.value: received 0; expected a whole greater than 0 to take a part of"`);
		expect(message(() => partOfWhole({ part: { ...figure(187, '个'), label: '事项' }, whole: items }, options))).toMatchInlineSnapshot(`"partOfWhole: part: unit mismatch: this figure is in 个 but whole is in 项; expected every figure of one chart in the same unit"`);
		expect(message(() => partOfWhole({ part: { ...delegated, value: Number.NaN }, whole: items }, options))).toMatchInlineSnapshot(`"partOfWhole: part.value: received NaN; expected a finite number"`);
	});

	it('partOfWhole(data, options) draws any part of any whole as a well-formed SVG with every text inside and apart', () => {
		const data = fc
			.tuple(printableFigure('项'), printableFigure('项'), label, label)
			.filter(([a, b]) => Math.max(a.value, b.value) > 0)
			.map(([a, b, partLabel, wholeLabel]) => {
				const [part, whole] = a.value <= b.value ? [a, b] : [b, a];
				return { part: { ...part, label: partLabel }, whole: { ...whole, label: wholeLabel } };
			});
		fc.assert(
			fc.property(data, fc.integer({ min: 240, max: 800 }), (input, width) => {
				const text = renderToString(partOfWhole(input, { ...options, idPrefix: 'p', width }));
				expect(chartProblems(text, 'p')).toEqual([]);
				const { whole, part } = widths(text);
				expect(part).toBeLessThanOrEqual(whole);
			}),
		);
	});
});
