import { describe, expect, it } from 'vitest';
import { datasetsNewestFirst, splitIntoPages } from '../../src/site/dataset-list.ts';

const edition = (date: string, ...uses: string[][]) => ({ date, articles: uses.map((datasets) => ({ data: { datasets } })) });

describe('datasetsNewestFirst', () => {
	it('datasetsNewestFirst(datasets, editions) orders by the first edition with a story using each, newest first, then by id', () => {
		const datasets = ['tourism', 'governance', 'services', 'budget'].map((id) => ({ id }));
		const editions = [
			edition('2024-10-01', ['tourism'], ['governance']),
			edition('2024-09-18', ['services', 'budget']),
			edition('2024-01-02', ['governance']),
		];
		expect(datasetsNewestFirst(datasets, editions).map(({ dataset, firstPrinted }) => [dataset.id, firstPrinted])).toEqual([
			['tourism', '2024-10-01'],
			['budget', '2024-09-18'],
			['services', '2024-09-18'],
			// A later story using it again does not move it to the top.
			['governance', '2024-01-02'],
		]);
	});

	it('datasetsNewestFirst(datasets, editions) puts datasets no story uses last, by id, without a date', () => {
		const datasets = ['registry', 'census', 'tourism'].map((id) => ({ id }));
		expect(datasetsNewestFirst(datasets, [edition('2024-09-18', ['tourism'])])).toEqual([
			{ dataset: { id: 'tourism' }, firstPrinted: '2024-09-18' },
			{ dataset: { id: 'census' }, firstPrinted: undefined },
			{ dataset: { id: 'registry' }, firstPrinted: undefined },
		]);
	});
});

describe('splitIntoPages', () => {
	it('splitIntoPages(items, size) keeps every item once, in order, with only the last page short', () => {
		const items = Array.from({ length: 205 }, (_, index) => index);
		const pages = splitIntoPages(items, 100);
		expect(pages.map((page) => page.length)).toEqual([100, 100, 5]);
		expect(pages.flat()).toEqual(items);
	});

	it('splitIntoPages([], size) is one empty page, so the list’s first page exists', () => {
		expect(splitIntoPages([], 100)).toEqual([[]]);
	});

	it('splitIntoPages(items, size) rejects a size that is not a positive whole number', () => {
		expect(() => splitIntoPages([1], 0)).toThrow('invalid page size: 0');
	});
});
