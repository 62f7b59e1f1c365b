import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { chartNumbers } from '../../../src/validation/rules/chart-numbers.ts';
import { datasetEntry, tourism } from '../../helpers/rule-entries.ts';

describe('rule chart-numbers', () => {
	it("accepts a chart whose title and alt text print its figures' numbers", async () => {
		expect((await runRule(chartNumbers, await datasetEntry(tourism()))).problems).toEqual([]);
	});

	it('reports a number in the alt text that no figure prints, as a number a changed figure may explain', async () => {
		const entry = await datasetEntry(tourism((data) => (data.charts[0].alt = data.charts[0].alt.replace('76.57万', '76.58万'))));
		const reported = await runRule(chartNumbers, entry);
		expect(reported.problems).toHaveLength(1);
		expect(reported.problems[0]).toMatchObject({ file: 'data/tourism.json', field: 'charts[0].alt' });
		expect(reported.problems[0].message).toMatch(/^chart "visitors": .*76\.58万人次/);
		expect(reported.unprinted).toEqual([{ problem: reported.problems[0], printed: '76.58万人次' }]);
	});
});
