import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { chartAltText } from '../../../src/validation/rules/chart-alt-text.ts';
import { datasetEntry, printed, tourism } from '../../helpers/rule-entries.ts';

describe('rule chart-alt-text', () => {
	it('accepts alt text saying what the chart shows', async () => {
		expect((await runRule(chartAltText, await datasetEntry(tourism()))).problems).toEqual([]);
	});

	it('refuses the title again as alt text, punctuation aside', async () => {
		const entry = await datasetEntry(tourism((data) => (data.charts[0].alt = `${data.charts[0].title}。`)));
		expect(printed((await runRule(chartAltText, entry)).problems)).toEqual([
			expect.stringMatching(/^data\/tourism\.json:\d+  charts\[0\]\.alt  received the title again \("2024年中秋假期两地接待游客"\); expected alt text a screen-reader user can use/),
		]);
	});
});
