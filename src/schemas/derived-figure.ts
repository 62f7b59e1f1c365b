import { z } from 'astro/zod';
import { text } from './text.ts';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case letters, digits and hyphens');

/**
 * A figure the newsroom computes from printed ones at build time, such as revenue per visitor;
 * it is never typed in by hand and is always labelled as the newsroom's calculation.
 */
export const derivedFigureSchema = z
	.strictObject({
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
	 * the second; `change` is the first's change against the second in percent (同比增长9.2%);
	 * `point-change` the difference of two percentages in percentage points (提高2.3个百分点).
	 * @example "ratio"
	 */
	operation: z.enum(['ratio', 'share', 'change', 'point-change']),
	/**
	 * For a change: what it is measured against, as printed before 增长/下降 (同比, 环比, 比上年,
	 * 较2019年同期); the second figure is that base.
	 * @example "同比"
	 */
	base: z
		.string()
		.trim()
		.regex(/^(同比|环比|[比较].+)$/, 'expected 同比, 环比, or a named period as printed, starting with 比 or 较 (比上年, 较2019年同期)')
		.optional(),
	/**
	 * The two figures, by id: numerator first; for a change, the later figure first and its base second.
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
	})
	.superRefine((definition, ctx) => {
		const change = definition.operation === 'change' || definition.operation === 'point-change';
		if (change && !definition.base) {
			ctx.addIssue({ code: 'custom', path: ['base'], message: 'missing; expected what the change is measured against: 同比, 环比, or a named period such as 较2019年同期' });
		}
		if (!change && definition.base) {
			ctx.addIssue({ code: 'custom', path: ['base'], input: definition.base, message: `expected "base" only for the operations "change" and "point-change", not "${definition.operation}"` });
		}
		const unit = definition.operation === 'change' ? '%' : definition.operation === 'point-change' ? '个百分点' : undefined;
		if (unit && definition.unit !== unit) {
			ctx.addIssue({ code: 'custom', path: ['unit'], input: definition.unit, message: `received "${definition.unit}"; expected "${unit}" for the operation "${definition.operation}"` });
		}
	});

export type DerivedFigureInput = z.input<typeof derivedFigureSchema>;
export type DerivedFigure = z.output<typeof derivedFigureSchema>;
