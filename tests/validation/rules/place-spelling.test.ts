import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { placeSpelling } from '../../../src/validation/rules/place-spelling.ts';
import { datasetEntry, printed, tourism } from '../../helpers/rule-entries.ts';

describe('rule place-spelling', () => {
	it('accepts each place written one way', async () => {
		expect((await runRule(placeSpelling, await datasetEntry(tourism()))).problems).toEqual([]);
	});

	it('refuses a place written without its 市 beside the full name, with a did-you-mean', async () => {
		const entry = await datasetEntry(tourism((data) => (data.figures[1].place = '荥阳')));
		entry.data.figures.push({ ...entry.data.figures[1], id: 'xingyang-revenue', place: '荥阳市' } as never);
		expect(printed((await runRule(placeSpelling, entry)).problems)).toEqual([
			expect.stringMatching(/^data\/tourism\.json:\d+  figures\[1\]\.place  received "荥阳"; did you mean "荥阳市"\? expected each place written one way/),
		]);
	});
});
