import { describe, expect, it } from 'vitest';
import { lastModified } from '../../src/lib/json-ld.ts';

const published = '2024-09-19T06:00:00+08:00';

describe('lastModified', () => {
	it('lastModified(article) is the publication time of a story never changed', () => {
		expect(lastModified({ publishedAt: published, corrections: [] })).toBe(published);
	});

	it('lastModified(article) is the latest of the update time and the corrections’ dates', () => {
		const corrections = [
			{ date: '2024-09-19T18:00:00+08:00', text: '更正一' },
			{ date: '2024-09-20T09:00:00+08:00', text: '更正二' },
		];
		expect(lastModified({ publishedAt: published, updatedAt: '2024-09-19T15:30:00+08:00', corrections })).toBe('2024-09-20T09:00:00+08:00');
		expect(lastModified({ publishedAt: published, updatedAt: '2024-09-21T08:00:00+08:00', corrections })).toBe('2024-09-21T08:00:00+08:00');
	});
});
