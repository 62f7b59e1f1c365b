import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { editionDate } from '../../../src/validation/rules/edition-date.ts';
import { editionEntry, printed } from '../../helpers/rule-entries.ts';

const edition = (date: string) => ({ date, pages: [{ number: 5, name: '区县新闻' }] });

describe('rule edition-date', () => {
	it("accepts an edition dated as its folder is named", async () => {
		expect((await runRule(editionDate, await editionEntry(edition('2024-09-18')))).problems).toEqual([]);
	});

	it('refuses an edition whose date is not its folder, naming the line', async () => {
		expect(printed((await runRule(editionDate, await editionEntry(edition('2024-09-19')))).problems)).toEqual([
			'content/2024-09-18/edition.json:2  date  received "2024-09-19"; expected "2024-09-18", the name of the edition\'s folder',
		]);
	});
});
