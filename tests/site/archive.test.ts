import { describe, expect, it } from 'vitest';
import { formatArchiveMonth, formatArchiveYear, groupArchive } from '../../src/site/archive.ts';

const editions = ['2024-10-01', '2023-12-31', '2024-09-18', '2024-01-02', '2024-09-17', '2023-12-30'].map((date) => ({ date }));
const dates = (list: { date: string }[]) => list.map((edition) => edition.date);

describe('groupArchive', () => {
	it('groupArchive(editions) lists the months with an edition newest first across the years, each month’s editions newest first', () => {
		const { months } = groupArchive(editions);
		expect(months.map((month) => [month.month, month.year, dates(month.editions)])).toEqual([
			['2024-10', '2024', ['2024-10-01']],
			['2024-09', '2024', ['2024-09-18', '2024-09-17']],
			['2024-01', '2024', ['2024-01-02']],
			['2023-12', '2023', ['2023-12-31', '2023-12-30']],
		]);
	});

	it('groupArchive(editions) lists the years newest first with their months and how many editions each had', () => {
		const { years } = groupArchive(editions);
		expect(years.map((year) => [year.year, year.months.map((month) => month.month), year.editionCount])).toEqual([
			['2024', ['2024-10', '2024-09', '2024-01'], 4],
			['2023', ['2023-12'], 2],
		]);
	});

	it('groupArchive(editions) groups a list once and leaves it in its order', () => {
		const list = [{ date: '2024-01-02' }, { date: '2024-09-18' }];
		expect(groupArchive(list)).toBe(groupArchive(list));
		expect(dates(list)).toEqual(['2024-01-02', '2024-09-18']);
	});

	it('groupArchive([]) has no years and no months', () => {
		expect(groupArchive([])).toEqual({ years: [], months: [] });
	});
});

describe('formatArchiveYear and formatArchiveMonth', () => {
	it('formatArchiveMonth(month) writes the month without a leading zero, as the archive’s headings do', () => {
		expect(formatArchiveMonth('2024-09')).toBe('2024年9月');
		expect(formatArchiveMonth('2024-10')).toBe('2024年10月');
	});

	it('formatArchiveYear(year) writes 年 after the year', () => {
		expect(formatArchiveYear('2024')).toBe('2024年');
	});
});
