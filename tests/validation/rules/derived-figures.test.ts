import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { derivedFigures } from '../../../src/validation/rules/derived-figures.ts';
import { datasetEntry, printed, tourism } from '../../helpers/rule-entries.ts';

const ratio = (id: string, of: string[]) => ({ id, label: '人均', operation: 'ratio', of, unit: '元', fractionDigits: 2, place: '中牟县' });

describe('rule derived-figures', () => {
	it('accepts a computed figure with its own id, computed from figures of the dataset', async () => {
		const entry = await datasetEntry(tourism((data) => (data.derived = [ratio('visitors-ratio', ['zhongmou-visitors', 'xingyang-visitors'])])));
		expect((await runRule(derivedFigures, entry)).problems).toEqual([]);
	});

	it('refuses a computed figure with the id of a printed one, naming its line', async () => {
		const entry = await datasetEntry(tourism((data) => (data.derived = [ratio('zhongmou-visitors', ['zhongmou-visitors', 'xingyang-visitors'])])));
		expect(printed((await runRule(derivedFigures, entry)).problems)).toEqual([
			expect.stringMatching(/^data\/tourism\.json:\d+  derived\[0\]\.id  duplicate figure id "zhongmou-visitors"; expected every figure of a dataset to have its own id$/),
		]);
	});

	it('refuses a computed figure of a figure the dataset does not have', async () => {
		const entry = await datasetEntry(tourism((data) => (data.derived = [ratio('visitors-ratio', ['zhongmou-visitors', 'zhongmou-visits'])])));
		const [problem, ...more] = (await runRule(derivedFigures, entry)).problems;
		expect(more).toEqual([]);
		expect(problem).toMatchObject({ file: 'data/tourism.json', field: 'derived[0].of' });
		expect(problem.message).toContain('zhongmou-visits');
	});
});
