/** Dates as the paper prints them, always in Beijing time whatever the build machine's zone. */

const TIME_ZONE = 'Asia/Shanghai';

const dateParts = new Intl.DateTimeFormat('zh-CN', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: 'long',
	day: 'numeric',
	weekday: 'long',
});

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
});

/** A calendar date `YYYY-MM-DD` as the instant it starts in Beijing. */
export function editionInstant(isoDate: string): Date {
	return new Date(`${isoDate}T00:00:00+08:00`);
}

/** Edition dates as printed, by ISO date: pages print the same few dates over and over, and `formatToParts` is slow. */
const printedDates = new Map<string, string>();

/** `2024-09-18` → `2024年9月18日 星期三`, the form of an edition's masthead. */
export function formatEditionDate(isoDate: string): string {
	let printed = printedDates.get(isoDate);
	if (printed === undefined) {
		printed = formatWithParts(isoDate);
		printedDates.set(isoDate, printed);
	}
	return printed;
}

function formatWithParts(isoDate: string): string {
	const parts = dateParts.formatToParts(editionInstant(isoDate));
	const weekday = parts.find((part) => part.type === 'weekday')?.value ?? '';
	const date = parts
		.filter((part) => part.type !== 'weekday')
		.map((part) => part.value)
		.join('')
		.trim();
	return `${date} ${weekday}`;
}

/** `2024-09-18` → `2024年9月18日`, the form used in citation lines. */
export function formatShortDate(isoDate: string): string {
	return formatEditionDate(isoDate).split(' ')[0];
}

/** An ISO 8601 moment → `2024年9月18日 06:00`, in Beijing time. */
export function formatDateTime(iso: string): string {
	const date = new Date(iso);
	return `${formatShortDate(toShanghaiIso(date).slice(0, 10))} ${timeFormat.format(date)}`;
}

/** Writes a `Date` as ISO 8601 in Beijing time, e.g. `2024-09-18T06:00:00+08:00`. */
export function toShanghaiIso(date: Date): string {
	const shifted = new Date(date.getTime() + 8 * 3600_000);
	return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** Page number as printed in 第05版 and in the citation line (05版). */
export function formatPageNumber(page: number): string {
	return String(page).padStart(2, '0');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO 8601 moment as RFC 822 in Beijing time, for RSS: `Wed, 18 Sep 2024 06:00:00 +0800`. */
export function formatRfc822(iso: string): string {
	// Shift by eight hours and read the UTC fields: the wall-clock time in Beijing, which has no DST.
	const beijing = new Date(new Date(iso).getTime() + 8 * 3600_000);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${WEEKDAYS[beijing.getUTCDay()]}, ${pad(beijing.getUTCDate())} ${MONTHS[beijing.getUTCMonth()]} ${beijing.getUTCFullYear()} ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}:${pad(beijing.getUTCSeconds())} +0800`;
}
