import { describe, expect, it } from 'vitest';
import { formatDateTime, formatEditionDate, formatPageNumber, formatShortDate, toShanghaiIso } from '../../src/core/dates.ts';

describe('formatEditionDate', () => {
	it('formatEditionDate(date) writes the masthead form with the weekday', () => {
		expect(formatEditionDate('2024-09-18')).toBe('2024年9月18日 星期三');
		expect(formatEditionDate('2024-09-15')).toBe('2024年9月15日 星期日');
	});

	it('formatEditionDate(date) does not shift the day on a machine in another time zone', () => {
		const zone = process.env.TZ;
		process.env.TZ = 'America/Los_Angeles';
		try {
			expect(formatEditionDate('2024-01-01')).toBe('2024年1月1日 星期一');
		} finally {
			process.env.TZ = zone;
		}
	});
});

describe('formatShortDate and formatDateTime', () => {
	it('formatShortDate(date) is the citation line form', () => {
		expect(formatShortDate('2024-09-18')).toBe('2024年9月18日');
	});

	it('formatDateTime(iso) shows Beijing time whatever offset the moment was written in', () => {
		expect(formatDateTime('2024-09-18T06:05:00+08:00')).toBe('2024年9月18日 06:05');
		expect(formatDateTime('2024-09-17T22:05:00Z')).toBe('2024年9月18日 06:05');
	});

	it('toShanghaiIso(date) writes the +08:00 form', () => {
		expect(toShanghaiIso(new Date('2024-09-17T22:05:00Z'))).toBe('2024-09-18T06:05:00+08:00');
	});

	it('formatPageNumber(page) pads to two digits as printed', () => {
		expect(formatPageNumber(5)).toBe('05');
		expect(formatPageNumber(12)).toBe('12');
	});
});
