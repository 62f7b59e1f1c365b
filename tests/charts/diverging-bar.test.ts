import { describe, expect, it } from 'vitest';
import { divergingBar } from '../../src/charts/diverging-bar.ts';
import type { ChartRow } from '../../src/charts/chart-row.ts';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { chartProblems, figure, message, parseSvg, textBoxes } from './svg-testing.ts';

const change = (direction: '增长' | '下降' | '减少', value: number) =>
	figure(value, '%', { fractionDigits: 1, change: { kind: 'percent', direction, base: '同比' } });

/** Growth of holiday visitors in four places, two of them declines, as a tourism report prints them. */
const rows: ChartRow[] = [
	{ ...change('增长', 9.2), label: '郑州市' },
	{ ...change('下降', -5.1), label: '登封市' },
	{ ...change('增长', 25.3), label: '新郑市' },
	{ ...change('减少', -3.4), label: '巩义市' },
];
const options = { idPrefix: 'growth', title: '中秋假期各地接待游客同比变化', description: '郑州市同比增长9.2%，登封市同比下降5.1%，新郑市同比增长25.3%，巩义市同比减少3.4%。' };

describe('divergingBar', () => {
	it('divergingBar(rows, options) draws declines left of zero and rises right of it, labelled with the paper\'s words', () => {
		for (const width of [360, 640]) {
			const svg = renderToString(divergingBar(rows, { ...options, width }));
			expect(chartProblems(svg, 'growth')).toEqual([]);
			const values = textBoxes(svg).filter((text) => text.className.includes('chart__value')).map((text) => text.text);
			expect(values).toEqual(['增长9.2%', '下降5.1%', '增长25.3%', '减少3.4%']);
			const elements = parseSvg(svg);
			const zero = Number(elements.find((element) => element.attributes.class === 'chart__baseline')!.attributes.x1);
			const bars = elements.filter((element) => element.name === 'rect');
			const [zhengzhou, dengfeng, xinzheng, gongyi] = bars.map((bar) => ({ x: Number(bar.attributes.x), width: Number(bar.attributes.width) }));
			// Rises start at zero and go right; declines end at zero.
			expect(zhengzhou!.x).toBeCloseTo(zero, 2);
			expect(dengfeng!.x + dengfeng!.width).toBeCloseTo(zero, 2);
			expect(gongyi!.x + gongyi!.width).toBeCloseTo(zero, 2);
			// One linear scale for both sides.
			expect(dengfeng!.width / xinzheng!.width).toBeCloseTo(5.1 / 25.3, 2);
			expect(bars[1]!.attributes.class).toContain('chart__bar--negative');
			// Ticks on both sides of zero.
			const ticks = textBoxes(svg).filter((text) => text.className.includes('chart__tick-label')).map((text) => text.text);
			expect(ticks).toContain('0');
			expect(ticks.some((tick) => tick.startsWith('-'))).toBe(true);
		}
	});

	it('divergingBar refuses a figure that is not a change, and changes against different bases', () => {
		expect(message(() => divergingBar([...rows, { ...figure(5, '%'), label: '中牟县' }], options))).toMatchInlineSnapshot(`"divergingBar: rows[4] ("中牟县").change: missing; expected every figure of a change chart to be a change (同比增长9.2%, 下降5.1%)"`);
		const otherBase = { ...rows[0]!, label: '荥阳市', change: { kind: 'percent' as const, direction: '增长' as const, base: '较2019年同期' } };
		expect(message(() => divergingBar([...rows, otherBase], options))).toMatchInlineSnapshot(`"divergingBar: rows[4] ("荥阳市").change: received a change 较2019年同期 (percent) but rows[0] ("郑州市") is 同比 (percent); expected every change of one chart against the same base"`);
	});

	it('divergingBar refuses a negative value that is not a change', () => {
		expect(message(() => divergingBar([{ ...figure(-5, '人次'), label: '中牟县' }], options))).toMatchInlineSnapshot(`"divergingBar: rows[0] ("中牟县").value: received -5; expected a count or amount of 0 or more"`);
	});
});
