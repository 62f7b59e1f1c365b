/**
 * A month laid out as a printed calendar: weeks as rows, weekdays as columns, starting on Monday
 * or Sunday as the site is configured (`weekStart` in site.config.json). Pure date arithmetic on
 * `YYYY-MM-DD` strings, in UTC so the build machine's time zone cannot shift a day.
 */

/** Which weekday a calendar's first column is. */
export type WeekStart = 'monday' | 'sunday';

/** A month's calendar: its weekday headings and its weeks, each seven days or blanks. */
export interface MonthCalendar {
	/** `2024-09`. */
	month: string;
	/** The column headings in order: 一 二 三 四 五 六 日, or 日 一 … 六. */
	weekdays: { short: string; long: string }[];
	/** Rows of seven cells; a cell outside the month is `undefined`. */
	weeks: (string | undefined)[][];
}

const SHORT = ['日', '一', '二', '三', '四', '五', '六'];

/** The number of days of a `YYYY-MM` month. */
export function daysInMonth(month: string): number {
	const [year, number] = month.split('-').map(Number);
	return new Date(Date.UTC(year, number, 0)).getUTCDate();
}

/** The weekday of a `YYYY-MM-DD` date, 0 for Sunday. */
export function weekday(date: string): number {
	const [year, month, day] = date.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Lays out a `YYYY-MM` month with its first column on `weekStart`. */
export function monthCalendar(month: string, weekStart: WeekStart): MonthCalendar {
	const first = weekStart === 'monday' ? 1 : 0;
	const order = Array.from({ length: 7 }, (_, index) => (first + index) % 7);
	const days = Array.from({ length: daysInMonth(month) }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`);
	const lead = (weekday(days[0]) - first + 7) % 7;
	const cells: (string | undefined)[] = [...Array.from({ length: lead }, () => undefined), ...days];
	while (cells.length % 7 !== 0) cells.push(undefined);
	const weeks = Array.from({ length: cells.length / 7 }, (_, row) => cells.slice(row * 7, row * 7 + 7));
	return { month, weekdays: order.map((day) => ({ short: SHORT[day], long: `星期${SHORT[day]}` })), weeks };
}


/** Every `YYYY-MM-DD` date from `first` to `last`, both included. */
export function datesBetween(first: string, last: string): string[] {
	const dates: string[] = [];
	const end = Date.parse(`${last}T00:00:00Z`);
	for (let time = Date.parse(`${first}T00:00:00Z`); time <= end; time += 86_400_000) dates.push(new Date(time).toISOString().slice(0, 10));
	return dates;
}
