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

/** `2024-09-18` → `2024年9月18日 星期三`, the form of an edition's masthead. */
export function formatEditionDate(isoDate: string): string {
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
