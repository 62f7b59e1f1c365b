import { z } from 'astro/zod';
import { text } from './text.ts';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case letters, digits and hyphens');

/**
 * A figure the newsroom computes from printed ones at build time, such as revenue per visitor;
 * it is never typed in by hand and is always labelled as the newsroom's calculation.
 */
export const derivedFigureSchema = z.strictObject({
	/**
	 * Identifies the figure within its dataset.
	 * @example "xingyang-revenue-per-visitor"
	 */
	id,
	/**
	 * What it measures.
	 * @example "荥阳市游客人均旅游消费"
	 */
	label: text(),
	/**
	 * `ratio` divides the first figure by the second; `share` gives the first as a percentage of
	 * the second.
	 * @example "ratio"
	 */
	operation: z.enum(['ratio', 'share']),
	/**
	 * The two figures, by id: numerator first.
	 * @example ["xingyang-revenue", "xingyang-visitors"]
	 */
	of: z.tuple([id, id]),
	/**
	 * The unit of the result (`%` for a share).
	 * @example "元"
	 */
	unit: text().max(6),
	/**
	 * Digits after the decimal point.
	 * @example 2
	 */
	fractionDigits: z.int().min(0).max(4).default(1),
	/**
	 * For a holiday tourism dataset: the place the result is for.
	 * @example "荥阳市"
	 */
	place: text().optional(),
});

export type DerivedFigureInput = z.input<typeof derivedFigureSchema>;
export type DerivedFigure = z.output<typeof derivedFigureSchema>;
