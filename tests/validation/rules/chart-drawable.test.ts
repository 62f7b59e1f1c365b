import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { chartDrawable } from '../../../src/validation/rules/chart-drawable.ts';
import { datasetEntry, printed, tourism } from '../../helpers/rule-entries.ts';

describe('rule chart-drawable', () => {
	it('accepts a chart of figures of its dataset that can be drawn together', async () => {
		expect((await runRule(chartDrawable, await datasetEntry(tourism()))).problems).toEqual([]);
	});

	it('refuses a chart naming a figure the dataset lacks, with a did-you-mean', async () => {
		const entry = await datasetEntry(tourism((data) => (data.charts[0].figures = ['zhongmou-visitors', 'xingyang-visitor'])));
		expect(printed((await runRule(chartDrawable, entry)).problems)).toEqual([
			expect.stringMatching(/^data\/tourism\.json:\d+  charts\[0\]  chart "visitors" names "xingyang-visitor"; did you mean "xingyang-visitors"\? expected ids of this dataset's figures: zhongmou-visitors, xingyang-visitors$/),
		]);
	});

	it("refuses a chart its renderer cannot draw, in the editors' guide's words", async () => {
		const entry = await datasetEntry(
			tourism((data) => {
				data.figures.push({ id: 'xingyang-revenue', label: '荥阳市旅游收入', value: 34406700, unit: '元', place: '荥阳市', metric: 'revenue', notation: 'compact', fractionDigits: 2, source: { article: '2024-09-18/a', sentence: '实现旅游收入3440.67万元。' } });
				data.charts[0].figures = ['zhongmou-visitors', 'xingyang-revenue'];
			}),
		);
		expect(printed((await runRule(chartDrawable, entry)).problems)).toEqual([
			expect.stringMatching(
				/^data\/tourism\.json:\d+  charts\[0\]  chart "visitors" \(多地比较, "comparison"\) cannot be drawn: figure "xingyang-revenue": unit mismatch: this figure is in 元 but figure "zhongmou-visitors" is in 人次/,
			),
		]);
	});
});
