import { describe, expect, it } from 'vitest';
import { datesBetween, daysInMonth, monthCalendar, weekday } from '../../src/core/calendar.ts';

describe('monthCalendar', () => {
	it('monthCalendar(month, "monday") starts each week on Monday, as 一 二 三 四 五 六 日', () => {
		const calendar = monthCalendar('2024-09', 'monday');
		expect(calendar.weekdays.map((day) => day.short).join('')).toBe('一二三四五六日');
		// 1 September 2024 was a Sunday: the first row is six blanks and the 1st.
		expect(calendar.weeks[0]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, '2024-09-01']);
		expect(calendar.weeks[3][2]).toBe('2024-09-18');
		expect(calendar.weeks.at(-1)).toEqual(['2024-09-30', undefined, undefined, undefined, undefined, undefined, undefined]);
		expect(calendar.weeks).toHaveLength(6);
	});

	it('monthCalendar(month, "sunday") starts each week on Sunday, as 日 一 … 六', () => {
		const calendar = monthCalendar('2024-09', 'sunday');
		expect(calendar.weekdays.map((day) => day.short).join('')).toBe('日一二三四五六');
		expect(calendar.weekdays[0].long).toBe('星期日');
		expect(calendar.weeks[0][0]).toBe('2024-09-01');
		expect(calendar.weeks[2][3]).toBe('2024-09-18');
		expect(calendar.weeks).toHaveLength(5);
	});

	it('monthCalendar lays out every day of the month once, leap days included, in rows of seven', () => {
		for (const month of ['2024-02', '2023-02', '2024-12', '2026-03']) {
			for (const start of ['monday', 'sunday'] as const) {
				const { weeks } = monthCalendar(month, start);
				expect(weeks.every((week) => week.length === 7)).toBe(true);
				expect(weeks.flat().filter(Boolean)).toEqual(datesBetween(`${month}-01`, `${month}-${daysInMonth(month)}`));
			}
		}
		expect(daysInMonth('2024-02')).toBe(29);
		expect(daysInMonth('2023-02')).toBe(28);
	});
});

describe('weekday and datesBetween', () => {
	it('weekday(date) is the day of the week whatever the machine’s time zone (2024-09-18 was a Wednesday)', () => {
		expect(weekday('2024-09-18')).toBe(3);
		expect(weekday('2024-09-22')).toBe(0);
	});

	it('datesBetween(first, last) lists every date from first to last across months and years', () => {
		expect(datesBetween('2023-12-30', '2024-01-02')).toEqual(['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02']);
		expect(datesBetween('2024-09-18', '2024-09-18')).toEqual(['2024-09-18']);
	});
});
