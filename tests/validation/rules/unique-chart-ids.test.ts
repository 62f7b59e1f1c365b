import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { uniqueChartIds } from '../../../src/validation/rules/unique-chart-ids.ts';
import { datasetEntry, printed, tourism } from '../../helpers/rule-entries.ts';

describe('rule unique-chart-ids', () => {
	it('accepts charts with ids of their own', async () => {
		const entry = await datasetEntry(tourism((data) => data.charts.push({ ...data.charts[0], id: 'visitors-2' })));
		expect((await runRule(uniqueChartIds, entry)).problems).toEqual([]);
	});

	it('refuses a second chart with the same id, naming the second', async () => {
		const entry = await datasetEntry(tourism((data) => data.charts.push({ ...data.charts[0] })));
		expect(printed((await runRule(uniqueChartIds, entry)).problems)).toEqual([
			expect.stringMatching(/^data\/tourism\.json:\d+  charts\[1\]\.id  duplicate chart id "visitors"; expected every chart of a dataset to have its own id$/),
		]);
	});
});
