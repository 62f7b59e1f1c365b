import { describe, expect, it } from 'vitest';
import { searchPeriod, withoutOldVersions } from '../../src/browser/search.ts';

const result = (id: string, score: number) => ({ id, score, data: () => Promise.reject(new Error('not loaded in this test')) });

describe('withoutOldVersions', () => {
	it('withoutOldVersions(results, replaced) leaves out old versions and ranks a new version no lower than its old one', () => {
		const results = [result('old-a', 9), result('b', 7), result('c', 5), result('new-a', 2)];
		expect(withoutOldVersions(results, { 'old-a': 'new-a' }).map((found) => found.id)).toEqual(['new-a', 'b', 'c']);
	});

	it('withoutOldVersions(results, replaced) keeps a new version’s own score when its old version did not match', () => {
		const results = [result('b', 7), result('new-a', 6), result('c', 5)];
		expect(withoutOldVersions(results, { 'old-a': 'new-a' }).map((found) => found.id)).toEqual(['b', 'new-a', 'c']);
	});
});

describe('withoutOldVersions with a story indexed again unchanged', () => {
	it('withoutOldVersions(results, replaced) lists once a story whose old and new versions have one id, in its month’s part and the part of changes', () => {
		const results = [result('a', 9), result('b', 7), result('a', 4)];
		expect(withoutOldVersions(results, { a: 'a' }).map((found) => found.id)).toEqual(['a', 'b']);
		expect(withoutOldVersions(results, {}).map((found) => found.id)).toEqual(['a', 'b']);
	});
});

describe('searchPeriod', () => {
	const part = (month: string) => ({ path: `${month}/`, tag: month, months: [month] });
	// Five months: the newest is the primary part, the part of changes holds a story of 2024-01.
	const parts = {
		primary: { path: '', tag: 'p', months: ['2024-10'] },
		merged: [part('2023-12'), part('2024-01'), part('2024-02'), part('2024-09'), { path: 'changes/', tag: 'c', months: ['2024-01'] }],
		replaced: {},
		filters: {},
	};

	it('searchPeriod(parts, n) covers the whole archive when it has no more than n months', () => {
		expect(searchPeriod(parts, 12, undefined, undefined)).toEqual({ months: ['2024-10', '2024-09', '2024-02', '2024-01', '2023-12'], older: undefined, partial: false });
	});

	it('searchPeriod(parts, n) covers the newest n months, then the n before a month', () => {
		expect(searchPeriod(parts, 2, undefined, undefined)).toEqual({ months: ['2024-10', '2024-09'], older: '2024-02', partial: true });
		expect(searchPeriod(parts, 2, undefined, '2024-09')).toEqual({ months: ['2024-02', '2024-01'], older: '2023-12', partial: true });
		expect(searchPeriod(parts, 2, undefined, '2024-01')).toEqual({ months: ['2023-12'], older: undefined, partial: true });
	});

	it('searchPeriod(parts, n, edition) covers the picked date’s month only', () => {
		expect(searchPeriod(parts, 2, '2024-01-02', '2024-09')).toEqual({ months: ['2024-01'], older: undefined, partial: false });
	});
});
