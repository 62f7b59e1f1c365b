import { z } from 'astro/zod';
import { toShanghaiIso } from '../core/dates.ts';

/** `YYYY-MM-DD` as written by editors; a YAML date (which Astro's parser turns into a `Date`) is accepted too. */
export const isoDate = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
	z.iso.date({ error: 'expected a date written as YYYY-MM-DD, such as "2024-09-18"' }),
);

/**
 * A moment with an explicit `+08:00` offset, the paper's own time zone.
 * A YAML timestamp that Astro's parser already turned into a `Date` is converted to the same form.
 */
export const shanghaiDateTime = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? toShanghaiIso(value) : value),
	z
		.string({ error: 'expected a date and time such as "2024-09-18T06:00:00+08:00"' })
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+08:00$/, {
			error: 'expected a date and time with the +08:00 offset, such as "2024-09-18T06:00:00+08:00"',
		})
		.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'expected a real calendar date and time' }),
);

/**
 * When a story was published: a moment as {@link shanghaiDateTime}, or the date alone
 * (`"2024-09-18"`) when the paper gives no time, as for a story taken from the printed page.
 */
export const publicationTime = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? toShanghaiIso(value) : value),
	z
		.string({ error: 'expected a date and time such as "2024-09-18T06:00:00+08:00"' })
		.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?\+08:00)?$/, {
			error: 'expected a date and time with the +08:00 offset, such as "2024-09-18T06:00:00+08:00"',
		})
		.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'expected a real calendar date and time' }),
);

/** A {@link publicationTime} as a moment: the date alone stands for its first instant in Beijing. */
export function publicationInstant(value: string): string {
	return isDateAlone(value) ? `${value}T00:00:00+08:00` : value;
}

/** Whether a {@link publicationTime} is the date alone, with no time known. */
export function isDateAlone(value: string): boolean {
	return !value.includes('T');
}
